"""The SLA worker command and the management report page, through the app and a real database."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from runtime.extensions import db
from runtime.models import AuditEvent, OutboxMessage, Task
from runtime.seed.demo import DEMO_USERS
from runtime.workflow import calendar
from tests.integration.test_workflow_calendar_and_roles import login
from tests.unit.workflow.setup_app import advance, submitted

LONG_AGO = dt.timedelta(days=30)


def email_of(role: str) -> str:
    return next(d.email for d in DEMO_USERS if d.role == role)


def _overdue_siup(app: Any, catalogue: Any) -> int:
    with app.app_context():
        application = submitted(
            db.session, catalogue["siup"].id, "siup", now=dt.datetime.now(dt.UTC) - LONG_AGO
        )
        return application.id


def test_sla_check_escalates_an_overdue_task_once(app: Any, catalogue: Any) -> None:
    app_id = _overdue_siup(app, catalogue)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["sla-check"])
    assert first.exit_code == 0, first.output
    assert "Overdue tasks escalated: 1;" in first.output
    second = runner.invoke(args=["sla-check"])
    assert "Overdue tasks escalated: 0; applications: 0; messages queued: 0." in second.output
    with app.app_context():
        [task] = db.session.query(Task).filter_by(application_id=app_id, status="open").all()
        events = db.session.query(AuditEvent).filter_by(action="task.overdue").all()
        assert [(e.entity_id, e.actor_role) for e in events] == [(str(task.id), "system")]
        assert db.session.query(AuditEvent).filter_by(action="application.overdue").count() == 1
        recipients = {m.to_address for m in db.session.query(OutboxMessage)}
        # the step's role and its supervisor (kasi); the kabid for the application
        assert recipients == {email_of(task.role), email_of("kasi"), email_of("kabid")}


def test_sla_check_refuses_a_time_without_offset(app: Any) -> None:
    result = app.test_cli_runner().invoke(args=["sla-check", "--now", "2026-03-02T09:00"])
    assert result.exit_code != 0
    assert "time zone offset" in result.output


def test_sla_check_as_of_a_given_time_sees_nothing_due_yet(app: Any, catalogue: Any) -> None:
    _overdue_siup(app, catalogue)
    before = (dt.datetime.now(dt.UTC) - LONG_AGO + dt.timedelta(minutes=5)).isoformat()
    result = app.test_cli_runner().invoke(args=["sla-check", "--now", before])
    assert "Overdue tasks escalated: 0;" in result.output


def _issued_siup_late_first_step(app: Any, catalogue: Any) -> dict[str, Any]:
    """SIUP submitted 30 days ago: the first step is completed late, the rest on time."""
    with app.app_context():
        application = submitted(
            db.session, catalogue["siup"].id, "siup", now=dt.datetime.now(dt.UTC) - LONG_AGO
        )
        advance(db.session, application, "@end")
        assert application.status == "issued"
        first = application.tasks[0]
        return {"role": first.role, "step": first.step_id, "submitted": application.submitted_at}


def _period() -> dict[str, str]:
    today = calendar.local_date(dt.datetime.now(dt.UTC))
    return {"dari": (today - dt.timedelta(days=40)).isoformat(), "sampai": today.isoformat()}


def test_report_is_for_heads_and_admin_only(app: Any, client: Any, catalogue: Any) -> None:
    assert client.get("/kantor/laporan").status_code in (302, 401)
    login(client, "front_office")
    assert client.get("/kantor/laporan").status_code == 403
    assert 'id="link-reports"' not in client.get("/kantor/").get_data(as_text=True)
    for role in ("kasi", "kabid", "kepala_dinas", "admin"):
        login(client, role)
        assert client.get("/kantor/laporan").status_code == 200, role
    assert 'id="link-reports"' in client.get("/kantor/").get_data(as_text=True)


def test_report_counts_late_and_on_time_steps_and_the_monthly_recap(
    app: Any, client: Any, catalogue: Any
) -> None:
    issued = _issued_siup_late_first_step(app, catalogue)
    login(client, "kabid")
    page = client.get("/kantor/laporan", query_string=_period()).get_data(as_text=True)
    officers = page.split('id="table-officers"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>([^<]*)</td><td>(\d+)</td><td>(\d+)</td>", officers)
    late = {name.split("&lt;")[1].split("&gt;")[0]: (int(a), int(b)) for name, a, b in rows}
    assert late[email_of(issued["role"])][1] == 1  # (it also hands over, on time)
    assert sum(b for _, b in late.values()) == 1
    assert sum(a for a, _ in late.values()) >= 5
    steps = page.split('id="table-steps"', 1)[1].split("</table>", 1)[0]
    assert f"siup · {issued['step']}</td><td>0</td><td>1</td>" in steps
    # the chart is inline SVG drawn on the server: one late bar, no script
    chart = page.split('id="chart-officers"', 1)[1].split("</figure>", 1)[0]
    assert '<rect x="' in chart and 'data-series="late" data-value="1"' in chart
    assert "<script" not in page.split('id="timeliness"', 1)[1]
    recap = page.split('id="table-recap"', 1)[1].split("</table>", 1)[0]
    cells = dict(re.findall(r'data-month="total" data-measure="(\w+)">(\d+)<', recap))
    assert cells == {"submitted": "1", "issued": "1", "rejected": "0"}
    submitted_month = calendar.local_date(issued["submitted"]).strftime("%Y-%m")
    assert f'data-month="{submitted_month}" data-measure="submitted">1<' in recap
    assert 'id="chart-recap"' in page


def test_report_outside_the_period_is_empty(app: Any, client: Any, catalogue: Any) -> None:
    _issued_siup_late_first_step(app, catalogue)
    login(client, "admin")
    page = client.get("/kantor/laporan?dari=2020-01-01&sampai=2020-02-01").get_data(as_text=True)
    assert 'id="table-officers"' not in page and 'id="table-recap"' not in page
    assert "2020-01-01" in page
