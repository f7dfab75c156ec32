"""The reference evaluator: a plain tree walk, written for clarity rather than speed.

It defines what a rule means; :mod:`rules.compiler` must give the same results (a hypothesis
property test compares them on generated rules and data). Callers use :func:`rules.evaluate` or
:func:`rules.compile`, not this module.
"""

from __future__ import annotations

from typing import Any

from rules.context import EvalContext, EvalState
from rules.errors import RuleEvaluationError
from rules.jsvalues import truthy
from rules.limits import guard
from rules.operators import Operator, operator_table
from rules.standard_ops import missing, missing_some, read_var
from rules.validate import operation, validate


def interpret(
    rule: Any, data: Any, ctx: EvalContext | None = None, *, decimal: bool = False
) -> Any:
    """Evaluate ``rule`` on ``data``; ``decimal`` selects fee-formula (Decimal) arithmetic."""
    state = EvalState(ctx)
    state.charge(validate(rule))
    try:
        return _Walker(state, operator_table(decimal)).eval(rule, data)
    except (RecursionError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise RuleEvaluationError(f"Rule evaluation failed: {exc!r}") from exc


class _Walker:
    def __init__(self, state: EvalState, table: dict[str, Operator]) -> None:
        self.state = state
        self.table = table

    def eval(self, node: Any, data: Any) -> Any:
        if isinstance(node, list):
            return [self.eval(item, data) for item in node]
        found = operation(node)
        if found is None:
            return node
        op, args = found
        special = getattr(self, "op_" + _NAMES.get(op, ""), None)
        if special is not None:
            return special(args, data)
        values = [self.eval(arg, data) for arg in args]
        if op == "var":
            return read_var(data, *values)
        if op == "missing":
            return missing(data, *values)
        if op == "missing_some":
            return missing_some(data, *values)
        spec = self.table[op]
        assert spec.fn is not None
        result = spec.fn(self.state, *values) if spec.needs_state else spec.fn(*values)
        if op == "merge":
            self.state.charge(len(result))
        return result

    def op_if(self, args: list[Any], data: Any) -> Any:
        i = 0
        while i < len(args) - 1:
            if truthy(self.eval(args[i], data)):
                return self.eval(args[i + 1], data)
            i += 2
        return self.eval(args[i], data) if i == len(args) - 1 else None

    def op_and(self, args: list[Any], data: Any) -> Any:
        current = None
        for arg in args:
            current = self.eval(arg, data)
            if not truthy(current):
                return current
        return current

    def op_or(self, args: list[Any], data: Any) -> Any:
        current = None
        for arg in args:
            current = self.eval(arg, data)
            if truthy(current):
                return current
        return current

    def _items(self, args: list[Any], data: Any) -> tuple[list[Any] | None, int]:
        items = self.eval(args[0], data)
        return (items if isinstance(items, list) else None), guard(args[1])

    def _each(self, logic: Any, item: Any, cost: int) -> Any:
        self.state.charge(cost)
        return self.eval(logic, item)

    def op_map(self, args: list[Any], data: Any) -> Any:
        items, cost = self._items(args, data)
        return [self._each(args[1], x, cost) for x in items or []]

    def op_filter(self, args: list[Any], data: Any) -> Any:
        items, cost = self._items(args, data)
        return [x for x in items or [] if truthy(self._each(args[1], x, cost))]

    def op_all(self, args: list[Any], data: Any) -> Any:
        items, cost = self._items(args, data)
        if not items:
            return False
        return all(truthy(self._each(args[1], x, cost)) for x in items)

    def op_some(self, args: list[Any], data: Any) -> Any:
        items, cost = self._items(args, data)
        return any(truthy(self._each(args[1], x, cost)) for x in items or [])

    def op_none(self, args: list[Any], data: Any) -> Any:
        items, cost = self._items(args, data)
        return not any(truthy(self._each(args[1], x, cost)) for x in items or [])

    def op_reduce(self, args: list[Any], data: Any) -> Any:
        items, cost = self._items(args, data)
        accumulator = self.eval(args[2], data) if len(args) > 2 else None
        if items is None:
            return accumulator
        for item in items:
            accumulator = self._each(args[1], {"current": item, "accumulator": accumulator}, cost)
        return accumulator


_NAMES = {
    "if": "if",
    "?:": "if",
    "and": "and",
    "or": "or",
    "map": "map",
    "filter": "filter",
    "all": "all",
    "some": "some",
    "none": "none",
    "reduce": "reduce",
}
