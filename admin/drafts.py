"""Permit types as the admin edits them: create, clone, save the draft, retire. No Flask.

Every change writes an audit event with before/after in the same session (the caller commits).
A draft may hold problems (nothing typed is lost); only publishing refuses them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from builder.canonical import canonical_text
from builder.check import check_definition
from builder.problems import Problem
from runtime.audit import record
from runtime.models import Application, DefinitionVersion, PermitType, User, utcnow

CATALOGUE = Path(__file__).resolve().parent.parent / "form_schemas" / "permits"

#: statuses of applications that have been submitted and are not finished
IN_FLIGHT = ("submitted", "in_progress", "returned")


class PermitTypeExists(ValueError):
    """A permit type with this code already exists."""


def sample_catalogue(folder: Path | None = None) -> dict[str, dict[str, Any]]:
    """The sample definitions in `form_schemas/permits/`, by file stem."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted((folder or CATALOGUE).glob("*.json")):
        try:
            found[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
    return found


def working_definition(permit_type: PermitType) -> dict[str, Any] | None:
    """The draft if there is one, else a copy of the newest published version."""
    if permit_type.draft is not None:
        return permit_type.draft
    if permit_type.versions:
        return copy.deepcopy(permit_type.versions[-1].definition)
    return None


def clone_definition(source: dict[str, Any], code: str, name: dict[str, str] | None = None) -> Any:
    """A copy of `source` under a new `code` (and `name`, when given)."""
    clone = copy.deepcopy(source)
    clone["code"] = code
    if name:
        clone["name"] = name
    return clone


def create_permit_type(
    session: Session, definition: dict[str, Any], *, actor: User | None, how: str = "create"
) -> PermitType:
    """Add a permit type whose draft is `definition` (problems allowed). Raises PermitTypeExists."""
    code = str(definition.get("code") or "")
    if session.scalar(select(PermitType.id).where(PermitType.code == code)) is not None:
        raise PermitTypeExists(code)
    permit_type = PermitType(code=code, draft=definition, draft_updated_at=utcnow())
    describe(permit_type, definition)
    session.add(permit_type)
    session.flush()
    record(
        session,
        actor=actor,
        entity="permit_type",
        entity_id=permit_type.id,
        action=how,
        to_state="draft",
        after={"code": code, "draft": definition},
        actor_role="admin",
    )
    return permit_type


def save_draft(
    session: Session, permit_type: PermitType, definition: Any, *, actor: User | None
) -> list[Problem]:
    """Store `definition` as the draft (whatever its problems) and return its problems."""
    before = permit_type.draft
    permit_type.draft = definition
    permit_type.draft_updated_at = utcnow()
    if isinstance(definition, dict):
        describe(permit_type, definition, keep_code=True)
    record(
        session,
        actor=actor,
        entity="permit_type",
        entity_id=permit_type.id,
        action="save_draft",
        before={"draft": before},
        after={"draft": definition},
        actor_role="admin",
    )
    session.flush()
    return check_definition(definition)[1]


def retire_permit_type(session: Session, permit_type: PermitType, *, actor: User | None) -> None:
    """Take the type out of the catalogue; its versions and applications stay as they are."""
    if permit_type.retired_at is not None:
        return
    permit_type.retired_at = utcnow()
    record(
        session,
        actor=actor,
        entity="permit_type",
        entity_id=permit_type.id,
        action="retire",
        from_state="active",
        to_state="retired",
        actor_role="admin",
        before={"retired_at": None},
        after={"retired_at": permit_type.retired_at.isoformat()},
    )
    session.flush()


def describe(
    permit_type: PermitType, definition: dict[str, Any], *, keep_code: bool = False
) -> None:
    """Copy the list columns (names, category) from `definition` onto the row."""
    name = _mapping(definition.get("name"))
    if not keep_code:
        permit_type.code = str(definition.get("code") or permit_type.code)
    permit_type.name_id = str(name.get("id") or permit_type.name_id or permit_type.code)
    permit_type.name_en = str(name.get("en") or permit_type.name_en or permit_type.name_id)
    category = _mapping(definition.get("category"))
    permit_type.category_code = str(category.get("code") or permit_type.category_code or "")


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def status(permit_type: PermitType) -> str:
    """retired · draft (never published) · published · changed (published, draft differs)."""
    if permit_type.retired_at is not None:
        return "retired"
    if not permit_type.versions:
        return "draft"
    if permit_type.draft is not None and canonical_text(permit_type.draft) != (
        permit_type.versions[-1].canonical
    ):
        return "changed"
    return "published"


def application_counts(session: Session, permit_type_id: int) -> dict[str, int]:
    """Applications of a permit type by status (all versions)."""
    rows = session.execute(
        select(Application.status, func.count(Application.id))
        .join(DefinitionVersion, Application.version_id == DefinitionVersion.id)
        .where(DefinitionVersion.permit_type_id == permit_type_id)
        .group_by(Application.status)
    ).all()
    return {str(s): int(n) for s, n in rows}


def in_flight_count(session: Session, permit_type_id: int) -> int:
    counts = application_counts(session, permit_type_id)
    return sum(counts.get(s, 0) for s in IN_FLIGHT)
