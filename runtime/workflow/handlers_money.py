"""Handlers of the fee steps: the levy assessment (SKRD) and the cashier's payment record."""

from __future__ import annotations

from typing import Any

from runtime.models import Task
from runtime.workflow.context import Run
from runtime.workflow.handlers import StepHandler
from runtime.workflow.steps import Step


class FeeAssessmentHandler(StepHandler):
    """On approve: assess the levy from the definition's formulas (with allowed adjustments)
    and issue the SKRD. `form_data["adjustments"]`: {item id: {"amount", "reason"}}."""

    def prepare(
        self, run: Run, task: Task, step: Step, action: str, form_data: dict[str, Any]
    ) -> dict[str, Any]:
        if action != "approve":
            return {}
        from runtime.workflow import fees

        skrd = fees.issue_skrd(run, form_data.get("adjustments") or {})
        return {"skrd": skrd.number}

    def after(self, run: Run, task: Task, step: Step, action: str) -> None:
        if action == "approve":
            from runtime.workflow import fees

            fees.render_skrd(run, task)


class PaymentHandler(StepHandler):
    """On approve: record the payment (amount must equal the SKRD total, reference, date)."""

    def prepare(
        self, run: Run, task: Task, step: Step, action: str, form_data: dict[str, Any]
    ) -> dict[str, Any]:
        from runtime.workflow import fees

        if action == "approve":
            return {"payment": fees.record_payment(run, form_data)}
        if action == "cancel":
            fees.cancel_skrd(run)
        return {}

    def after(self, run: Run, task: Task, step: Step, action: str) -> None:
        return None
