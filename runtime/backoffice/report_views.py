"""/kantor/laporan: officer timeliness and the monthly recap per permit type, with charts."""

from __future__ import annotations

import datetime as dt

from flask import render_template, request

from runtime.auth import role_required
from runtime.backoffice import charts, reports
from runtime.backoffice.views import bp
from runtime.extensions import current_session
from runtime.i18n import select_locale
from runtime.models import utcnow
from runtime.workflow import calendar

READERS = ("kasi", "kabid", "kepala_dinas", "admin")
TIMELINESS = ("on_time", "late")


def period_from(args: dict[str, str], today: dt.date) -> reports.Period:
    """`dari`/`sampai` (YYYY-MM-DD) from the query string; default: this year up to today.
    Unreadable dates fall back to the default; a reversed range is swapped."""
    start, end = _date(args.get("dari"), today.replace(month=1, day=1)), _date(
        args.get("sampai"), today
    )
    return reports.Period(min(start, end), max(start, end))


def _date(value: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else default
    except ValueError:
        return default


@bp.get("/laporan")
@role_required(*READERS)
def report() -> str:
    session = current_session()
    period = period_from(request.args.to_dict(), calendar.local_date(utcnow()))
    officers = reports.by_officer(session, period)
    steps = reports.by_step(session, period)
    recap = reports.monthly_recap(session, period, select_locale())
    months = period.months()
    totals = reports.recap_totals(recap, months)
    return render_template(
        "backoffice/report.html",
        period=period,
        officers=officers,
        steps=steps,
        recap=recap,
        months=months,
        measures=reports.MEASURES,
        officer_chart=charts.stacked_rows(
            [(r.label, (r.on_time, r.late)) for r in officers], TIMELINESS
        ),
        recap_chart=charts.grouped_columns(
            [(m, tuple(totals[m][x] for x in reports.MEASURES)) for m in months], reports.MEASURES
        ),
    )
