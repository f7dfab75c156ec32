"""Engine unit tests: an in-memory SQLite session with the sample definitions, no Flask."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from runtime.models import Application, Base, DefinitionVersion, Holiday, PermitType, User, UserRole
from runtime.workflow.settings import WorkflowSettings

PERMITS = Path(__file__).resolve().parents[3] / "form_schemas" / "permits"
ROLES = (
    "pemohon",
    "front_office",
    "scheduler",
    "field_inspector",
    "technical_agency",
    "back_office",
    "cashier",
    "kasi",
    "kabid",
    "kepala_dinas",
    "archivist",
    "admin",
)


def load_definition(code: str) -> dict[str, Any]:
    return json.loads((PERMITS / f"{code}.json").read_text())


@pytest.fixture()
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        s.add(Holiday(day=dt.date(2026, 8, 17), name_id="Hari Kemerdekaan"))
        yield s
    engine.dispose()


@pytest.fixture()
def users(session: Session) -> dict[str, User]:
    found = {}
    for role in ROLES:
        user = User(email=f"{role}@t.id", name=role, password_hash="x")
        user.roles.append(UserRole(role=role))
        session.add(user)
        found[role] = user
    session.flush()
    return found


@pytest.fixture()
def settings(tmp_path: Path) -> WorkflowSettings:
    return WorkflowSettings(tmp_path / "uploads", tmp_path / "keys", "http://rakit.test")


def make_application(
    session: Session,
    users: dict[str, User],
    definition: dict[str, Any],
    data: dict[str, Any] | None = None,
) -> Application:
    permit = PermitType(code=definition["code"], name_id="x", name_en="x")
    version = DefinitionVersion(
        permit_type=permit,
        number=1,
        content_hash=definition["code"],
        definition=definition,
        canonical="",
    )
    application = Application(
        version=version,
        applicant=users["pemohon"],
        data=data or {},
        registration_number=f"REG-{definition['code']}",
    )
    session.add(application)
    session.flush()
    return application
