"""Adapter to the rules engine's static check: `rules.check` → `Problem`s.

`rules.check(rule, known_vars, *, tables=(), pointer="")` returns `RuleProblem`s (pointer, code,
message_id, message_en): unknown variables, operators outside the allow-list, wrong arity,
unknown tariff tables, rules too deep or too large.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import rules
from builder.problems import Problem


def check_rule(
    rule: Any, known_vars: Collection[str], tables: Collection[str], at: str
) -> list[Problem]:
    """Problems of one rule at pointer `at`, given the variables and tables it may use."""
    return [
        Problem(rp.pointer, rp.code, rp.message_id, rp.message_en)
        for rp in rules.check(rule, known_vars, tables=tables, pointer=at)
    ]
