"""Adapter to the rules engine's static check: `rules.check` → `Problem`s.

`rules.check(rule, known_vars, *, tables=(), pointer="")` returns `RuleProblem`s (pointer, code,
message_id, message_en): unknown variables, operators outside the allow-list, unknown tariff
tables. Until the rules engine provides it, a fallback reports unknown variables and tables only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from typing import Any

from builder.problems import Problem
from builder.rule_walk import is_known, iter_vars, tariff_tables

RuleCheck = Callable[..., list[Any]]


def _engine_check() -> RuleCheck | None:
    try:
        engine = importlib.import_module("rules")
    except ImportError:
        return None
    check: RuleCheck | None = getattr(engine, "check", None)
    return check


def check_rule(
    rule: Any, known_vars: Collection[str], tables: Collection[str], at: str
) -> list[Problem]:
    """Problems of one rule at pointer `at`, given the variables and tables it may use."""
    engine = _engine_check()
    if engine is None:
        return _fallback(rule, known_vars, tables, at)
    return [
        Problem(rp.pointer, rp.code, rp.message_id, rp.message_en)
        for rp in engine(rule, known_vars, tables=tables, pointer=at)
    ]


def _fallback(
    rule: Any, known_vars: Collection[str], tables: Collection[str], at: str
) -> list[Problem]:
    problems = [
        Problem(
            where,
            "unknown_var",
            f"aturan membaca data yang tidak ada: {name!r}",
            f"the rule reads data that does not exist: {name!r}",
        )
        for name, where in iter_vars(rule, at)
        if not is_known(name, known_vars)
    ]
    problems += [
        Problem(
            where,
            "unknown_table",
            f"tabel tarif {name!r} tidak ada di 'tables'",
            f"tariff table {name!r} is not in 'tables'",
        )
        for name, where in tariff_tables(rule, at)
        if name not in tables
    ]
    return problems
