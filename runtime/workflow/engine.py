"""The workflow engine: submit, resubmit after a return, and officers' actions on tasks.

Plain Python on a SQLAlchemy Session (no Flask). Each function flushes before it returns, so a
concurrent change to the same application surfaces here as `ConcurrentUpdate` (the application's
`lock_version` is SQLAlchemy's optimistic-locking column); the caller commits or rolls back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from runtime.models import Application, Task, User
from runtime.workflow import sla
from runtime.workflow.context import Run
from runtime.workflow.errors import (
    ActionNotAllowed,
    ConcurrentUpdate,
    FormInvalid,
    InvalidState,
    NotYourStep,
    TaskClosed,
)
from runtime.workflow.handlers import handler_for
from runtime.workflow.routing import (
    GROUP,
    activate,
    audit_app,
    finish,
    group_progress,
    is_sub_step,
    new_task,
    resolve_target,
)
from runtime.workflow.settings import WorkflowSettings
from runtime.workflow.steps import find_action, find_step

#: Actions whose reason the applicant or the record must see: a comment is required.
NEEDS_COMMENT = frozenset({"return", "reject", "send_back", "cancel"})


def submit(
    session: Session,
    application: Application,
    *,
    actor: User | None,
    now: dt.datetime | None = None,
    settings: WorkflowSettings | None = None,
) -> None:
    """Start the chain for a submitted application: first task(s), status in_progress, due date.

    Called by the portal (and the counter service) after it set the registration number.
    Raises InvalidState when the application was already submitted."""
    if application.status not in ("draft", "submitted"):
        raise InvalidState(f"application is {application.status}, not a draft")
    run = Run.start(session, application, actor, now, settings)
    with _guard():
        before = application.status
        application.status = "in_progress"
        application.submitted_at = application.submitted_at or run.now
        audit_app(run, "application.submit", from_state=before, to_state="in_progress")
        activate(run, run.definition["workflow"]["start"], previous=None)
        sla.refresh_due(run)
        session.flush()


def resubmit(
    session: Session,
    application: Application,
    *,
    actor: User | None,
    now: dt.datetime | None = None,
    settings: WorkflowSettings | None = None,
) -> Task:
    """After a return for revision: reopen the step that returned it; the SLA clock resumes.

    Returns the reopened task. Raises InvalidState when the application is not `returned`."""
    if application.status != "returned":
        raise InvalidState(f"application is {application.status}, not returned")
    run = Run.start(session, application, actor, now, settings)
    waiting = [t for t in application.tasks if t.status == "waiting"]
    if not waiting:
        raise InvalidState("no step is waiting for the applicant")
    held = max(waiting, key=lambda t: t.id)
    with _guard():
        held.status = "done"
        held.outcome = "resubmitted"
        held.completed_at = run.now
        held.completed_by_id = actor.id if actor is not None else None
        application.status = "in_progress"
        audit_app(run, "application.resubmit", from_state="returned", to_state=held.step_id)
        task = new_task(run, find_step(run.definition, held.step_id), previous=held, parent=None)
        sla.refresh_due(run)
        session.flush()
    return task


def act(
    session: Session,
    application: Application,
    task: Task,
    action_kind: str,
    *,
    actor: User,
    comment: str = "",
    form_data: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
    settings: WorkflowSettings | None = None,
) -> None:
    """`actor` takes `action_kind` on the open `task` of `application`.

    Raises TaskClosed (someone already acted), NotYourStep (wrong role), ActionNotAllowed (the
    step does not offer it), FormInvalid (officer form, payment or adjustment refused) and
    ConcurrentUpdate (another officer changed the application at the same time)."""
    run = Run.start(session, application, actor, now, settings)
    step = _check(run, task, action_kind, actor)
    comment = comment.strip()
    if action_kind in NEEDS_COMMENT and not comment:
        raise FormInvalid("a reason is required", {"comment": "required"})
    handler = handler_for(step["kind"])
    with _guard():
        data = handler.prepare(run, task, step, action_kind, form_data or {})
        _complete(run, task, action_kind, comment, data)
        handler.after(run, task, step, action_kind)
        _route(run, task, step, action_kind, comment)
        application.updated_at = run.now  # always bump lock_version, even for a sub-step
        sla.refresh_due(run)
        session.flush()


def _check(run: Run, task: Task, action_kind: str, actor: User) -> dict[str, Any]:
    if task.application_id != run.application.id:
        raise TaskClosed("this task belongs to another application")
    if task.status == GROUP:
        raise ActionNotAllowed("a parallel group is decided by its sub-steps")
    if task.status != "open" or run.application.status != "in_progress":
        raise TaskClosed("this step has already been handled")
    if not actor.has_role(task.role):
        raise NotYourStep(f"only the {task.role} role may act on this step")
    step = find_step(run.definition, task.step_id)
    if step["kind"] == "parallel":
        raise ActionNotAllowed("a parallel group is decided by its sub-steps")
    find_action(step, action_kind)
    return step


def _complete(run: Run, task: Task, action_kind: str, comment: str, data: dict[str, Any]) -> None:
    task.status = "done"
    task.outcome = action_kind
    task.comment = comment
    task.completed_at = run.now
    task.completed_by_id = run.actor.id if run.actor is not None else None
    task.assignee_id = task.assignee_id or task.completed_by_id
    if data:
        task.data = data


def _route(run: Run, task: Task, step: dict[str, Any], action_kind: str, comment: str) -> None:
    application = run.application
    if action_kind == "reject":
        application.decision = "rejected"
    if is_sub_step(run, task):
        audit_app(
            run,
            f"task.{action_kind}",
            from_state=step["id"],
            to_state="group",
            comment=comment,
            role=task.role,
        )
        group = run.session.get(Task, task.parent_task_id)
        assert group is not None
        group_progress(run, group)
        return
    if action_kind == "return":
        application.status = "returned"
        audit_app(
            run,
            "task.return",
            from_state=step["id"],
            to_state="returned",
            comment=comment,
            role=task.role,
        )
        new_task(run, step, previous=task, parent=None, status="waiting", role="pemohon")
        return
    if action_kind == "cancel":
        audit_app(
            run,
            "task.cancel",
            from_state=step["id"],
            to_state="cancelled",
            comment=comment,
            role=task.role,
        )
        finish(run, "cancelled", comment)
        return
    target = resolve_target(run, find_action(step, action_kind)["to"])
    audit_app(
        run,
        f"task.{action_kind}",
        from_state=step["id"],
        to_state=target,
        comment=comment,
        role=task.role,
    )
    activate(run, target, previous=task)


@contextmanager
def _guard() -> Iterator[None]:
    """Map SQLAlchemy's optimistic-lock failure (raised at any flush) to ConcurrentUpdate."""
    try:
        yield
    except StaleDataError as exc:
        raise ConcurrentUpdate(
            "another officer changed this application at the same time; reload and try again"
        ) from exc
