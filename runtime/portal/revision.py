"""Return for revision, the applicant's side: why the officer returned the application, which
documents to replace, and resubmission (checked again like a first submission, eligibility
included) which hands the application back to the step that returned it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from runtime.models import Application, Task, User
from runtime.portal import services


@dataclass(frozen=True)
class ReturnNotice:
    step_id: str
    step_name: dict[str, str]
    reason: str
    returned_at: dt.datetime | None


def return_notice(application: Application) -> ReturnNotice | None:
    """The officer's reason, for an application now waiting for the applicant (else None)."""
    if application.status != "returned":
        return None
    waiting = [t for t in application.tasks if t.status == "waiting"]
    if not waiting:
        return None
    held = max(waiting, key=lambda t: t.id)
    returned_by = _task(application, held.previous_task_id)
    reason = held.comment or (returned_by.comment if returned_by else "")
    return ReturnNotice(
        step_id=held.step_id,
        step_name=_step_name(application, held.step_id),
        reason=reason,
        returned_at=returned_by.completed_at if returned_by else held.created_at,
    )


def _task(application: Application, task_id: int | None) -> Task | None:
    return next((t for t in application.tasks if t.id == task_id), None)


def _step_name(application: Application, step_id: str) -> dict[str, str]:
    for step in application.version.definition["workflow"]["steps"]:
        if step["id"] == step_id:
            return dict(step["name"])
    return {"id": step_id, "en": step_id}


def resubmit(session: Session, application: Application, *, actor: User) -> Task:
    """Check the corrected application as for a first submission, then reopen the step that
    returned it. Raises services.NotReady (with the problems) and the workflow's errors."""
    from runtime import workflow

    if application.status != "returned":
        raise services.NotReady([("not_returned", application.status)])
    check = services.readiness(session, application)
    if not check.ready:
        raise services.NotReady(check.problems)
    services.finalize_data(application, check.evaluation)
    return workflow.resubmit(session, application, actor=actor)
