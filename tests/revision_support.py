"""Setup for the return-for-revision tests: an officer returns an application through the
workflow engine, marking documents to revise."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from runtime.extensions import db
from runtime.models import Application, Task, User
from runtime.seed.demo import DEMO_USERS


def demo_user(role: str) -> User:
    email = next(d.email for d in DEMO_USERS if d.role == role)
    user = db.session.scalar(select(User).where(User.email == email))
    assert user is not None
    return user


def application(public_id: str) -> Application:
    found = db.session.scalar(select(Application).where(Application.public_id == public_id))
    assert found is not None
    return found


def return_for_revision(
    app: Any, public_id: str, reason: str, revise: dict[str, str] | None = None
) -> None:
    """The front office marks `revise` documents (code → reason) and returns the application
    from the completeness check."""
    from runtime.workflow import act

    with app.app_context():
        found = application(public_id)
        task = next(t for t in found.tasks if t.status == "open")
        for doc in found.documents:
            if doc.superseded_at is None and doc.code in (revise or {}):
                doc.verdict, doc.verdict_reason = "revise", (revise or {})[doc.code]
        act(db.session, found, task, "return", actor=demo_user("front_office"), comment=reason)
        db.session.commit()


def tasks(app: Any, public_id: str) -> list[tuple[str, str, str]]:
    """(step id, role, status) of every task, oldest first."""
    with app.app_context():
        rows = db.session.scalars(
            select(Task).where(Task.application_id == application(public_id).id).order_by(Task.id)
        )
        return [(t.step_id, t.role, t.status) for t in rows]


def status(app: Any, public_id: str) -> str:
    with app.app_context():
        return application(public_id).status
