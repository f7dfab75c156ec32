"""Lint of the workflow: registry names, actions and their targets, and the step graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.lint.graph import END, check_graph
from builder.lint.index import DefinitionIndex, StepRef
from builder.problems import Problem, error, pointer
from builder.roles import ROLES
from builder.step_kinds import (
    ACTIONS_WITH_TARGET,
    ACTIONS_WITHOUT_TARGET,
    STEP_KINDS,
    SUBSTEP_ACTIONS,
)


def check_workflow(index: DefinitionIndex) -> Iterator[Problem]:
    start = index.defn["workflow"]["start"]
    if start not in index.top_steps:
        yield error(
            "/workflow/start",
            "unknown_target",
            f"langkah awal {start!r} tidak ada di antara langkah utama",
            f"the start step {start!r} is not one of the top-level steps",
        )
    defined_outputs = {o["kind"] for o in index.defn["outputs"]}
    for step in index.steps.values():
        yield from _check_step(step, defined_outputs)
        for i, action in enumerate(step.step["actions"]):
            yield from _check_action(index, step, action, step.pointer + pointer("actions", i))
    if start in index.top_steps:
        yield from check_graph(index, start)


def _check_step(step: StepRef, defined_outputs: set[str]) -> Iterator[Problem]:
    data, at = step.step, step.pointer
    if data["role"] not in ROLES:
        valid = ", ".join(ROLES)
        yield error(
            at + "/role",
            "unknown_role",
            f"peran {data['role']!r} pada langkah {step.id!r} tidak dikenal; yang sah: {valid}",
            f"unknown role {data['role']!r} on step {step.id!r}; valid roles: {valid}",
        )
    kind = STEP_KINDS.get(data["kind"])
    if kind is None:
        valid = ", ".join(STEP_KINDS)
        yield error(
            at + "/kind",
            "unknown_step_kind",
            f"jenis langkah {data['kind']!r} pada {step.id!r} tidak dikenal; yang sah: {valid}",
            f"unknown step kind {data['kind']!r} on {step.id!r}; valid kinds: {valid}",
        )
        return
    if kind.needs_form and not data.get("form"):
        yield error(
            at,
            "form_missing",
            f"langkah {step.id!r} ({kind.name}) memerlukan formulir petugas ('form')",
            f"step {step.id!r} ({kind.name}) needs an officer form ('form')",
        )
    for i, out in enumerate(data.get("outputs", [])):
        yield from _check_step_output(
            step, out, kind.outputs, defined_outputs, at + pointer("outputs", i)
        )
    yield from _check_sub_steps(step)


def _check_step_output(
    step: StepRef, out: str, allowed: frozenset[str], defined: set[str], at: str
) -> Iterator[Problem]:
    if out not in allowed:
        valid = ", ".join(sorted(allowed)) or "-"
        yield error(
            at,
            "output_not_allowed",
            f"langkah {step.id!r} tidak dapat menghasilkan {out!r}; yang boleh: {valid}",
            f"step {step.id!r} cannot produce {out!r}; allowed: {valid}",
        )
    elif out not in defined:
        yield error(
            at,
            "output_undefined",
            f"keluaran {out!r} pada langkah {step.id!r} tidak didefinisikan di 'outputs'",
            f"output {out!r} on step {step.id!r} is not defined in 'outputs'",
        )


def _check_sub_steps(step: StepRef) -> Iterator[Problem]:
    data, at = step.step, step.pointer
    is_parallel = data["kind"] == "parallel"
    if is_parallel and step.parent is not None:
        yield error(
            at + "/kind",
            "nested_parallel",
            f"sub-langkah {step.id!r} dari {step.parent!r} tidak boleh paralel",
            f"sub-step {step.id!r} of {step.parent!r} may not be parallel",
        )
    elif is_parallel and not data.get("steps"):
        yield error(
            at,
            "parallel_without_steps",
            f"langkah paralel {step.id!r} tidak punya sub-langkah ('steps')",
            f"parallel step {step.id!r} has no sub-steps ('steps')",
        )
    elif not is_parallel and "steps" in data:
        yield error(
            at + "/steps",
            "steps_not_allowed",
            f"hanya langkah paralel yang boleh punya sub-langkah; {step.id!r}: {data['kind']}",
            f"only parallel steps may have sub-steps; {step.id!r} is {data['kind']}",
        )


def _check_action(
    index: DefinitionIndex, step: StepRef, action: dict[str, Any], at: str
) -> Iterator[Problem]:
    kind = STEP_KINDS.get(step.step["kind"])
    allowed = SUBSTEP_ACTIONS if step.parent else (kind.actions if kind else None)
    if allowed is not None and action["kind"] not in allowed:
        valid = ", ".join(sorted(allowed))
        yield error(
            at + "/kind",
            "action_not_allowed",
            f"aksi {action['kind']!r} tidak boleh pada langkah {step.id!r}; yang boleh: {valid}",
            f"action {action['kind']!r} is not allowed on step {step.id!r}; allowed: {valid}",
        )
    has_to = "to" in action
    if step.parent is not None:
        if has_to:
            yield error(
                at + "/to",
                "substep_action_target",
                f"aksi sub-langkah {step.id!r} tanpa 'to': langkah paralel {step.parent!r} "
                "yang mengarahkan",
                f"actions of sub-step {step.id!r} take no 'to': parallel step {step.parent!r} "
                "routes the group",
            )
        return
    if action["kind"] in ACTIONS_WITH_TARGET and not has_to:
        yield error(
            at,
            "action_target_missing",
            f"aksi {action['kind']!r} pada langkah {step.id!r} memerlukan tujuan 'to'",
            f"action {action['kind']!r} on step {step.id!r} needs a target 'to'",
        )
    elif action["kind"] in ACTIONS_WITHOUT_TARGET and has_to:
        yield error(
            at + "/to",
            "action_target_forbidden",
            f"aksi {action['kind']!r} pada langkah {step.id!r} tidak boleh punya 'to'",
            f"action {action['kind']!r} on step {step.id!r} must not have a 'to'",
        )
    if has_to:
        yield from _check_target(index, step, action["to"], at + "/to")


def _check_target(index: DefinitionIndex, step: StepRef, target: Any, at: str) -> Iterator[Problem]:
    if isinstance(target, str):
        yield from _check_target_name(index, step, target, at)
        return
    last = len(target) - 1
    for i, branch in enumerate(target):
        where = at + pointer(i)
        if i < last and "if" not in branch:
            yield error(
                where,
                "branch_without_condition",
                f"cabang ke-{i + 1} pada langkah {step.id!r} perlu 'if' (kecuali terakhir)",
                f"branch {i + 1} on step {step.id!r} needs an 'if' (only the last branch has none)",
            )
        if i == last and "if" in branch:
            yield error(
                where + "/if",
                "branch_last_has_condition",
                f"cabang terakhir pada langkah {step.id!r} tidak boleh punya 'if' (cabang bawaan)",
                f"the last branch on step {step.id!r} must have no 'if' (it is the default)",
            )
        yield from _check_target_name(index, step, branch["to"], where + "/to")


def _check_target_name(
    index: DefinitionIndex, step: StepRef, name: str, at: str
) -> Iterator[Problem]:
    if name == END or name in index.top_steps:
        return
    valid = ", ".join([*index.top_steps, END])
    yield error(
        at,
        "unknown_target",
        f"tujuan {name!r} dari langkah {step.id!r} bukan langkah utama; yang sah: {valid}",
        f"target {name!r} of step {step.id!r} is not a top-level step; valid: {valid}",
    )
