"""The operator allow-list: every operator a rule may use, with its arity and implementation.

Nothing else is ever dispatched. An operator not listed here (``method``, json-logic-qubit's
dotted custom operations, a typo) is refused by :func:`rules.check` and raises
:class:`~rules.errors.UnknownOperatorError` when evaluated. json-logic-qubit's ``method`` operator
(which calls any Python method named in the rule) is also removed from that library at import, so
nothing in the process can reach it through ``json_logic.jsonLogic`` either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import json_logic

from rules import domain_ops as dom
from rules import money
from rules import standard_ops as std


@dataclass(frozen=True)
class Operator:
    """One allowed operator.

    Attributes:
        fn: called with the evaluated arguments (preceded by the evaluation state when
            ``needs_state``); ``None`` for control operators that the evaluator handles itself.
        min_args, max_args: accepted argument counts (``max_args`` None = any number).
        needs_state: ``fn`` reads the context (today, holidays, tables).
    """

    fn: Callable[..., Any] | None
    min_args: int
    max_args: int | None
    needs_state: bool = False

    def accepts(self, count: int) -> bool:
        return count >= self.min_args and (self.max_args is None or count <= self.max_args)

    def arity_text(self) -> str:
        if self.max_args == self.min_args:
            return str(self.min_args)
        if self.max_args is None:
            return f"{self.min_args} or more"
        return f"{self.min_args}–{self.max_args}"


def _op(fn: Callable[..., Any], lo: int, hi: int | None, state: bool = False) -> Operator:
    return Operator(fn, lo, hi, state)


def _control(lo: int, hi: int | None) -> Operator:
    return Operator(None, lo, hi)


#: Operators that iterate over an array: their second argument is per-item logic, evaluated with
#: the item (or ``{"current", "accumulator"}`` for ``reduce``) as data.
SCOPED_OPERATORS = frozenset({"filter", "map", "reduce", "all", "none", "some"})

CONTROL_OPERATORS: dict[str, Operator] = {
    "if": _control(0, None),
    "?:": _control(3, 3),
    "and": _control(1, None),
    "or": _control(1, None),
    "filter": _control(2, 2),
    "map": _control(2, 2),
    "reduce": _control(2, 3),
    "all": _control(2, 2),
    "none": _control(2, 2),
    "some": _control(2, 2),
    "var": _control(0, 2),
    "missing": _control(0, None),
    "missing_some": _control(2, 2),
}

STANDARD_OPERATORS: dict[str, Operator] = {
    "==": _op(std.op_eq, 2, 2),
    "===": _op(std.op_seq, 2, 2),
    "!=": _op(std.op_ne, 2, 2),
    "!==": _op(std.op_sne, 2, 2),
    ">": _op(std.op_gt, 2, 2),
    ">=": _op(std.op_ge, 2, 2),
    "<": _op(std.op_lt, 2, 3),
    "<=": _op(std.op_le, 2, 3),
    "!!": _op(std.op_truthy, 1, 1),
    "!": _op(std.op_not, 1, 1),
    "%": _op(std.op_mod, 2, 2),
    "log": _op(std.op_log, 1, 1),
    "in": _op(std.op_in, 2, 2),
    "cat": _op(std.op_cat, 0, None),
    "substr": _op(std.op_substr, 2, 3),
    "+": _op(std.op_add, 0, None),
    "*": _op(std.op_mul, 1, None),
    "-": _op(std.op_sub, 1, 2),
    "/": _op(std.op_div, 2, 2),
    "min": _op(std.op_min, 1, None),
    "max": _op(std.op_max, 1, None),
    "merge": _op(std.op_merge, 0, None),
}

DOMAIN_OPERATORS: dict[str, Operator] = {
    "today": _op(dom.op_today, 0, 0, state=True),
    "days_between": _op(dom.op_days_between, 2, 2),
    "working_days_between": _op(dom.op_working_days_between, 2, 2, state=True),
    "add_days": _op(dom.op_add_days, 2, 2),
    "add_working_days": _op(dom.op_add_working_days, 2, 2, state=True),
    "age": _op(dom.op_age, 1, 2, state=True),
    "year": _op(dom.op_year, 1, 1),
    "length": _op(dom.op_length, 1, 1),
    "matches": _op(dom.op_matches, 2, 2),
    "valid_nik": _op(dom.op_valid_nik, 1, 1),
    "valid_npwp": _op(dom.op_valid_npwp, 1, 1),
    "round_money": _op(dom.op_round_money, 3, 3),
    "tariff": _op(dom.op_tariff, 2, 2, state=True),
}

#: Overrides used when evaluating fee formulas: the same operators on exact Decimals.
DECIMAL_OPERATORS: dict[str, Operator] = {
    "+": _op(money.dec_add, 0, None),
    "*": _op(money.dec_mul, 1, None),
    "-": _op(money.dec_sub, 1, 2),
    "/": _op(money.dec_div, 2, 2),
    "%": _op(money.dec_mod, 2, 2),
    "min": _op(money.dec_min, 1, None),
    "max": _op(money.dec_max, 1, None),
    "round_money": _op(dom.op_round_money_decimal, 3, 3),
    "tariff": _op(dom.op_tariff_decimal, 2, 2, state=True),
}

#: Every operator a rule may use.
ALL_OPERATORS: dict[str, Operator] = {
    **CONTROL_OPERATORS,
    **STANDARD_OPERATORS,
    **DOMAIN_OPERATORS,
}
ALLOWED_OPERATORS = frozenset(ALL_OPERATORS)


def operator_table(decimal: bool) -> dict[str, Operator]:
    """The operators with evaluated arguments, in float (JSON) or Decimal (fee) arithmetic."""
    table = {**STANDARD_OPERATORS, **DOMAIN_OPERATORS}
    if decimal:
        table.update(DECIMAL_OPERATORS)
    return table


def _disarm_json_logic() -> None:
    """Remove json-logic-qubit's ``method`` operator (it runs arbitrary Python methods)."""
    json_logic._common_operations.pop("method", None)
    json_logic._expose_operations()


_disarm_json_logic()
