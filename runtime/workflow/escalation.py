"""SLA escalation: a worker polls due times (never an in-process timer) and escalates once.

`check_overdue` is run by `flask --app runtime sla-check` (cron or a scheduler every few minutes).
An open task whose `due_at` has passed gets one `task.overdue` audit event and an e-mail (an
OutboxMessage) to the officers of its role and of the supervising role. An application past its
service-standard due date (`Application.due_on`) gets one `application.overdue` event and an
e-mail to the division head. The audit event is the marker: a second run finds it and does nothing,
so running the check twice escalates once. On PostgreSQL the overdue rows are locked with SKIP
LOCKED, so two workers running at once do not both escalate the same task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime import audit
from runtime.models import Application, AuditEvent, OutboxMessage, Task, User, UserRole
from runtime.workflow import calendar

TASK_OVERDUE = "task.overdue"
APPLICATION_OVERDUE = "application.overdue"

#: Who answers for a role's overdue work. Every other staff role reports to the kasi.
SUPERVISORS = {"kasi": "kabid", "kabid": "kepala_dinas", "kepala_dinas": None}
#: The role told when an application as a whole is past its service standard.
APPLICATION_SUPERVISOR = "kabid"


def supervisor_of(role: str) -> str | None:
    """The supervising role of `role` (None for the agency head and for the applicant)."""
    if role == "pemohon":
        return None
    return SUPERVISORS.get(role, "kasi")


@dataclass
class EscalationReport:
    tasks: list[int] = field(default_factory=list)
    applications: list[int] = field(default_factory=list)
    messages: int = 0


def check_overdue(session: Session, now: dt.datetime) -> EscalationReport:
    """Escalate every overdue open task and application not escalated before; flushes, the caller
    commits. Returns the ids escalated by this run and the number of messages queued."""
    report = EscalationReport()
    for task in _overdue_tasks(session, now):
        report.messages += _escalate_task(session, task, now)
        report.tasks.append(task.id)
    for application in _overdue_applications(session, now):
        report.messages += _escalate_application(session, application, now)
        report.applications.append(application.id)
    session.flush()
    return report


def _already(session: Session, entity: str, action: str, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    rows = session.scalars(
        select(AuditEvent.entity_id).where(
            AuditEvent.entity == entity,
            AuditEvent.action == action,
            AuditEvent.entity_id.in_([str(i) for i in ids]),
        )
    )
    return {int(i) for i in rows}


def _overdue_tasks(session: Session, now: dt.datetime) -> list[Task]:
    query = (
        select(Task)
        .join(Application, Task.application_id == Application.id)
        .where(
            Task.status == "open",
            Task.due_at.is_not(None),
            Task.due_at < now,
            Application.status == "in_progress",
        )
        .order_by(Task.id)
        .with_for_update(of=Task, skip_locked=True)
    )
    tasks = list(session.scalars(query))
    done = _already(session, "task", TASK_OVERDUE, [t.id for t in tasks])
    return [t for t in tasks if t.id not in done]


def _overdue_applications(session: Session, now: dt.datetime) -> list[Application]:
    today = calendar.local_date(now)
    query = (
        select(Application)
        .where(
            Application.status == "in_progress",
            Application.due_on.is_not(None),
            Application.due_on < today,
        )
        .order_by(Application.id)
        .with_for_update(skip_locked=True)
    )
    found = list(session.scalars(query))
    done = _already(session, "application", APPLICATION_OVERDUE, [a.id for a in found])
    return [a for a in found if a.id not in done]


def officers(session: Session, roles: Iterable[str], today: dt.date) -> list[User]:
    """Active users holding any of `roles` (an acting delegation counts until it ends)."""
    wanted = [r for r in roles if r]
    if not wanted:
        return []
    query = (
        select(User)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role.in_(wanted), User.is_active.is_(True))
        .where((UserRole.acting_until.is_(None)) | (UserRole.acting_until >= today))
        .order_by(User.id)
        .distinct()
    )
    return list(session.scalars(query))


def _escalate_task(session: Session, task: Task, now: dt.datetime) -> int:
    application = task.application
    supervisor = supervisor_of(task.role)
    audit.record(
        session,
        actor=None,
        entity="task",
        entity_id=task.id,
        action=TASK_OVERDUE,
        application_id=application.id,
        from_state=task.step_id,
        to_state="overdue",
        after={"role": task.role, "supervisor": supervisor, "due_at": _iso(task.due_at)},
        actor_role="system",
    )
    due = task.due_at.astimezone(calendar.WIB).strftime("%d-%m-%Y %H:%M") if task.due_at else ""
    subject = f"Terlambat: {application.registration_number} — tahap {task.step_id}"
    body = (
        f"Tahap {task.step_id} (peran {task.role}) untuk permohonan "
        f"{application.registration_number} melewati tenggat {due} WIB dan belum diselesaikan.\n"
        "Mohon segera ditindaklanjuti."
    )
    return _queue(
        session,
        officers(session, [task.role, supervisor or ""], calendar.local_date(now)),
        application,
        subject,
        body,
    )


def _escalate_application(session: Session, application: Application, now: dt.datetime) -> int:
    audit.record(
        session,
        actor=None,
        entity="application",
        entity_id=application.id,
        action=APPLICATION_OVERDUE,
        application_id=application.id,
        from_state=application.status,
        to_state="overdue",
        after={"due_on": application.due_on.isoformat() if application.due_on else None},
        actor_role="system",
    )
    due = application.due_on.strftime("%d-%m-%Y") if application.due_on else ""
    subject = f"Melewati standar pelayanan: {application.registration_number}"
    body = (
        f"Permohonan {application.registration_number} melewati batas standar pelayanan "
        f"({due}) dan belum selesai."
    )
    recipients = officers(session, [APPLICATION_SUPERVISOR], calendar.local_date(now))
    return _queue(session, recipients, application, subject, body)


def _queue(
    session: Session, recipients: list[User], application: Application, subject: str, body: str
) -> int:
    for user in recipients:
        session.add(
            OutboxMessage(
                channel="email",
                to_address=user.email,
                subject=subject[:300],
                body=body,
                application_id=application.id,
            )
        )
    return len(recipients)


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None
