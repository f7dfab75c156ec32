"""Typed errors raised by the rules engine.

Every error a rule can cause is a :class:`RuleError`, so callers (the runtime, the definition lint,
the admin test bench) catch one class and show its message; a hostile rule never surfaces as a
``RecursionError``, a hang or a 500.
"""

from __future__ import annotations


class RuleError(Exception):
    """Base class of every error caused by a rule (its shape, its size or its evaluation)."""


class UnknownOperatorError(RuleError):
    """The rule uses an operator that is not on the allow-list (e.g. ``method``)."""

    def __init__(self, operator: str) -> None:
        super().__init__(f"Unknown or forbidden rule operator {operator!r}")
        self.operator = operator


class RuleArityError(RuleError):
    """An operator was given a number of arguments it does not accept."""


class RuleTooDeepError(RuleError):
    """The rule nests deeper than :data:`rules.limits.MAX_DEPTH`."""


class RuleTooLargeError(RuleError):
    """The rule has more nodes than :data:`rules.limits.MAX_NODES`."""


class RuleBudgetExceededError(RuleError):
    """Evaluation needed more than :data:`rules.limits.MAX_STEPS` steps (loops over large data)."""


class RuleEvaluationError(RuleError):
    """A rule could not be evaluated: unknown tariff row, unsafe pattern, bad fee formula."""
