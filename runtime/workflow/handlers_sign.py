"""Handlers of the decree steps: draft (permit or rejection letter), sign, handover."""

from __future__ import annotations

from runtime.models import Task
from runtime.workflow.context import Run
from runtime.workflow.handlers import StepHandler
from runtime.workflow.steps import Step


def decree_kind(run: Run) -> str:
    return "permit" if run.application.decision == "approved" else "rejection_letter"


class DraftHandler(StepHandler):
    """On approve: render the draft decree (permit, or rejection letter when rejected)."""

    def after(self, run: Run, task: Task, step: Step, action: str) -> None:
        if action == "approve":
            from runtime.workflow import decrees

            decrees.draft(run, task, decree_kind(run))


class SignHandler(StepHandler):
    """On approve: number, render and sign the decree with the office key."""

    def after(self, run: Run, task: Task, step: Step, action: str) -> None:
        if action == "approve":
            from runtime.workflow import decrees

            decrees.sign(run, task, decree_kind(run))


class HandoverHandler(StepHandler):
    """On cancel (originals do not match the uploads): the signed permit is revoked."""

    def after(self, run: Run, task: Task, step: Step, action: str) -> None:
        if action == "cancel":
            from runtime.workflow import decrees

            decrees.revoke_all(run, task.comment)
