"""`flask --app runtime sla-check`: the SLA escalation worker's entry point (run it from cron)."""

from __future__ import annotations

import datetime as dt

import click
from flask.cli import with_appcontext

from runtime.extensions import current_session
from runtime.models import utcnow
from runtime.workflow.escalation import check_overdue


@click.command("sla-check")
@click.option(
    "--now",
    "now_text",
    default="",
    help="Check as of this ISO time with an offset (default: the current time).",
)
@with_appcontext
def sla_check_command(now_text: str) -> None:
    """Escalate overdue tasks and applications once (audit event + e-mail to the officers)."""
    now = dt.datetime.fromisoformat(now_text) if now_text else utcnow()
    if now.tzinfo is None:
        raise click.BadParameter("give a time zone offset, e.g. 2026-03-02T09:00+07:00")
    session = current_session()
    report = check_overdue(session, now)
    session.commit()
    click.echo(
        f"Overdue tasks escalated: {len(report.tasks)}; applications: "
        f"{len(report.applications)}; messages queued: {report.messages}."
    )
