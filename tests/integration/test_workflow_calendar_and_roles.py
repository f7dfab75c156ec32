"""Due dates from the database calendar; every step kind refuses the wrong role (through HTTP)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from builder.step_kinds import STEP_KINDS
from rules import dates
from runtime.extensions import db
from runtime.models import Application, Task
from runtime.seed.demo import DEMO_PASSWORD, DEMO_USERS
from runtime.seed.holidays import holiday_set
from runtime.workflow import ActionNotAllowed, act, calendar
from runtime.workflow.steps import all_steps
from tests.language import english
from tests.unit.workflow.setup_app import approve_one, open_task, submitted, user

FRIDAY = dt.datetime(2026, 8, 14, 2, 0, tzinfo=dt.UTC)  # 09:00 WIB, before the 17 August holiday


def test_izin_gangguan_due_date_crosses_a_weekend_and_a_national_holiday(
    app: Any, catalogue: Any
) -> None:
    with app.app_context():
        application = submitted(
            db.session, catalogue["izin-gangguan"].id, "izin-gangguan", now=FRIDAY
        )
        off = holiday_set(db.session)
        assert dt.date(2026, 8, 17) in off  # Hari Kemerdekaan, a Monday
        expected = dates.add_working_days(dt.date(2026, 8, 14), 12, off)
        # 12 working days: two weekends, Hari Kemerdekaan (17 Aug) and Maulid Nabi (25 Aug) skipped
        assert dt.date(2026, 8, 25) in off
        assert application.due_on == expected == dt.date(2026, 9, 3)
        first = open_task(application)
        # one working day after Friday: not Saturday, Sunday or Monday 17 August
        assert calendar.local_date(first.due_at) == dt.date(2026, 8, 18)


def login(client: Any, role: str) -> None:
    client.post("/logout")
    email = next(d.email for d in DEMO_USERS if d.role == role)
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    client.post(
        "/login",
        data={"email": email, "password": DEMO_PASSWORD, "csrf_token": token[1] if token else ""},
    )
    english(client)


def _csrf(client: Any, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    return match[1] if match else ""


def _wrong_role_refused(app: Any, client: Any, application_id: int, public_id: str) -> str:
    with app.app_context():
        task = open_task(db.session.get(Application, application_id))
        role, task_id, step_id = task.role, task.id, task.step_id
    wrong = "archivist" if role != "archivist" else "cashier"
    login(client, wrong)
    response = client.post(
        f"/kantor/tugas/{task_id}", data={"action": "approve"}, follow_redirects=True
    )
    assert "another role" in response.get_data(as_text=True), step_id
    with app.app_context():
        assert db.session.get(Task, task_id).status == "open", step_id
    return step_id


def test_every_step_kind_refuses_the_wrong_role(app: Any, client: Any, catalogue: Any) -> None:
    app.config["WTF_CSRF_ENABLED"] = False
    kinds_seen: set[str] = set()
    for code in ("izin-gangguan", "rumah-kos"):
        with app.app_context():
            application = submitted(db.session, catalogue[code].id, code)
            app_id, public_id = application.id, application.public_id
            steps = all_steps(application.version.definition)
        while True:
            with app.app_context():
                if db.session.get(Application, app_id).status != "in_progress":
                    break
            step_id = _wrong_role_refused(app, client, app_id, public_id)
            kinds_seen.add(steps[step_id]["kind"])
            with app.app_context():
                application = db.session.get(Application, app_id)
                if open_task(application).parent_task_id:
                    kinds_seen.add(_group_refuses_direct_action(application))
                approve_one(db.session, application)
    assert kinds_seen == set(STEP_KINDS)


def _group_refuses_direct_action(application: Any) -> str:
    group = next(t for t in application.tasks if t.status == "group")
    with pytest.raises(ActionNotAllowed):
        act(db.session, application, group, "approve", actor=user(db.session, group.role))
    db.session.rollback()
    return "parallel"
