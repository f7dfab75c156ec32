"""Moving through the chain: activating steps (skip_if, parallel groups), resolving targets,
finishing the application. Used by `engine`; every transition is audited."""

from __future__ import annotations

from typing import Any

from runtime import audit
from runtime.models import Task
from runtime.workflow import calendar
from runtime.workflow.context import Run
from runtime.workflow.errors import DefinitionError
from runtime.workflow.steps import END, Step, find_action, find_step, parent_of

#: Task status of a parallel step's own row while its sub-steps run.
GROUP = "group"


def resolve_target(run: Run, target: Any) -> str:
    """A step id or END, from a target: a step id, "@end", or a list of {"if"?, "to"} branches."""
    if isinstance(target, str):
        return target
    if isinstance(target, list):
        for branch in target:
            if "if" not in branch or _truthy(run.eval_rule(branch["if"])):
                return str(branch["to"])
    raise DefinitionError(f"no branch of {target!r} matched")


def _truthy(value: Any) -> bool:
    return value not in (None, False, 0, "", [], {})


def audit_app(
    run: Run,
    action: str,
    *,
    from_state: str = "",
    to_state: str = "",
    comment: str = "",
    after: Any = None,
    role: str = "",
) -> None:
    audit.record(
        run.session,
        actor=run.actor,
        entity="application",
        entity_id=run.application.id,
        application_id=run.application.id,
        action=action,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
        after=after,
        actor_role=role,
    )


def activate(run: Run, step_id: str, *, previous: Task | None, parent: Task | None = None) -> None:
    """Open `step_id` (or finish at END), honouring skip_if and expanding parallel groups."""
    if step_id == END:
        finish(run, "issued" if run.application.decision == "approved" else "rejected")
        return
    step = find_step(run.definition, step_id)
    if "skip_if" in step and _truthy(run.eval_rule(step["skip_if"])):
        _skip(run, step, previous=previous, parent=parent)
        return
    task = new_task(run, step, previous=previous, parent=parent)
    if step["kind"] == "parallel":
        task.status = GROUP
        for sub in step["steps"]:
            activate(run, sub["id"], previous=previous, parent=task)
        if parent is None:
            group_progress(run, task)


def new_task(
    run: Run,
    step: Step,
    *,
    previous: Task | None,
    parent: Task | None,
    status: str = "open",
    role: str | None = None,
) -> Task:
    task = Task(
        application=run.application,
        step_id=step["id"],
        role=role or step["role"],
        status=status,
        parent_task_id=parent.id if parent is not None else None,
        previous_task_id=previous.id if previous is not None else None,
        created_at=run.now,
        due_at=calendar.due_at(run.now, int(step.get("sla_working_days", 0)), run.off_days),
    )
    run.session.add(task)
    run.session.flush()
    audit_app(
        run,
        "task.open",
        from_state=previous.step_id if previous else "",
        to_state=step["id"],
        after={"task": task.id, "role": task.role},
    )
    return task


def _skip(run: Run, step: Step, *, previous: Task | None, parent: Task | None) -> None:
    task = new_task(run, step, previous=previous, parent=parent, status="done")
    task.outcome = "skipped"
    task.completed_at = run.now
    audit_app(run, "task.skip", from_state=step["id"], to_state="skipped")
    if parent is not None:
        return  # the group checks its sub-steps once all are activated
    activate(run, resolve_target(run, find_action(step, "approve")["to"]), previous=task)


def group_progress(run: Run, group: Task) -> None:
    """Close a parallel group once every sub-step approved (or any rejected) and route it."""
    subs = [t for t in run.application.tasks if t.parent_task_id == group.id]
    if any(t.outcome == "reject" for t in subs):
        outcome = "reject"
    elif subs and all(t.status == "done" for t in subs):
        outcome = "approve"
    else:
        return
    for sub in subs:
        if sub.status == "open":
            sub.status = "cancelled"
            sub.completed_at = run.now
    group.status = "done"
    group.outcome = outcome
    group.completed_at = run.now
    step = find_step(run.definition, group.step_id)
    if outcome == "reject":
        run.application.decision = "rejected"
    target = resolve_target(run, find_action(step, outcome)["to"])
    audit_app(
        run, f"task.{outcome}", from_state=group.step_id, to_state=target, comment="parallel group"
    )
    activate(run, target, previous=group)


def close_open_tasks(run: Run) -> None:
    for task in run.application.tasks:
        if task.status in ("open", "waiting", GROUP):
            task.status = "cancelled"
            task.completed_at = run.now


def finish(run: Run, status: str, comment: str = "") -> None:
    """End the chain: issued, rejected or cancelled."""
    application = run.application
    close_open_tasks(run)
    before = application.status
    application.status = status
    application.completed_at = run.now
    audit_app(run, "application.finish", from_state=before, to_state=status, comment=comment)


def is_sub_step(run: Run, task: Task) -> bool:
    return task.parent_task_id is not None and parent_of(run.definition, task.step_id) is not None
