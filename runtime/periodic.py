"""The periodic work of the worker, one tick at a time (see runtime/worker.py).

A tick escalates overdue steps, turns new audit events into progress notices for applicants, and
delivers the outbox. Each job commits on its own, so one failing job does not hold the others."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy.orm import Session

from runtime.mail_delivery import deliver_outbox
from runtime.notifications import queue_progress_notices
from runtime.workflow.escalation import check_overdue

log = logging.getLogger("rakit.worker")


def tick(
    session: Session, config: dict[str, Any], now: dt.datetime | None = None
) -> dict[str, Any]:
    """Run every periodic job once; returns what each did."""
    report: dict[str, Any] = {}
    jobs = (
        ("escalated", lambda: check_overdue(session, now or dt.datetime.now(dt.UTC))),
        ("notices", lambda: queue_progress_notices(session, str(config["PUBLIC_URL"]))),
        ("delivered", lambda: deliver_outbox(session, config)),
    )
    for name, job in jobs:
        try:
            report[name] = job()
            session.commit()
        except Exception:  # noqa: BLE001 - a failing job must not stop the others
            session.rollback()
            log.exception("worker job %s failed", name)
            report[name] = "failed"
    return report
