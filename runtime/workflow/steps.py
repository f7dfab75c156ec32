"""Reading the workflow part of a pinned definition: steps, sub-steps, actions, targets."""

from __future__ import annotations

from typing import Any

from builder.step_kinds import step_kind
from runtime.workflow.errors import ActionNotAllowed, DefinitionError

END = "@end"

Step = dict[str, Any]


def all_steps(definition: dict[str, Any]) -> dict[str, Step]:
    """Every step by id, sub-steps of parallel groups included."""
    found: dict[str, Step] = {}
    for step in definition["workflow"]["steps"]:
        found[step["id"]] = step
        for sub in step.get("steps", []):
            found[sub["id"]] = sub
    return found


def find_step(definition: dict[str, Any], step_id: str) -> Step:
    try:
        return all_steps(definition)[step_id]
    except KeyError:
        raise DefinitionError(f"step {step_id!r} is not in the definition") from None


def parent_of(definition: dict[str, Any], step_id: str) -> Step | None:
    """The parallel step that holds `step_id` as a sub-step, or None."""
    for step in definition["workflow"]["steps"]:
        if any(sub["id"] == step_id for sub in step.get("steps", [])):
            return step
    return None


def find_action(step: Step, kind: str) -> dict[str, Any]:
    """The step's action of `kind`; ActionNotAllowed when the step or its kind does not allow it."""
    if kind not in step_kind(step["kind"]).actions:
        raise ActionNotAllowed(f"a {step['kind']} step cannot {kind}")
    for action in step.get("actions", []):
        if action["kind"] == kind:
            return dict(action)
    raise ActionNotAllowed(f"step {step['id']} does not allow {kind}")


def allowed_actions(step: Step) -> list[dict[str, Any]]:
    kinds = step_kind(step["kind"]).actions
    return [a for a in step.get("actions", []) if a["kind"] in kinds]
