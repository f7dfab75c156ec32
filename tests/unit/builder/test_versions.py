from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from builder.canonical import canonical_bytes
from builder.versions import (
    DefinitionInvalid,
    InMemoryVersionRepository,
    VersionExists,
    VersionNotFound,
    publish,
    retire,
    save_draft,
)
from tests.unit.builder.helpers import minimal, patch

CODE = "izin-contoh"


def test_publish_twice_same_content_gives_one_version() -> None:
    repo = InMemoryVersionRepository()
    first = publish(repo, CODE, minimal(), actor=7, note="first")
    again = publish(repo, CODE, minimal(), actor=8, note="again")
    assert again == first
    assert [v.number for v in repo.list(CODE)] == [1]
    assert first.published_by == 7 and first.note == "first"


def test_changed_content_gets_the_next_number() -> None:
    repo = InMemoryVersionRepository()
    publish(repo, CODE, minimal())
    changed = patch(minimal(), [("set", "/service_standard/sla_working_days", 3)])
    second = publish(repo, CODE, changed)
    assert second.number == 2
    assert repo.latest(CODE) == second
    assert second.canonical == canonical_bytes(changed)


def test_publish_refuses_a_definition_with_errors() -> None:
    repo = InMemoryVersionRepository()
    broken = patch(minimal(), [("set", "/workflow/steps/0/role", "lurah")])
    with pytest.raises(DefinitionInvalid) as exc:
        publish(repo, CODE, broken)
    assert [p.code for p in exc.value.problems] == ["unknown_role"]
    assert repo.list(CODE) == []


def test_publish_refuses_another_code() -> None:
    with pytest.raises(DefinitionInvalid) as exc:
        publish(InMemoryVersionRepository(), "izin-lain", minimal())
    assert exc.value.problems[-1].code == "code_mismatch"


def test_published_version_is_immutable() -> None:
    repo = InMemoryVersionRepository()
    version = publish(repo, CODE, minimal())
    with pytest.raises(dataclasses.FrozenInstanceError):
        version.number = 5  # type: ignore[misc]
    version.definition["code"] = "tampered"
    assert version.definition["code"] == CODE
    with pytest.raises(VersionExists):
        repo.add(dataclasses.replace(version, note="overwrite"))
    assert repo.get(CODE, 1) == version


def test_retire_marks_once_and_keeps_content() -> None:
    repo = InMemoryVersionRepository()
    version = publish(repo, CODE, minimal())
    at = dt.datetime(2025, 1, 2, tzinfo=dt.UTC)
    retired = retire(repo, CODE, 1, at=at)
    assert retired.retired_at == at and retired.canonical == version.canonical
    assert retire(repo, CODE, 1).retired_at == at
    with pytest.raises(VersionNotFound):
        retire(repo, CODE, 9)


def test_save_draft_keeps_an_invalid_draft_and_reports() -> None:
    repo = InMemoryVersionRepository()
    broken = patch(minimal(), [("del", "/name")])
    problems = save_draft(repo, CODE, broken, actor=3)
    assert [p.code for p in problems] == ["required_key"]
    draft = repo.get_draft(CODE)
    assert draft is not None and draft.definition == broken and draft.updated_by == 3
