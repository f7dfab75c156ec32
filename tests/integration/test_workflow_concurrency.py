"""Two officers act on the same step at once: exactly one wins, the other is told why."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from runtime.extensions import db
from runtime.models import Application, Task
from runtime.workflow import ConcurrentUpdate, TaskClosed, act
from tests.language import english
from tests.unit.workflow.setup_app import submitted, user


def test_two_officers_on_one_step_exactly_one_wins(
    app: Any, catalogue: Any, database_url: str
) -> None:
    with app.app_context():
        application = submitted(db.session, catalogue["siup"].id, "siup")
        app_id = application.id
    engine = create_engine(
        database_url, connect_args={"timeout": 30} if "sqlite" in database_url else {}
    )
    ready = threading.Barrier(2)
    results: list[str] = []

    def officer() -> None:
        with Session(engine) as session:
            application = session.get(Application, app_id)
            task = next(t for t in application.tasks if t.status == "open")
            actor = user(session, "front_office")
            ready.wait()
            try:
                act(session, application, task, "approve", actor=actor)
                session.commit()
                results.append("won")
            except (ConcurrentUpdate, TaskClosed) as exc:
                session.rollback()
                assert "another officer" in str(exc) or "already" in str(exc)
                results.append("lost")

    threads = [threading.Thread(target=officer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    engine.dispose()
    assert sorted(results) == ["lost", "won"]
    with app.app_context():
        tasks = db.session.query(Task).filter_by(application_id=app_id).order_by(Task.id).all()
        assert [(t.step_id, t.status) for t in tasks] == [("verifikasi", "done"), ("draft", "open")]


def test_a_stale_page_gets_a_clear_message(app: Any, client: Any, catalogue: Any) -> None:
    from tests.integration.test_workflow_calendar_and_roles import login

    app.config["WTF_CSRF_ENABLED"] = False
    with app.app_context():
        application = submitted(db.session, catalogue["siup"].id, "siup")
        task_id, version = application.tasks[0].id, application.lock_version
        act(
            db.session,
            application,
            application.tasks[0],
            "approve",
            actor=user(db.session, "front_office"),
        )
        db.session.commit()
    login(client, "front_office")
    english(client)
    page = client.post(
        f"/kantor/tugas/{task_id}",
        data={"action": "approve", "lock_version": version},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Someone else changed this application" in page or "already acted" in page
