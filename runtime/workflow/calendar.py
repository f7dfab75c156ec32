"""Working days: Monday to Friday, minus the holiday calendar kept in the database.

Offices work in local time (WIB, UTC+7): a due date is a local date, a due time is the end of that
local day. Counting starts the day after `start` (a step activated on Friday with one working day
is due Monday)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from rules import dates
from runtime.seed.holidays import holiday_set

#: Reused from the rules engine, so forms, rules and SLAs count the same working days.
add_working_days = dates.add_working_days
is_working_day = dates.is_working_day

#: Western Indonesian Time. A fixed offset: Indonesia has no daylight saving.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def holidays(session: Session) -> frozenset[dt.date]:
    """The non-working days in the database calendar (national holidays, cuti bersama, local)."""
    return holiday_set(session)


def working_days_between(start: dt.date, end: dt.date, off_days: frozenset[dt.date]) -> int:
    """Working days in (start, end]; 0 when end <= start."""
    return max(0, dates.working_days_between(start, end, off_days))


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(WIB).date()


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of `day` in WIB, as an aware UTC datetime."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=WIB).astimezone(dt.UTC)


def due_at(start: dt.datetime, days: int, off_days: frozenset[dt.date]) -> dt.datetime | None:
    """Due time of a step with an SLA of `days` working days activated at `start` (None for 0)."""
    if days <= 0:
        return None
    return end_of_day(add_working_days(local_date(start), days, off_days))
