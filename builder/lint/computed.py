"""Computed fields that depend on each other in a cycle can never be evaluated."""

from __future__ import annotations

from collections.abc import Iterator

from builder.lint.index import DefinitionIndex
from builder.problems import Problem, error
from builder.rule_walk import iter_vars


def _dependencies(index: DefinitionIndex) -> dict[str, list[str]]:
    computed = {fid: ref for fid, ref in index.fields.items() if "computed" in ref.field}
    return {
        fid: [
            dep
            for dep in dict.fromkeys(n.split(".")[0] for n, _ in iter_vars(ref.field["computed"]))
            if dep in computed
        ]
        for fid, ref in computed.items()
    }


def _cycle_from(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    """A shortest-first path start → … → start, if there is one."""
    paths = [[start]]
    seen: set[str] = set()
    while paths:
        path = paths.pop(0)
        for nxt in graph[path[-1]]:
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                paths.append([*path, nxt])
    return None


def check_computed_cycles(index: DefinitionIndex) -> Iterator[Problem]:
    graph = _dependencies(index)
    reported: set[str] = set()
    for fid in graph:
        if fid in reported:
            continue
        cycle = _cycle_from(fid, graph)
        if cycle is None:
            continue
        reported |= set(cycle)
        shown = " → ".join(cycle)
        yield error(
            index.fields[fid].pointer + "/computed",
            "computed_cycle",
            f"isian terhitung saling bergantung dalam siklus: {shown}",
            f"computed fields depend on each other in a cycle: {shown}",
        )
