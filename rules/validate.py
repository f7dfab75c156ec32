"""Structural validation shared by the compiler and the reference interpreter.

A rule is refused as a whole, before any of it runs, so an unreached branch with a forbidden
operator is refused just the same (the browser guard in ``rakit-rules.js`` does the same walk).
"""

from __future__ import annotations

from typing import Any

from rules.errors import RuleArityError, UnknownOperatorError
from rules.limits import guard
from rules.operators import ALL_OPERATORS


def operation(node: Any) -> tuple[str, list[Any]] | None:
    """``(operator, arguments)`` when ``node`` is an operation (an object with exactly one key).

    A single non-array argument is the usual shorthand for a one-element list
    (``{"var": "x"}`` = ``{"var": ["x"]}``). Objects with any other number of keys are literals.
    """
    if type(node) is not dict or len(node) != 1:
        return None
    op, values = next(iter(node.items()))
    return op, values if isinstance(values, list) else [values]


def validate(rule: Any) -> int:
    """Check size, depth, operators and arities; return the rule's node count.

    Raises:
        RuleTooDeepError, RuleTooLargeError: see :mod:`rules.limits`.
        UnknownOperatorError: an operator off the allow-list.
        RuleArityError: an operator with the wrong number of arguments.
    """
    size = guard(rule)
    stack = [rule]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        found = operation(node)
        if found is None:
            continue
        op, args = found
        spec = ALL_OPERATORS.get(op)
        if spec is None:
            raise UnknownOperatorError(op)
        if not spec.accepts(len(args)):
            raise RuleArityError(
                f"Operator {op!r} takes {spec.arity_text()} arguments, got {len(args)}"
            )
        stack.extend(args)
    return size
