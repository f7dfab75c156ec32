"""Progress notices to applicants, derived from the audit trail.

Every state change is already an audit event, whatever code path made it; the worker turns the new
events since its cursor into e-mails in the applicant's language: submitted (with the registration
number), each new stage, returned for revision (with the officer's reason), levy assessed (SKRD
number, amount, due date), issued, rejected, cancelled. Needs an app context (translations)."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime.i18n import text
from runtime.models import Application, AuditEvent, NumberSequence, OutboxMessage, Skrd, Task

CURSOR = "notify:audit-cursor"
BATCH = 500


def queue_progress_notices(session: Session, public_url: str) -> int:
    """Queue one e-mail per notable new audit event; returns how many were queued."""
    cursor = _cursor(session)
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.id > cursor.value).order_by(AuditEvent.id).limit(BATCH)
    ).all()
    queued = 0
    for event in events:
        composer = COMPOSERS.get(event.action)
        application = (
            session.get(Application, event.application_id) if event.application_id else None
        )
        if composer is None or application is None or application.registration_number is None:
            continue
        applicant = application.applicant
        with force_locale(applicant.locale or "id"):
            body = composer(session, event, application)
            if body is None:
                continue
            subject = _("Your application %(n)s", n=application.registration_number)
            link = f"{public_url}/lacak/{application.registration_number}"
            body += "\n\n" + _("Follow it here: %(link)s", link=link)
        session.add(
            OutboxMessage(
                to_address=applicant.email,
                subject=subject,
                body=body,
                application_id=application.id,
            )
        )
        queued += 1
    if events:
        cursor.value = events[-1].id
    return queued


def _cursor(session: Session) -> NumberSequence:
    query = select(NumberSequence).where(NumberSequence.name == CURSOR).with_for_update()
    cursor = session.scalar(query)
    if cursor is None:
        cursor = NumberSequence(name=CURSOR, value=0)
        session.add(cursor)
        session.flush()
    return cursor


def _text(value: object) -> str:
    """A bilingual text in the language forced for this notice."""
    return text(value, str(get_locale() or "id"))


def _permit_name(application: Application) -> str:
    return _text(application.version.definition.get("name"))


def _submitted(session: Session, event: AuditEvent, application: Application) -> str:
    return _(
        "We received your application for %(permit)s. Registration number: %(n)s.",
        permit=_permit_name(application),
        n=application.registration_number,
    )


def _stage(session: Session, event: AuditEvent, application: Application) -> str | None:
    task = session.get(Task, int(event.after["task"])) if _task_ref(event) else None
    if task is None or task.parent_task_id is not None or task.role == "pemohon":
        return None
    step = next(
        (s for s in application.version.definition["workflow"]["steps"] if s["id"] == task.step_id),
        None,
    )
    if step is None:
        return None
    return _("Your application is now at the stage: %(stage)s.", stage=_text(step["name"]))


def _task_ref(event: AuditEvent) -> bool:
    return isinstance(event.after, dict) and str(event.after.get("task", "")).isdigit()


def _returned(session: Session, event: AuditEvent, application: Application) -> str:
    return _(
        "Your application was returned to you for revision. Reason: %(reason)s. "
        "Log in, correct it and submit it again.",
        reason=event.comment or "-",
    )


def _skrd(session: Session, event: AuditEvent, application: Application) -> str | None:
    skrd = session.get(Skrd, int(event.entity_id)) if event.entity_id.isdigit() else None
    if skrd is None:
        return None
    amount = f"{skrd.total:,.0f}".replace(",", ".")
    return _(
        "The levy for your application is assessed: SKRD %(number)s, Rp%(amount)s, "
        "to be paid by %(due)s.",
        number=skrd.number,
        amount=amount,
        due=skrd.due_on.isoformat(),
    )


def _finished(session: Session, event: AuditEvent, application: Application) -> str | None:
    messages = {
        "issued": lambda: _("Your permit has been issued. You can download it from your account."),
        "rejected": lambda: _(
            "Your application was rejected. The rejection letter with the reasons is in your "
            "account."
        ),
        "cancelled": lambda: _("Your application was cancelled at handover."),
    }
    message = messages.get(event.to_state)
    return message() if message else None


Composer = Callable[[Session, AuditEvent, Application], str | None]

COMPOSERS: dict[str, Composer] = {
    "application.submit": _submitted,
    "task.open": _stage,
    "task.return": _returned,
    "skrd.issue": _skrd,
    "application.finish": _finished,
}
