"""`simulate_route`: the happy path (approve everywhere) a definition takes for given data.

Used by the admin test bench (`expect.route` of a test case). No database: rules are evaluated
with the context the caller passes."""

from __future__ import annotations

from typing import Any

from runtime.workflow.steps import END, find_action, find_step

MAX_STEPS = 200


def simulate_route(definition: dict[str, Any], data: dict[str, Any], ctx: Any) -> list[str]:
    """Step ids in the order the happy path visits them; skipped steps are left out.

    A parallel step appears once, as its own id (its sub-steps run inside it).
    `data` is application data; `meta.decision` is "approved" unless `data["meta"]` says else."""
    import rules

    scope = {**data, "meta": {"decision": "approved", **data.get("meta", {})}}
    scope.setdefault("steps", {})

    def holds(rule: Any) -> bool:
        return rules.evaluate(rule, scope, ctx) not in (None, False, 0, "", [], {})

    route: list[str] = []
    step_id = definition["workflow"]["start"]
    while step_id != END and len(route) < MAX_STEPS:
        step = find_step(definition, step_id)
        if not ("skip_if" in step and holds(step["skip_if"])):
            route.append(step_id)
        step_id = _target(find_action(step, "approve")["to"], holds)
    return route


def _target(target: Any, holds: Any) -> str:
    if isinstance(target, str):
        return target
    for branch in target:
        if "if" not in branch or holds(branch["if"]):
            return str(branch["to"])
    return END
