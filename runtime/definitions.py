"""Definitions in the database: the SQLAlchemy `VersionRepository` and the publishing service.

The domain rules (validate + lint before publishing, one version per content hash, numbering,
immutability) live in `builder.versions`; this module stores what it decides. No Flask."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from builder import versions as domain
from builder.load import load_file
from builder.problems import has_errors
from runtime.audit import record
from runtime.models import DefinitionVersion, PermitType, User, utcnow

CATALOGUE = Path(__file__).resolve().parent.parent / "form_schemas" / "permits"


class SqlVersionRepository:
    """`builder.versions.VersionRepository` over PermitType/DefinitionVersion rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def permit_type(self, code: str) -> PermitType | None:
        return self.session.scalar(select(PermitType).where(PermitType.code == code))

    def row(self, code: str, number: int) -> DefinitionVersion | None:
        return self.session.scalar(
            select(DefinitionVersion)
            .join(PermitType)
            .where(PermitType.code == code, DefinitionVersion.number == number)
        )

    def latest(self, code: str) -> domain.PublishedVersion | None:
        found = self.list(code)
        return found[-1] if found else None

    def get(self, code: str, number: int) -> domain.PublishedVersion | None:
        row = self.row(code, number)
        return _to_domain(code, row) if row else None

    def find_by_hash(self, code: str, content_hash: str) -> domain.PublishedVersion | None:
        return next((v for v in self.list(code) if v.content_hash == content_hash), None)

    def list(self, code: str) -> list[domain.PublishedVersion]:
        rows = self.session.scalars(
            select(DefinitionVersion)
            .join(PermitType)
            .where(PermitType.code == code)
            .order_by(DefinitionVersion.number)
        )
        return [_to_domain(code, row) for row in rows]

    def add(self, version: domain.PublishedVersion) -> None:
        if self.row(version.code, version.number) is not None:
            raise domain.VersionExists(f"{version.code} v{version.number} already exists")
        definition = version.definition
        permit_type = self.permit_type(version.code) or PermitType(code=version.code)
        _describe(permit_type, definition)
        self.session.add(permit_type)
        self.session.flush()
        self.session.add(
            DefinitionVersion(
                permit_type_id=permit_type.id,
                number=version.number,
                content_hash=version.content_hash,
                definition=definition,
                canonical=version.canonical.decode("utf-8"),
                published_at=version.published_at,
                published_by_id=version.published_by,
                note=version.note,
            )
        )
        self.session.flush()
        row = self.row(version.code, version.number)
        assert row is not None
        record(
            self.session,
            actor=self.session.get(User, version.published_by) if version.published_by else None,
            entity="definition_version",
            entity_id=row.id,
            action="publish",
            to_state=f"v{version.number}",
            comment=version.note,
            after={"code": version.code, "number": version.number, "hash": version.content_hash},
        )

    def mark_retired(self, code: str, number: int, at: dt.datetime) -> domain.PublishedVersion:
        row = self.row(code, number)
        if row is None:
            raise domain.VersionNotFound(f"{code} v{number}")
        row.retired_at = at
        self.session.flush()
        record(
            self.session,
            actor=None,
            entity="definition_version",
            entity_id=row.id,
            action="retire",
            from_state=f"v{number}",
            to_state="retired",
        )
        return _to_domain(code, row)

    def save_draft(self, draft: domain.Draft) -> None:
        permit_type = self.permit_type(draft.code) or PermitType(code=draft.code)
        if permit_type.id is None:
            _describe(permit_type, draft.definition)
            self.session.add(permit_type)
        permit_type.draft = draft.definition
        permit_type.draft_updated_at = draft.updated_at
        self.session.flush()

    def get_draft(self, code: str) -> domain.Draft | None:
        permit_type = self.permit_type(code)
        if permit_type is None or permit_type.draft is None:
            return None
        return domain.Draft(code, permit_type.draft, permit_type.draft_updated_at or utcnow())


def _to_domain(code: str, row: DefinitionVersion) -> domain.PublishedVersion:
    return domain.PublishedVersion(
        code=code,
        number=row.number,
        canonical=row.canonical.encode("utf-8"),
        content_hash=row.content_hash,
        published_at=row.published_at,
        published_by=row.published_by_id,
        note=row.note,
        retired_at=row.retired_at,
    )


def _describe(permit_type: PermitType, definition: dict[str, Any]) -> None:
    """Copy the list columns (names, category) from the definition onto the permit type."""
    raw_name = definition.get("name")
    name: dict[str, Any] = raw_name if isinstance(raw_name, dict) else {}
    permit_type.name_id = str(name.get("id") or permit_type.code)
    permit_type.name_en = str(name.get("en") or permit_type.name_id)
    raw_category = definition.get("category")
    category: dict[str, Any] = raw_category if isinstance(raw_category, dict) else {}
    permit_type.category_code = str(category.get("code") or "")


def publish(
    session: Session, definition: dict[str, Any], *, actor: User | None = None, note: str = ""
) -> DefinitionVersion:
    """Publish `definition` as the next version of its permit type (or return the identical one).

    Raises `builder.versions.DefinitionInvalid` (with `.problems`) when it has errors."""
    repo = SqlVersionRepository(session)
    code = str(definition.get("code", ""))
    version = domain.publish(repo, code, definition, actor=actor.id if actor else None, note=note)
    row = repo.row(code, version.number)
    assert row is not None
    return row


def retire(session: Session, code: str, number: int) -> None:
    """Retire version `number` of `code`: it leaves the catalogue; applications keep it."""
    domain.retire(SqlVersionRepository(session), code, number)


def load_catalogue(
    session: Session, folder: Path | None = None, *, actor: User | None = None
) -> dict[str, DefinitionVersion]:
    """Publish every `*.json` definition in `folder` (default: the sample catalogue)."""
    published: dict[str, DefinitionVersion] = {}
    for path in sorted((folder or CATALOGUE).glob("*.json")):
        loaded = load_file(path)
        if loaded.definition is None or has_errors(loaded.problems):
            raise domain.DefinitionInvalid(loaded.problems)
        version = publish(
            session, loaded.definition, actor=actor, note=f"sample catalogue: {path.name}"
        )
        published[version.permit_type.code] = version
    return published
