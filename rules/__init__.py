"""Rakit's rules engine: JSON Logic that is safe, bounded, fast, explainable, and identical in the
browser (``rules/static/rakit-rules.js``) and on the server.

Public API::

    evaluate(rule, data, ctx=None) -> value
    compile(rule) -> f(data, ctx=None)            # cached by the rule's canonical JSON
    check(rule, known_vars, *, tables=(), pointer="") -> list[RuleProblem]
    explain(rule, data, lang, labels=None, ctx=None) -> list[str]
    assess_fees(fees, data, ctx) -> FeeAssessment(lines=[FeeLine…], total=Decimal)

Operators, limits and the parity decisions are documented in ``rules/README.md``.
This package imports nothing from Flask.
"""

from rules.checker import RuleProblem, check
from rules.context import EvalContext
from rules.engine import compile, evaluate
from rules.errors import (
    RuleArityError,
    RuleBudgetExceededError,
    RuleError,
    RuleEvaluationError,
    RuleTooDeepError,
    RuleTooLargeError,
    UnknownOperatorError,
)
from rules.explain import Label, explain
from rules.fees import FeeAssessment, FeeLine, assess_fees
from rules.limits import MAX_DEPTH, MAX_NODES, MAX_STEPS
from rules.operators import ALLOWED_OPERATORS

__all__ = [
    "ALLOWED_OPERATORS",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_STEPS",
    "EvalContext",
    "FeeAssessment",
    "FeeLine",
    "Label",
    "RuleArityError",
    "RuleBudgetExceededError",
    "RuleError",
    "RuleEvaluationError",
    "RuleProblem",
    "RuleTooDeepError",
    "RuleTooLargeError",
    "UnknownOperatorError",
    "assess_fees",
    "check",
    "compile",
    "evaluate",
    "explain",
]
