from __future__ import annotations

import datetime as dt

import pytest

from runtime.models import AuditEvent
from runtime.workflow import InvalidState, resubmit, submit
from tests.unit.workflow.conftest import load_definition, make_application

THURSDAY = dt.datetime(2026, 8, 13, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB


def test_submit_opens_the_start_step_with_its_due_time(session, users, settings) -> None:
    app = make_application(session, users, load_definition("izin-gangguan"))
    submit(session, app, actor=users["pemohon"], now=THURSDAY, settings=settings)
    assert app.status == "in_progress"
    [task] = app.tasks
    assert (task.step_id, task.role, task.status) == ("verifikasi", "front_office", "open")
    # one working day after Thursday is Friday
    assert task.due_at.astimezone(dt.timezone(dt.timedelta(hours=7))).date() == dt.date(2026, 8, 14)
    # 12 working days from Thu 13 Aug skip two weekends and Monday 17 August
    assert app.due_on == dt.date(2026, 9, 1)
    actions = [e.action for e in session.query(AuditEvent).order_by(AuditEvent.id)]
    assert actions == ["application.submit", "task.open"]


def test_submit_twice_is_refused(session, users, settings) -> None:
    app = make_application(session, users, load_definition("izin-gangguan"))
    submit(session, app, actor=users["pemohon"], now=THURSDAY, settings=settings)
    with pytest.raises(InvalidState):
        submit(session, app, actor=users["pemohon"], now=THURSDAY, settings=settings)


def test_resubmit_needs_a_returned_application(session, users, settings) -> None:
    app = make_application(session, users, load_definition("izin-gangguan"))
    submit(session, app, actor=users["pemohon"], now=THURSDAY, settings=settings)
    with pytest.raises(InvalidState):
        resubmit(session, app, actor=users["pemohon"], now=THURSDAY, settings=settings)
