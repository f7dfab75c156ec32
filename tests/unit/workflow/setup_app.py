"""Creating submitted applications in an app's database (integration and e2e setup)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from runtime.models import Application, DefinitionVersion, Task, User
from runtime.workflow import act, calendar, submit
from runtime.workflow.fees import current_skrd
from tests.unit.workflow.chain import form_for, sample_data


def user(session: Any, role: str) -> User:
    from runtime.seed.demo import DEMO_USERS

    email = next(d.email for d in DEMO_USERS if d.role == role)
    return session.scalar(select(User).where(User.email == email))


def submitted(
    session: Any,
    version_id: int,
    code: str,
    *,
    now: dt.datetime | None = None,
    number: str | None = None,
) -> Application:
    version = session.get(DefinitionVersion, version_id)
    application = Application(
        version=version,
        applicant=user(session, "pemohon"),
        data=sample_data(code),
        registration_number=number or f"REG/{code}/{version_id}/{dt.datetime.now().microsecond}",
        status="submitted",
    )
    session.add(application)
    session.flush()
    submit(session, application, actor=application.applicant, now=now)
    session.commit()
    return application


def open_task(application: Application) -> Task:
    """The first open task (a parallel group has several: they are taken in order)."""
    return next(t for t in application.tasks if t.status == "open")


def approve_one(session: Any, application: Application) -> None:
    """Approve the first open task as its role, with the sample officer data."""
    today = calendar.local_date(dt.datetime.now(dt.UTC))
    task = open_task(application)
    skrd = current_skrd(session, application.id)
    amount = f"{skrd.total:.0f}" if skrd else ""
    act(
        session,
        application,
        task,
        "approve",
        actor=user(session, task.role),
        form_data=form_for(task.step_id, today, amount),
    )
    session.commit()


def advance(session: Any, application: Application, until: str) -> None:
    """Approve every step (as its role, with sample form data) until `until` is open."""
    while application.status == "in_progress" and open_task(application).step_id != until:
        approve_one(session, application)
