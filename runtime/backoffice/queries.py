"""Read side of the back office: inboxes (overdue first, then by due time) and their counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from runtime.models import Application, DefinitionVersion, PermitType, Task


def staff_roles(roles: Iterable[str]) -> list[str]:
    return sorted(r for r in roles if r != "pemohon")


def inbox(
    session: Session, roles: list[str], now: dt.datetime, *, permit: str = "", status: str = ""
) -> list[tuple[Task, Application, PermitType]]:
    """Open tasks of `roles`; overdue first, then by due time (no due time last)."""
    overdue = case((Task.due_at < now, 0), else_=1)
    query = (
        select(Task, Application, PermitType)
        .join(Application, Task.application_id == Application.id)
        .join(DefinitionVersion, Application.version_id == DefinitionVersion.id)
        .join(PermitType, DefinitionVersion.permit_type_id == PermitType.id)
        .where(Task.status == "open", Task.role.in_(roles))
        .order_by(overdue, Task.due_at.is_(None), Task.due_at, Task.id)
    )
    if permit:
        query = query.where(PermitType.code == permit)
    if status:
        query = query.where(Application.status == status)
    return [(t, a, p) for t, a, p in session.execute(query).all()]


def counts(session: Session, roles: list[str]) -> dict[str, int]:
    """Open tasks per role (every role of `roles`, zero included)."""
    rows = session.execute(
        select(Task.role, func.count())
        .where(Task.status == "open", Task.role.in_(roles))
        .group_by(Task.role)
    ).all()
    found = {role: 0 for role in roles}
    found.update({role: int(n) for role, n in rows})
    return found


def permit_types(session: Session) -> list[PermitType]:
    return list(session.scalars(select(PermitType).order_by(PermitType.code)))
