"""/kantor/laporan: officer timeliness and the monthly recap per permit type, with charts."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from runtime.auth import role_required
from runtime.backoffice import charts, reports
from runtime.backoffice.views import REPORT_READERS, bp
from runtime.extensions import current_session
from runtime.i18n import select_locale
from runtime.models import utcnow
from runtime.workflow import calendar

TIMELINESS = ("on_time", "late")


@bp.get("/laporan")
@role_required(*REPORT_READERS)
def report() -> str:
    session = current_session()
    period = reports.period_from(request.args.to_dict(), calendar.local_date(utcnow()))
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
        # Given from Python: Jinja's gettext would read the "%" as a placeholder.
        share_heading=_("On time (%)"),
        officer_chart=charts.stacked_rows(
            [(r.label, (r.on_time, r.late)) for r in officers], TIMELINESS
        ),
        recap_chart=charts.grouped_columns(
            [(m, tuple(totals[m][x] for x in reports.MEASURES)) for m in months], reports.MEASURES
        ),
    )
