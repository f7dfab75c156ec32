"""Versions of a permit type: drafts, immutable published versions, retirement.

Storage-agnostic domain logic. The services take a `VersionRepository` and plain data:

- `save_draft(repo, code, definition, *, actor)` stores the editable draft (even an invalid one,
  so nothing typed is lost) and returns its problems;
- `publish(repo, code, definition, *, actor, note)` upgrades the definition to the current format,
  refuses it with `DefinitionInvalid(problems)` when the schema or the lint finds an error, and
  otherwise adds a new `PublishedVersion` numbered after the last one. Publishing content whose
  hash equals an existing version of the same permit type returns that version unchanged (the
  database holds one row per (permit type, content hash));
- `retire(repo, code, number, *, at=None)` marks a version retired (the only change a published
  version ever undergoes; in-flight applications keep using it).

`VersionRepository` (implemented by `InMemoryVersionRepository` here and by the runtime's
SQLAlchemy repository):

- `latest(code)` → the highest-numbered published version, or None;
- `get(code, number)` → that version, or None;
- `find_by_hash(code, content_hash)` → the version with that content, or None;
- `list(code)` → all versions, oldest first;
- `add(version)` → store a new version; must raise `VersionExists` if (code, number) exists,
  never overwrite;
- `mark_retired(code, number, at)` → the retired version (raises `VersionNotFound`);
- `save_draft(code, definition, at)` / `get_draft(code)` → the draft, or None.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from builder.canonical import canonical_bytes, content_hash
from builder.check import check_definition
from builder.lint import lint_definition
from builder.problems import Problem, has_errors


class DefinitionInvalid(Exception):
    """The definition has errors; `problems` lists all problems found (errors and warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.is_error]
        super().__init__(f"{len(errors)} error(s) in the definition")
        self.problems = problems


class VersionExists(Exception):
    """A version with this code and number is already stored: versions are never overwritten."""


class VersionNotFound(LookupError):
    """No version with this code and number."""


@dataclass(frozen=True)
class PublishedVersion:
    """An immutable published definition. `definition` returns a fresh copy on every call."""

    code: str
    number: int
    canonical: bytes
    content_hash: str
    published_at: dt.datetime
    published_by: int | None = None
    note: str = ""
    retired_at: dt.datetime | None = None

    @property
    def definition(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.canonical)
        return loaded

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True)
class Draft:
    code: str
    definition: dict[str, Any]
    updated_at: dt.datetime
    updated_by: int | None = None


class VersionRepository(Protocol):
    def latest(self, code: str) -> PublishedVersion | None: ...
    def get(self, code: str, number: int) -> PublishedVersion | None: ...
    def find_by_hash(self, code: str, content_hash: str) -> PublishedVersion | None: ...
    def list(self, code: str) -> list[PublishedVersion]: ...
    def add(self, version: PublishedVersion) -> None: ...
    def mark_retired(self, code: str, number: int, at: dt.datetime) -> PublishedVersion: ...
    def save_draft(self, draft: Draft) -> None: ...
    def get_draft(self, code: str) -> Draft | None: ...


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def save_draft(
    repo: VersionRepository, code: str, definition: dict[str, Any], *, actor: int | None = None
) -> list[Problem]:
    """Store `definition` as the draft of `code` whatever its state; return its problems."""
    repo.save_draft(Draft(code, definition, _now(), actor))
    return lint_definition(definition)


def publish(
    repo: VersionRepository,
    code: str,
    definition: dict[str, Any],
    *,
    actor: int | None = None,
    note: str = "",
) -> PublishedVersion:
    """Publish `definition` as the next version of `code` (see the module docstring).

    Raises `DefinitionInvalid` when the definition has errors or its `code` is not `code`.
    """
    definition, problems = check_definition(definition)
    if not has_errors(problems) and definition.get("code") != code:
        problems = [*problems, _code_mismatch(code, definition.get("code"))]
    if has_errors(problems):
        raise DefinitionInvalid(problems)
    digest = content_hash(definition)
    existing = repo.find_by_hash(code, digest)
    if existing is not None:
        return existing
    latest = repo.latest(code)
    version = PublishedVersion(
        code=code,
        number=(latest.number + 1) if latest else 1,
        canonical=canonical_bytes(definition),
        content_hash=digest,
        published_at=_now(),
        published_by=actor,
        note=note,
    )
    repo.add(version)
    return version


def retire(
    repo: VersionRepository, code: str, number: int, *, at: dt.datetime | None = None
) -> PublishedVersion:
    """Mark version `number` of `code` retired (idempotent: keeps the first retirement time)."""
    version = repo.get(code, number)
    if version is None:
        raise VersionNotFound(f"{code} v{number}")
    if version.retired:
        return version
    return repo.mark_retired(code, number, at or _now())


def _code_mismatch(code: str, found: Any) -> Problem:
    return Problem(
        "/code",
        "code_mismatch",
        f"kode definisi {found!r} tidak sama dengan jenis izin {code!r}",
        f"the definition's code {found!r} is not the permit type's code {code!r}",
    )


@dataclass
class InMemoryVersionRepository:
    """A `VersionRepository` in memory, for unit tests and tools."""

    versions: dict[tuple[str, int], PublishedVersion] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)

    def latest(self, code: str) -> PublishedVersion | None:
        found = self.list(code)
        return found[-1] if found else None

    def get(self, code: str, number: int) -> PublishedVersion | None:
        return self.versions.get((code, number))

    def find_by_hash(self, code: str, content_hash: str) -> PublishedVersion | None:
        return next((v for v in self.list(code) if v.content_hash == content_hash), None)

    def list(self, code: str) -> list[PublishedVersion]:
        return sorted((v for v in self.versions.values() if v.code == code), key=lambda v: v.number)

    def add(self, version: PublishedVersion) -> None:
        key = (version.code, version.number)
        if key in self.versions:
            raise VersionExists(f"{version.code} v{version.number} already exists")
        self.versions[key] = version

    def mark_retired(self, code: str, number: int, at: dt.datetime) -> PublishedVersion:
        version = self.get(code, number)
        if version is None:
            raise VersionNotFound(f"{code} v{number}")
        retired = replace(version, retired_at=at)
        self.versions[(code, number)] = retired
        return retired

    def save_draft(self, draft: Draft) -> None:
        self.drafts[draft.code] = draft

    def get_draft(self, code: str) -> Draft | None:
        return self.drafts.get(code)
