"""Walking JSON Logic rules: the variables and operators a rule uses, with JSON pointers.

Used by the lint for the checks that need to know *where* data flows (fee arithmetic, computed
field dependencies, tariff tables) and as the adapter to `rules.check`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from builder.problems import pointer

#: Operators whose second argument is per-item logic (its vars name the item, not the data).
ITERATING_OPS = frozenset({"map", "filter", "reduce", "all", "some", "none"})
ARITHMETIC_OPS = frozenset({"+", "-", "*", "/", "%", "min", "max"})
_PASS_THROUGH_OPS = frozenset({"and", "or"})


def operator(node: Any) -> tuple[str, list[Any]] | None:
    """`(op, args)` if `node` is an operation (a one-key object), else None."""
    if isinstance(node, dict) and len(node) == 1:
        op, args = next(iter(node.items()))
        return op, args if isinstance(args, list) else [args]
    return None


def _arg_pointer(node: dict[str, Any], at: str, op: str, index: int) -> str:
    return at + pointer(op, index) if isinstance(node[op], list) else at + pointer(op)


def var_name(args: list[Any]) -> str | None:
    """The variable name of a `var` operation's arguments (None for `""` or an index)."""
    if args and isinstance(args[0], str) and args[0]:
        return args[0]
    return None


def iter_vars(rule: Any, at: str = "") -> Iterator[tuple[str, str]]:
    """`(name, pointer)` of every data variable, skipping per-item logic of iterating operators."""
    for op, args, where in iter_ops(rule, at, per_item=False):
        if op == "var":
            name = var_name(args)
            if name is not None:
                yield name, where


def iter_ops(
    rule: Any, at: str = "", *, per_item: bool = True
) -> Iterator[tuple[str, list[Any], str]]:
    """`(op, args, pointer)` of every operation in `rule`, depth first."""
    if isinstance(rule, list):
        for i, item in enumerate(rule):
            yield from iter_ops(item, at + pointer(i), per_item=per_item)
        return
    parsed = operator(rule)
    if parsed is None:
        return
    op, args = parsed
    yield op, args, at
    if op == "var":
        return
    for i, arg in enumerate(args):
        if not per_item and op in ITERATING_OPS and i == 1:
            continue
        yield from iter_ops(arg, _arg_pointer(rule, at, op, i), per_item=per_item)


def numeric_vars(rule: Any, at: str = "", numeric: bool = True) -> Iterator[tuple[str, str]]:
    """`(name, pointer)` of variables whose value is used where a number is needed.

    A fee formula's result is a number, and so are the operands of arithmetic; the key of a
    `tariff` lookup, the conditions of `if` and the operands of comparisons are not.
    """
    parsed = operator(rule)
    if parsed is None:
        if isinstance(rule, list):
            for i, item in enumerate(rule):
                yield from numeric_vars(item, at + pointer(i), False)
        return
    op, args = parsed
    if op == "var":
        name = var_name(args)
        if numeric and name is not None:
            yield name, at
        return
    for i, arg in enumerate(args):
        if op in ITERATING_OPS and i == 1:
            continue
        yield from numeric_vars(
            arg, _arg_pointer(rule, at, op, i), _numeric_arg(op, i, len(args), numeric)
        )


def _numeric_arg(op: str, index: int, count: int, numeric: bool) -> bool:
    if op in ARITHMETIC_OPS:
        return True
    if op in ("if", "?:"):
        is_branch = index % 2 == 1 or index == count - 1
        return numeric and is_branch
    if op in _PASS_THROUGH_OPS:
        return numeric
    if op == "reduce":
        return numeric and index == 2
    return False


def is_constant_false(rule: Any) -> bool:
    """True when `rule` is false whatever the data (a falsy literal or `!` of a truthy one)."""
    if isinstance(rule, list):
        return rule == []
    if not isinstance(rule, dict):
        return not rule
    parsed = operator(rule)
    if parsed is None:
        return False
    op, args = parsed
    if op == "!" and len(args) == 1:
        return _is_truthy_literal(args[0])
    if op == "!!" and len(args) == 1:
        return is_constant_false(args[0])
    if op == "and":
        return any(is_constant_false(a) for a in args)
    return False


def _is_truthy_literal(value: Any) -> bool:
    if isinstance(value, dict):
        return False
    if isinstance(value, list):
        return bool(value) and all(operator(v) is None for v in value)
    return bool(value)


def tariff_tables(rule: Any, at: str = "") -> Iterator[tuple[str, str]]:
    """`(table name, pointer)` of every literal table name in a `tariff` lookup."""
    for op, args, where in iter_ops(rule, at):
        if op == "tariff" and args and isinstance(args[0], str):
            yield args[0], where + pointer("tariff", 0)
