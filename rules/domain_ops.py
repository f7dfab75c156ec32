"""Rakit's domain operators: dates, text checks, money rounding and tariff tables.

Each function takes evaluated arguments (those marked "needs state" first take the
:class:`~rules.context.EvalState`). The reference with examples is ``rules/README.md``; the browser
twin of every function is in ``rules/static/rakit-rules.js`` and both pass ``rules/vectors``.
"""

from __future__ import annotations

import math
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rules import dates
from rules.context import EvalState
from rules.errors import RuleEvaluationError
from rules.jsvalues import normalize, to_number, to_string
from rules.money import round_money, to_decimal
from rules.patterns import compile_pattern, pattern_problem

MAX_ADD_DAYS = 3_650_000
MAX_ADD_WORKING_DAYS = 10_000
_NO_ROW: Any = object()
_NIK_LENGTH = 16
_NIK_DAYS = frozenset(f"{day:02}" for day in (*range(1, 32), *range(41, 72)))
_MONTHS = frozenset(f"{month:02}" for month in range(1, 13))


def _whole_number(value: Any, limit: int) -> int | None:
    number = to_number(value) if value is not None else math.nan
    if not math.isfinite(number) or not number.is_integer() or abs(number) > limit:
        return None
    return int(number)


def op_today(state: EvalState) -> str:
    """``{"today": []}`` → ``"2025-03-14"`` (the context's date)."""
    return state.ctx.today.isoformat()


def op_days_between(a: Any, b: Any) -> int | None:
    """Calendar days from ``a`` to ``b`` (``b − a``); null if either is not a date."""
    start, end = dates.parse_date(a), dates.parse_date(b)
    if start is None or end is None:
        return None
    return (end - start).days


def op_working_days_between(state: EvalState, a: Any, b: Any) -> int | None:
    """Working days after ``a`` up to and including ``b`` (weekends and holidays skipped)."""
    start, end = dates.parse_date(a), dates.parse_date(b)
    if start is None or end is None:
        return None
    return dates.working_days_between(start, end, state.ctx.holidays)


def op_add_days(day: Any, count: Any) -> str | None:
    """The ISO date ``count`` calendar days after ``day``; null for a non-integer count."""
    start, days = dates.parse_date(day), _whole_number(count, MAX_ADD_DAYS)
    if start is None or days is None:
        return None
    try:
        return (start + timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def op_add_working_days(state: EvalState, day: Any, count: Any) -> str | None:
    """The ISO date ``count`` working days after ``day`` (|count| ≤ 10,000)."""
    start, days = dates.parse_date(day), _whole_number(count, MAX_ADD_WORKING_DAYS)
    if start is None or days is None:
        return None
    try:
        return dates.add_working_days(start, days, state.ctx.holidays).isoformat()
    except OverflowError:
        return None


def op_age(state: EvalState, birth: Any, *at: Any) -> int | None:
    """Whole years from ``birth`` to ``at`` (default: today)."""
    born = dates.parse_date(birth)
    when = dates.parse_date(at[0]) if at else state.ctx.today
    if born is None or when is None:
        return None
    return dates.age_in_years(born, when)


def op_year(day: Any) -> int | None:
    parsed = dates.parse_date(day)
    return None if parsed is None else parsed.year


def op_length(value: Any) -> int | None:
    """Characters (Unicode code points) of a string, items of an array; null otherwise."""
    if isinstance(value, str | list):
        return len(value)
    return None


def op_matches(value: Any, pattern: Any) -> bool:
    """Whether the string ``value`` fully matches the safe ``pattern``; false for non-strings."""
    if not isinstance(pattern, str):
        raise RuleEvaluationError(f"matches: {pattern_problem(pattern)}")
    compiled = compile_pattern(pattern)  # checked and compiled once per pattern
    return isinstance(value, str) and compiled.fullmatch(value) is not None


def op_valid_nik(value: Any) -> bool:
    """16 digits whose birth date part has day 01–31 (41–71 for women) and month 01–12."""
    if not isinstance(value, str) or len(value) != _NIK_LENGTH:
        return False
    if not (value.isascii() and value.isdigit()):
        return False
    return value[6:8] in _NIK_DAYS and value[8:10] in _MONTHS


def op_valid_npwp(value: Any) -> bool:
    """15 or 16 digits once ``.`` and ``-`` are removed (old and new NPWP)."""
    if not isinstance(value, str):
        return False
    digits = value.replace(".", "").replace("-", "")
    return 15 <= len(digits) <= 16 and digits.isascii() and digits.isdigit()


def op_round_money(value: Any, mode: Any, step: Any) -> Any:
    """``round_money`` outside fee formulas: the rounded value as a JSON number."""
    rounded = round_money(value, mode, step)
    return None if rounded is None else normalize(float(rounded))


def op_round_money_decimal(value: Any, mode: Any, step: Any) -> Decimal | None:
    """``round_money`` inside fee formulas: the rounded value as an exact Decimal."""
    return round_money(value, mode, step)


def tariff_row(state: EvalState, table: Any, key: Any) -> str | None:
    """The decimal string of row ``key`` in tariff table ``table``; null for a null/"" key.

    Raises:
        RuleEvaluationError: the table does not exist or has no such row.
    """
    if key is None or key == "":
        return None
    rows = state.ctx.tables.get(table) if isinstance(table, str) else None
    if rows is None:
        raise RuleEvaluationError(f"Unknown tariff table {to_string(table)!r}")
    name = key if type(key) is str else to_string(key)
    row = rows.get(name, _NO_ROW)
    if row is _NO_ROW:
        raise RuleEvaluationError(f"Tariff table {table!r} has no row {name!r}")
    return row


def op_tariff(state: EvalState, table: Any, key: Any) -> Any:
    """``tariff`` outside fee formulas: the row as a JSON number."""
    row = tariff_row(state, table, key)
    return None if row is None else _row_number(row)


@lru_cache(maxsize=4096)
def _row_number(row: str) -> Any:
    """A tariff row's decimal string as a JSON number (cached: tables are small and fixed)."""
    return normalize(to_number(row))


def op_tariff_decimal(state: EvalState, table: Any, key: Any) -> Decimal | None:
    """``tariff`` inside fee formulas: the row as an exact Decimal."""
    row = tariff_row(state, table, key)
    return None if row is None else _row_decimal(row)


@lru_cache(maxsize=4096)
def _row_decimal(row: str) -> Decimal | None:
    return to_decimal(row)


def tariff_value(fn: Any) -> Any:
    """How ``tariff`` implementation ``fn`` turns a row's text into its value (None: unknown)."""
    if fn is op_tariff:
        return _row_number
    if fn is op_tariff_decimal:
        return _row_decimal
    return None
