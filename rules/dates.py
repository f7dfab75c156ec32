"""Calendar arithmetic for the date operators: ISO dates, weekends and the holiday calendar.

Dates in application data are ISO strings ``YYYY-MM-DD``. Anything else (null, "", a datetime, a
number, an impossible date) is "no date" and makes a date operator return null rather than raise,
so a half-filled form never breaks a rule.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_ISO_LENGTH = 10
_SATURDAY = 5


def parse_date(value: Any) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string, or None when ``value`` is not one."""
    if type(value) is not str or len(value) != _ISO_LENGTH:
        return None
    return _parse_iso(value)


@lru_cache(maxsize=4096)
def _parse_iso(value: str) -> date | None:
    """Cached: rules compare the same few dates (today, the form's dates) over and over."""
    if not _ISO_DATE.match(value):
        return None
    try:
        return date(int(value[:4]), int(value[5:7]), int(value[8:]))
    except ValueError:
        return None


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    """Monday to Friday and not in ``holidays``."""
    return day.weekday() < _SATURDAY and day not in holidays


def working_days_between(start: date, end: date, holidays: Collection[date]) -> int:
    """Working days after ``start`` up to and including ``end``; negative when ``end < start``."""
    if end < start:
        return -working_days_between(end, start, holidays)
    total = end.toordinal() - start.toordinal()
    weeks, extra = divmod(total, 7)
    count = weeks * 5
    day = start + timedelta(days=weeks * 7)
    for _ in range(extra):
        day += timedelta(days=1)
        if day.weekday() < _SATURDAY:
            count += 1
    count -= sum(1 for h in holidays if start < h <= end and h.weekday() < _SATURDAY)
    return count


def add_working_days(start: date, count: int, holidays: Collection[date]) -> date:
    """The date ``count`` working days after ``start`` (before it when negative; 0 → ``start``)."""
    step = timedelta(days=1 if count >= 0 else -1)
    remaining = abs(count)
    day = start
    while remaining:
        day += step
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def age_in_years(birth: date, at: date) -> int:
    """Whole years from ``birth`` to ``at`` (a 29 February birthday counts on 1 March)."""
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))
