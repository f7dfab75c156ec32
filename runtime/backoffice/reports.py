"""Management reports (no Flask): officer timeliness and the monthly recap per permit type.

Timeliness counts tasks completed in a date range against their due time (steps with an SLA
only; skipped steps and the applicant's turns are not officers' work). The recap counts, per
permit type and month (WIB), applications submitted, issued and rejected — the table offices
keep for their yearly reports."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from runtime.models import Application, DefinitionVersion, PermitType, Task, User
from runtime.workflow import calendar


@dataclass(frozen=True)
class Period:
    """Local (WIB) dates, both included."""

    start: dt.date
    end: dt.date

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), tzinfo=calendar.WIB)

    @property
    def end_at(self) -> dt.datetime:
        return calendar.end_of_day(self.end)

    def months(self) -> list[str]:
        """`YYYY-MM` of every month the period touches, in order."""
        found, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            found.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found


def period_from(args: dict[str, str], today: dt.date) -> Period:
    """`dari`/`sampai` (YYYY-MM-DD) from the query string; default: this year up to today.
    Unreadable dates fall back to the default; a reversed range is swapped."""
    start, end = (
        _date(args.get("dari"), today.replace(month=1, day=1)),
        _date(args.get("sampai"), today),
    )
    return Period(min(start, end), max(start, end))


def _date(value: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Timeliness:
    label: str
    on_time: int
    late: int

    @property
    def total(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_percent(self) -> int:
        return round(100 * self.on_time / self.total) if self.total else 0


def _timed_tasks(
    period: Period,
) -> tuple[ColumnElement[Any], ColumnElement[Any], tuple[ColumnElement[bool], ...]]:
    on_time = func.sum(case((Task.completed_at <= Task.due_at, 1), else_=0))
    late = func.sum(case((Task.completed_at > Task.due_at, 1), else_=0))
    where = (
        Task.status == "done",
        Task.due_at.is_not(None),
        Task.completed_by_id.is_not(None),
        Task.role != "pemohon",
        Task.outcome.not_in(("skipped", "resubmitted")),
        Task.completed_at >= period.start_at,
        Task.completed_at <= period.end_at,
    )
    return on_time, late, where


def by_officer(session: Session, period: Period) -> list[Timeliness]:
    """On-time and late completions per officer, most completions first."""
    on_time, late, where = _timed_tasks(period)
    rows = session.execute(
        select(User.name, User.email, on_time, late)
        .join(Task, Task.completed_by_id == User.id)
        .where(*where)
        .group_by(User.id, User.name, User.email)
    ).all()
    found = [
        Timeliness(f"{name} <{email}>", int(a or 0), int(b or 0)) for name, email, a, b in rows
    ]
    return sorted(found, key=lambda t: (-t.total, t.label))


def by_step(session: Session, period: Period) -> list[Timeliness]:
    """On-time and late completions per permit type and step (`code · step_id`)."""
    on_time, late, where = _timed_tasks(period)
    rows = session.execute(
        select(PermitType.code, Task.step_id, on_time, late)
        .join(Application, Task.application_id == Application.id)
        .join(DefinitionVersion, Application.version_id == DefinitionVersion.id)
        .join(PermitType, DefinitionVersion.permit_type_id == PermitType.id)
        .where(*where)
        .group_by(PermitType.code, Task.step_id)
        .order_by(PermitType.code, Task.step_id)
    ).all()
    return [Timeliness(f"{code} · {step}", int(a or 0), int(b or 0)) for code, step, a, b in rows]


@dataclass
class RecapRow:
    """One permit type: month → {"submitted", "issued", "rejected"} counts."""

    code: str
    name: str
    months: dict[str, dict[str, int]]

    def total(self, measure: str) -> int:
        return sum(m[measure] for m in self.months.values())


MEASURES = ("submitted", "issued", "rejected")


def _month(moment: dt.datetime | None, period: Period) -> str | None:
    if moment is None:
        return None
    day = calendar.local_date(moment)
    return f"{day:%Y-%m}" if period.start <= day <= period.end else None


def monthly_recap(session: Session, period: Period, lang: str = "id") -> list[RecapRow]:
    """Submitted / issued / rejected per permit type and month; permit types with no activity in
    the period are left out. Counted in Python: a few thousand rows a year per office."""
    rows = session.execute(
        select(
            PermitType.code,
            PermitType.name_id,
            PermitType.name_en,
            Application.status,
            Application.submitted_at,
            Application.completed_at,
        )
        .join(DefinitionVersion, Application.version_id == DefinitionVersion.id)
        .join(PermitType, DefinitionVersion.permit_type_id == PermitType.id)
        .where(Application.submitted_at.is_not(None))
        .where(Application.submitted_at <= period.end_at)
    ).all()
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    names: dict[str, str] = {}
    for code, name_id, name_en, status, submitted_at, completed_at in rows:
        names[code] = name_id if lang == "id" else name_en
        for measure, moment in _moments(status, submitted_at, completed_at):
            month = _month(moment, period)
            if month is not None:
                cell = counts[code].setdefault(month, dict.fromkeys(MEASURES, 0))
                cell[measure] += 1
    months = period.months()
    return [
        RecapRow(
            code, names[code], {m: counts[code].get(m, dict.fromkeys(MEASURES, 0)) for m in months}
        )
        for code in sorted(counts)
    ]


def _moments(
    status: str, submitted_at: dt.datetime | None, completed_at: dt.datetime | None
) -> list[tuple[str, dt.datetime | None]]:
    found = [("submitted", submitted_at)]
    if status in ("issued", "rejected"):
        found.append((status, completed_at))
    return found


def recap_totals(recap: list[RecapRow], months: list[str]) -> dict[str, dict[str, int]]:
    """Month → measure → count over every permit type (for the chart)."""
    return {
        month: {m: sum(row.months[month][m] for row in recap) for m in MEASURES} for month in months
    }
