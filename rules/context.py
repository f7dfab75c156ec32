"""What a rule may know besides the application data: the date, the holidays, the tariff tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Any

from rules.errors import RuleBudgetExceededError
from rules.limits import MAX_STEPS


def _empty_tables() -> Mapping[str, Mapping[str, str]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class EvalContext:
    """The world a rule is evaluated in.

    Attributes:
        today: the date ``{"today": []}`` returns and ``age`` uses by default.
        holidays: non-working days besides Saturdays and Sundays (the runtime fills it from the
            holiday calendar it keeps in its database).
        tables: tariff tables, name → key → decimal string, read by ``tariff``.
    """

    today: date = field(default_factory=date.today)
    holidays: frozenset[date] = frozenset()
    tables: Mapping[str, Mapping[str, str]] = field(default_factory=_empty_tables)

    @classmethod
    def with_definition_tables(
        cls,
        tables_section: Mapping[str, Any] | None,
        *,
        today: date | None = None,
        holidays: Iterable[date] = (),
    ) -> EvalContext:
        """A context whose tables come from a definition's ``tables`` section.

        ``tables_section`` is ``{name: {"label": …, "rows": {key: "decimal"}}}`` as in the
        definition format; a missing or empty section gives no tables.
        """
        tables = {
            name: MappingProxyType({str(k): str(v) for k, v in (table.get("rows") or {}).items()})
            for name, table in (tables_section or {}).items()
        }
        return cls(
            today=today or date.today(),
            holidays=frozenset(holidays),
            tables=MappingProxyType(tables),
        )

    @classmethod
    def from_js(cls, ctx: Mapping[str, Any]) -> EvalContext:
        """The context described by the JSON form :meth:`to_js` produces (used by the vectors)."""
        today = ctx.get("today")
        return cls(
            today=date.fromisoformat(today) if today else date.today(),
            holidays=frozenset(date.fromisoformat(h) for h in ctx.get("holidays", ())),
            tables=MappingProxyType(
                {name: MappingProxyType(dict(rows)) for name, rows in ctx.get("tables", {}).items()}
            ),
        )

    @cached_property
    def reader(self) -> EvalState:
        """A state for rules that read this context but spend no budget (no loops, no merge).

        Shared by every such evaluation in this context: nothing ever changes it.
        """
        return EvalState(self)

    def to_js(self) -> dict[str, Any]:
        """This context as plain JSON, for ``RakitRules.apply(rule, data, ctx)`` in the browser."""
        return {
            "today": self.today.isoformat(),
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "tables": {name: dict(rows) for name, rows in self.tables.items()},
        }


class EvalState:
    """One evaluation: its context (made on first use when none was given) and its step budget."""

    __slots__ = ("ctx", "remaining")

    ctx: EvalContext

    def __init__(self, ctx: EvalContext | None, budget: int = MAX_STEPS) -> None:
        if ctx is not None:  # else ``ctx`` stays unset until __getattr__ makes the default
            self.ctx = ctx
        self.remaining = budget

    def __getattr__(self, name: str) -> Any:
        # Only called for an unset slot: the default context, made on first use (a plain slot
        # read, not a property, on the hot path).
        if name != "ctx":
            raise AttributeError(name)
        self.ctx = EvalContext()
        return self.ctx

    def charge(self, steps: int) -> None:
        """Spend ``steps`` of the budget.

        Raises:
            RuleBudgetExceededError: the budget is exhausted.
        """
        self.remaining -= steps
        if self.remaining < 0:
            self.exhausted()

    def exhausted(self) -> None:
        """Called once ``remaining`` is negative (loops decrement it inline).

        Raises:
            RuleBudgetExceededError: always.
        """
        budget_exceeded()


def budget_exceeded() -> None:
    """Raise the step-budget error (shared by ``EvalState`` and loops checked at compile time).

    Raises:
        RuleBudgetExceededError: always.
    """
    raise RuleBudgetExceededError(
        f"Rule evaluation exceeded {MAX_STEPS} steps (a loop over too much data?)"
    )
