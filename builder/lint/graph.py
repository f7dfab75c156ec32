"""Lint of the step graph: unreachable steps, no way to finish, send-backs that go forward."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.lint.index import DefinitionIndex
from builder.problems import Problem, error, pointer, warning

Graph = dict[str, set[str]]
END = "@end"


def targets(action: dict[str, Any]) -> list[str]:
    """The step ids (or `@end`) an action may lead to."""
    to = action.get("to")
    if to is None:
        return []
    return [to] if isinstance(to, str) else [branch["to"] for branch in to]


def _edges(index: DefinitionIndex, kinds: frozenset[str]) -> Graph:
    graph: Graph = {name: set() for name in index.top_steps}
    for name in index.top_steps:
        for action in index.steps[name].step["actions"]:
            if action["kind"] in kinds:
                graph[name] |= {t for t in targets(action) if t == END or t in graph}
    return graph


def _reach(graph: Graph, start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def check_graph(index: DefinitionIndex, start: str) -> Iterator[Problem]:
    forward = _edges(index, frozenset({"approve", "reject"}))
    every = _edges(index, frozenset({"approve", "reject", "send_back"}))
    reachable = _reach(every, start)
    for name in index.top_steps:
        if name not in reachable:
            yield error(
                index.steps[name].pointer,
                "unreachable_step",
                f"tidak ada aksi yang mengarah ke langkah {name!r} dari langkah awal {start!r}",
                f"no action leads to step {name!r} from the start step {start!r}",
            )
    if END not in reachable:
        yield error(
            "/workflow",
            "no_path_to_end",
            "alur kerja tidak punya jalan ke '@end' (permohonan tak pernah selesai)",
            "the workflow has no path to '@end' (no application could ever finish)",
        )
    else:
        yield from _trapped(index, every, reachable)
    yield from _send_backs(index, forward)


def _trapped(index: DefinitionIndex, every: Graph, reachable: set[str]) -> Iterator[Problem]:
    for name in index.top_steps:
        step = index.steps[name]
        can_cancel = any(a["kind"] == "cancel" for a in step.step["actions"])
        if name in reachable and not can_cancel and END not in _reach(every, name):
            yield warning(
                step.pointer,
                "step_cannot_finish",
                f"dari langkah {name!r} tidak ada jalan ke '@end'",
                f"there is no path from step {name!r} to '@end'",
            )


def _send_backs(index: DefinitionIndex, forward: Graph) -> Iterator[Problem]:
    for name in index.top_steps:
        step = index.steps[name]
        for i, action in enumerate(step.step["actions"]):
            if action["kind"] != "send_back":
                continue
            for target in targets(action):
                if target in forward and (target == name or name not in _reach(forward, target)):
                    yield error(
                        step.pointer + pointer("actions", i, "to"),
                        "send_back_not_earlier",
                        f"'send_back' dari {name!r} ke {target!r}: bukan langkah sebelumnya",
                        f"'send_back' from {name!r} to {target!r}: not an earlier step",
                    )
