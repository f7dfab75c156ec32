"""SLA escalation: overdue open tasks and applications are escalated once, to the right people."""

from __future__ import annotations

import datetime as dt

import pytest

from runtime.models import AuditEvent, OutboxMessage, UserRole
from runtime.workflow import submit
from runtime.workflow.escalation import check_overdue, supervisor_of
from tests.unit.workflow.conftest import load_definition, make_application

THURSDAY = dt.datetime(2026, 8, 13, 3, 0, tzinfo=dt.UTC)  # verifikasi due Fri 14 Aug, 23:59 WIB
TUESDAY_AFTER = dt.datetime(2026, 8, 18, 3, 0, tzinfo=dt.UTC)
PAST_SERVICE_STANDARD = dt.datetime(2026, 9, 3, 3, 0, tzinfo=dt.UTC)  # due_on is 1 September


@pytest.fixture()
def submitted(session, users, settings):
    application = make_application(session, users, load_definition("izin-gangguan"))
    submit(session, application, actor=users["pemohon"], now=THURSDAY, settings=settings)
    return application


def _events(session, action: str) -> list[AuditEvent]:
    return session.query(AuditEvent).filter_by(action=action).all()


def _recipients(session) -> list[str]:
    return sorted(m.to_address for m in session.query(OutboxMessage))


@pytest.mark.parametrize(
    ("role", "supervisor"),
    [
        ("front_office", "kasi"),
        ("back_office", "kasi"),
        ("field_inspector", "kasi"),
        ("kasi", "kabid"),
        ("kabid", "kepala_dinas"),
        ("kepala_dinas", None),
        ("pemohon", None),
    ],
)
def test_each_role_escalates_to_its_supervisor(role, supervisor) -> None:
    assert supervisor_of(role) == supervisor


def test_nothing_is_escalated_before_the_due_time(session, submitted) -> None:
    report = check_overdue(session, THURSDAY + dt.timedelta(days=1))
    assert report.tasks == [] and report.applications == []
    assert _events(session, "task.overdue") == []
    assert session.query(OutboxMessage).count() == 0


def test_an_overdue_task_is_escalated_to_its_role_and_the_supervisor(session, submitted) -> None:
    [task] = submitted.tasks
    report = check_overdue(session, TUESDAY_AFTER)
    assert report.tasks == [task.id]
    [event] = _events(session, "task.overdue")
    assert (event.entity, event.entity_id, event.application_id) == (
        "task",
        str(task.id),
        submitted.id,
    )
    assert event.after["supervisor"] == "kasi"
    assert _recipients(session) == ["front_office@t.id", "kasi@t.id"]
    message = session.query(OutboxMessage).first()
    assert submitted.registration_number in message.subject
    assert message.application_id == submitted.id


def test_running_the_check_twice_escalates_once(session, submitted) -> None:
    check_overdue(session, TUESDAY_AFTER)
    second = check_overdue(session, TUESDAY_AFTER + dt.timedelta(hours=1))
    assert second.tasks == [] and second.messages == 0
    assert len(_events(session, "task.overdue")) == 1
    assert len(_recipients(session)) == 2


def test_an_expired_acting_role_is_not_told(session, users, submitted) -> None:
    session.query(UserRole).filter_by(role="kasi").one().acting_until = dt.date(2026, 8, 1)
    check_overdue(session, TUESDAY_AFTER)
    assert _recipients(session) == ["front_office@t.id"]


def test_a_finished_task_is_not_escalated(session, submitted) -> None:
    submitted.tasks[0].status = "done"
    assert check_overdue(session, TUESDAY_AFTER).tasks == []


def test_an_application_with_the_applicant_is_not_escalated(session, submitted) -> None:
    submitted.status = "returned"
    report = check_overdue(session, PAST_SERVICE_STANDARD)
    assert report.tasks == [] and report.applications == []


def test_an_application_past_its_service_standard_is_escalated_once(session, submitted) -> None:
    report = check_overdue(session, PAST_SERVICE_STANDARD)
    assert report.applications == [submitted.id]
    [event] = _events(session, "application.overdue")
    assert event.after == {"due_on": "2026-09-01"}
    assert "kabid@t.id" in _recipients(session)
    assert check_overdue(session, PAST_SERVICE_STANDARD).applications == []
    assert len(_events(session, "application.overdue")) == 1
