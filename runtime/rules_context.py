"""The evaluation context rules need at runtime: today, the holiday calendar, tariff tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from rules import EvalContext
from runtime.seed.holidays import holiday_set


def definition_tables(definition: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The definition's `tables` section as name → key → decimal string."""
    return {
        name: {str(k): str(v) for k, v in table.get("rows", {}).items()}
        for name, table in (definition.get("tables") or {}).items()
    }


def eval_context(
    session: Session, definition: dict[str, Any], *, today: dt.date | None = None
) -> EvalContext:
    """Context for evaluating `definition`'s rules: holidays come from the database calendar."""
    return EvalContext(
        today=today or dt.date.today(),
        holidays=holiday_set(session),
        tables=definition_tables(definition),
    )
