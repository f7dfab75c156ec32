"""Step-kind handlers, keyed exactly like `builder.step_kinds.STEP_KINDS` (a test pins that).

A handler validates what the officer sends with an action (`prepare` → data kept on the task) and
produces the step's artefacts once the task is done (`after`: Surat Tugas, BAP, SKRD, payment,
draft permit or rejection letter, signature). Routing is the engine's job, not the handler's."""

from __future__ import annotations

from typing import Any

from runtime.models import Task
from runtime.workflow.context import Run
from runtime.workflow.errors import DefinitionError
from runtime.workflow.officer_data import validate_form
from runtime.workflow.steps import Step


class StepHandler:
    """Default behaviour: an officer form (if the step has one) is validated on approve."""

    def prepare(
        self, run: Run, task: Task, step: Step, action: str, form_data: dict[str, Any]
    ) -> dict[str, Any]:
        if step.get("form") and action == "approve":
            return {"form": validate_form(step["form"], form_data, run.now, run.form_rules())}
        return {}

    def after(self, run: Run, task: Task, step: Step, action: str) -> None:
        if action == "approve":
            for kind in step.get("outputs", []):
                produce_output(run, task, kind)


def produce_output(run: Run, task: Task, kind: str) -> None:
    from runtime.workflow import outputs

    outputs.produce(run, task, kind)


def _registry() -> dict[str, StepHandler]:
    from runtime.workflow.handlers_money import FeeAssessmentHandler, PaymentHandler
    from runtime.workflow.handlers_sign import DraftHandler, HandoverHandler, SignHandler

    plain = StepHandler()
    return {
        "verification": plain,
        "scheduling": plain,
        "inspection": plain,
        "recommendation": plain,
        "fee_assessment": FeeAssessmentHandler(),
        "payment": PaymentHandler(),
        "draft": DraftHandler(),
        "initial": plain,
        "sign": SignHandler(),
        "archive": plain,
        "handover": HandoverHandler(),
        "parallel": plain,
    }


HANDLERS: dict[str, StepHandler] = {}


def handler_for(kind: str) -> StepHandler:
    if not HANDLERS:
        HANDLERS.update(_registry())
    try:
        return HANDLERS[kind]
    except KeyError:
        raise DefinitionError(
            f"no handler for step kind {kind!r}; known: {', '.join(HANDLERS)}"
        ) from None
