"""The service-standard clock: working days, paused while the application is with the applicant
and during steps outside the SLA (sla_working_days 0, e.g. waiting for the levy payment)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runtime.models import Application
from runtime.workflow import calendar
from runtime.workflow.context import Run
from runtime.workflow.steps import all_steps


@dataclass(frozen=True)
class Clock:
    sla_days: int
    elapsed_days: int
    paused_days: int
    due_on: dt.date | None
    paused: bool
    overdue: bool

    @property
    def remaining_days(self) -> int:
        return self.sla_days - self.elapsed_days


def _paused_spans(
    application: Application, now: dt.datetime
) -> list[tuple[dt.datetime, dt.datetime]]:
    outside = {
        sid
        for sid, step in all_steps(application.version.definition).items()
        if int(step.get("sla_working_days", 0)) == 0
    }
    spans = []
    for task in application.tasks:
        with_applicant = task.role == "pemohon" and task.outcome in ("", "resubmitted")
        if with_applicant or (task.step_id in outside and task.outcome != "skipped"):
            spans.append((task.created_at, task.completed_at or now))
    return spans


def clock(application: Application, off_days: frozenset[dt.date], now: dt.datetime) -> Clock:
    """Where the application stands against its service standard at `now`."""
    sla_days = int(application.version.definition["service_standard"]["sla_working_days"])
    if application.submitted_at is None:
        return Clock(sla_days, 0, 0, None, False, False)
    start = calendar.local_date(application.submitted_at)
    end_moment = application.completed_at or now
    spans = _paused_spans(application, end_moment)
    paused_days = sum(
        calendar.working_days_between(calendar.local_date(a), calendar.local_date(b), off_days)
        for a, b in spans
    )
    elapsed = calendar.working_days_between(start, calendar.local_date(end_moment), off_days)
    elapsed = max(0, elapsed - paused_days)
    due_on = calendar.add_working_days(start, sla_days + paused_days, off_days)
    open_paused = any(b is end_moment for _, b in spans) and application.completed_at is None
    overdue = application.completed_at is None and calendar.local_date(now) > due_on
    return Clock(sla_days, elapsed, paused_days, due_on, open_paused, overdue)


def refresh_due(run: Run) -> None:
    """Store the application's due date (it moves on by the paused working days)."""
    run.application.due_on = clock(run.application, run.off_days, run.now).due_on
