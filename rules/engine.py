"""Compile and evaluate rules: validation, the compile cache, the step budget, typed errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from rules.compiler import Fn, compile_node
from rules.context import EvalContext, EvalState
from rules.errors import RuleError, RuleEvaluationError
from rules.limits import MAX_STEPS, guard
from rules.validate import validate

CompiledRule = Callable[..., Any]
COMPILE_CACHE_SIZE = 2048

# Python errors that odd data can still provoke inside an operator (e.g. data nested thousands
# of levels deep); they are reported as RuleEvaluationError, never as a 500.
_DATA_ERRORS = (RecursionError, TypeError, ValueError, ArithmeticError, LookupError)


def canonical(rule: Any) -> str:
    """The canonical JSON text of ``rule`` (the compile-cache key).

    Raises:
        RuleTooDeepError, RuleTooLargeError: checked first, without recursion.
        RuleError: the rule is not JSON.
    """
    guard(rule)
    try:
        return json.dumps(rule, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise RuleError(f"A rule must be JSON: {exc}") from exc


def compile(rule: Any, *, decimal: bool = False) -> CompiledRule:  # noqa: A001
    """A callable ``f(data, ctx=None)`` that evaluates ``rule``; cached by the rule's JSON.

    ``decimal=True`` compiles a fee formula: ``+ - * / % min max round_money tariff`` work on
    exact Decimals (see :mod:`rules.money`).

    Raises:
        UnknownOperatorError, RuleArityError, RuleTooDeepError, RuleTooLargeError: the rule is
            refused as a whole, before anything is evaluated.
    """
    return _compile_cached(canonical(rule), decimal)


@lru_cache(maxsize=COMPILE_CACHE_SIZE)
def _compile_cached(text: str, decimal: bool) -> CompiledRule:
    rule = json.loads(text)
    budget = MAX_STEPS - validate(rule)
    root, needs_budget, needs_context = compile_node(rule, decimal, budget)
    if needs_budget:
        run = _with_state(root, budget)
    elif needs_context:
        run = _with_context(root)
    else:
        run = _without_state(root)
    run.__doc__ = f"Evaluate the compiled rule {text[:200]}"
    return run


def _with_state(root: Fn, budget: int) -> CompiledRule:
    """The entry point of a rule with loops or ``merge``: a fresh EvalState (budget) per call."""

    def run(data: Any, ctx: EvalContext | None = None) -> Any:
        try:
            return root(data, EvalState(ctx, budget))
        except _DATA_ERRORS as exc:
            raise RuleEvaluationError(f"Rule evaluation failed: {exc!r}") from exc

    return run


def _with_context(root: Fn) -> CompiledRule:
    """The entry point of a rule that reads the context but cannot loop: it never spends budget,
    so it shares the context's read-only state (made once per context, see ``EvalContext``).
    """

    def run(data: Any, ctx: EvalContext | None = None) -> Any:
        try:
            return root(data, EvalState(None) if ctx is None else ctx.reader)
        except _DATA_ERRORS as exc:
            raise RuleEvaluationError(f"Rule evaluation failed: {exc!r}") from exc

    return run


def _without_state(root: Fn) -> CompiledRule:
    """The entry point of every other rule: nothing to set up, it can neither loop nor read
    the context, and its cost (its node count) was charged against the budget at compile time.
    """

    def run(data: Any, ctx: EvalContext | None = None) -> Any:
        try:
            return root(data, None)
        except _DATA_ERRORS as exc:
            raise RuleEvaluationError(f"Rule evaluation failed: {exc!r}") from exc

    return run


def evaluate(rule: Any, data: Any, ctx: EvalContext | None = None) -> Any:
    """Evaluate ``rule`` on ``data`` (JSON values) in ``ctx`` (default: today, no holidays).

    Raises:
        RuleError: any subclass; see :func:`compile` and :class:`RuleBudgetExceededError`,
            :class:`RuleEvaluationError`.
    """
    return compile(rule)(data, ctx)
