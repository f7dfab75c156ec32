"""Training scenarios (built through the real engine, at their steps, idempotent), the trainer
page, and the workshop reset on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from runtime.extensions import db
from runtime.models import (
    Application,
    AuditEvent,
    DefinitionVersion,
    Holiday,
    IssuedDocument,
    ReferenceItem,
    Skrd,
    Task,
    UploadedDocument,
    User,
)
from runtime.seed.scenarios import SCENARIOS, scenario_applications, seed_scenarios
from tests.portal_support import csrf
from tests.training_support import seed_scenarios as seed
from tests.training_support import switch, training_app


@pytest.fixture()
def app(database_url: str, tmp_path: Any) -> Any:
    application = training_app(database_url, tmp_path)
    yield application
    with application.app_context():
        db.engine.dispose()


#: scenario → (status, {(step id, task status, role)} of its waiting tasks)
EXPECTED = {
    "ho-penjadwalan": ("in_progress", {("penjadwalan", "open", "scheduler")}),
    "ho-verifikasi-bap": ("in_progress", {("verifikasi_bap", "open", "kasi")}),
    "ho-pembayaran": ("in_progress", {("pembayaran", "open", "cashier")}),
    "ho-tanda-tangan": ("in_progress", {("ttd_kadis", "open", "kepala_dinas")}),
    "siup-verifikasi": ("in_progress", {("verifikasi", "open", "front_office")}),
    "siup-dikembalikan": ("returned", {("verifikasi", "waiting", "pemohon")}),
    "siup-terbit": ("issued", set()),
    "kos-rekomendasi": (
        "in_progress",
        {
            ("rapat_teknis", "group", "back_office"),
            ("rekomendasi_kecamatan", "open", "technical_agency"),
            ("rekomendasi_perkim", "open", "technical_agency"),
        },
    ),
}


def _count(model: Any) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


def test_scenarios_stand_at_their_steps_and_seeding_again_adds_nothing(
    app: Any, catalogue: Any
) -> None:
    built = seed(app)
    assert set(built) == {s.id for s in SCENARIOS} == set(EXPECTED)
    with app.app_context():
        for key, application in scenario_applications(db.session).items():
            status, waiting = EXPECTED[key]
            assert application.status == status, key
            pending = {
                (t.step_id, t.status, t.role)
                for t in application.tasks
                if t.status in ("open", "waiting", "group")
            }
            assert pending == waiting, key
            assert application.documents, key  # uploaded through the portal's checks
        by_key = scenario_applications(db.session)
        skrd = db.session.scalars(
            select(Skrd).where(Skrd.application_id == by_key["ho-pembayaran"].id)
        ).one()
        assert skrd.status == "issued" and skrd.total > 0
        permit = db.session.scalars(
            select(IssuedDocument).where(
                IssuedDocument.application_id == by_key["siup-terbit"].id,
                IssuedDocument.kind == "permit",
            )
        ).one()
        assert permit.signed_at is not None and permit.signature
        before = _count(Application)
        assert seed_scenarios(db.session) == []
        assert _count(Application) == before == len(SCENARIOS)


def test_seed_demo_builds_the_scenarios_once(app: Any) -> None:
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert f"Training scenarios created: {len(SCENARIOS)}" in first.output
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0 and "Training scenarios created: 0" in again.output
    with app.app_context():
        assert _count(Application) == len(SCENARIOS)


def test_the_trainer_page_lists_each_scenario_with_who_acts_next(
    app: Any, client: Any, catalogue: Any
) -> None:
    built = seed(app)
    page = client.get("/pelatihan/").get_data(as_text=True)
    for item in SCENARIOS:
        assert f'id="scenario-{item.id}"' in page
        assert item.title["id"] in page and item.todo["id"] in page
        assert built[item.id][1] in page
    for role in ("scheduler", "kasi", "cashier", "front_office", "pemohon", "technical_agency"):
        assert f'data-role="{role}"' in page
    assert 'id="reset-form"' not in page  # anonymous: switch to a demo role first
    switch(client, "kasi")
    assert 'id="reset-form"' in client.get("/pelatihan/").get_data(as_text=True)


def _reset(client: Any, confirm: str = "yes") -> Any:
    token = csrf(client.get("/pelatihan/").get_data(as_text=True))
    return client.post("/pelatihan/reset", data={"csrf_token": token, "confirm": confirm})


def _stored_files(app: Any) -> list[Path]:
    with app.app_context():
        names = db.session.scalars(select(UploadedDocument.stored_name)).all()
    return [Path(app.config["UPLOAD_FOLDER"]) / n for n in names]


def test_reset_wipes_the_workshop_keeps_the_setup_and_rebuilds_the_scenarios(
    app: Any, client: Any, catalogue: Any
) -> None:
    old = seed(app)
    old_files = _stored_files(app)
    assert old_files and all(p.is_file() for p in old_files)
    switch(client, "kasi")
    with app.app_context():
        kept = {m: _count(m) for m in (DefinitionVersion, User, Holiday, ReferenceItem)}
    response = _reset(client)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert 'data-kind="done"' in body and 'data-kind="failed"' not in body
    with app.app_context():
        assert {m: _count(m) for m in kept} == kept
        assert _count(Application) == len(SCENARIOS)
        new = scenario_applications(db.session)
        assert set(new) == set(old)
        assert not {a.registration_number for a in new.values()} & {v[1] for v in old.values()}
        assert _count(Task) and _count(Skrd) == 2  # payment and signing scenarios
        resets = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "training.reset")
        ).all()
        assert len(resets) == 1 and resets[0].after["deleted"]["application"] == len(SCENARIOS)
        first = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).first()
        assert first is not None and first.action == "training.reset"
    assert not any(p.exists() for p in old_files)
    _assert_audit_trail_is_still_guarded(app)


def _assert_audit_trail_is_still_guarded(app: Any) -> None:
    with app.app_context():
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(text("DELETE FROM audit_event"))
        db.session.rollback()
        with pytest.raises(DBAPIError, match="cannot be deleted"):
            db.session.execute(text("DELETE FROM definition_version"))
        db.session.rollback()


def test_a_failed_reset_changes_nothing(
    app: Any, client: Any, catalogue: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = seed(app)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("scenario broke")

    monkeypatch.setattr("runtime.seed.scenarios.build_scenario", broken)
    switch(client, "admin")
    body = _reset(client).get_data(as_text=True)
    assert 'data-kind="failed"' in body and 'data-kind="done"' not in body
    with app.app_context():
        assert {k: v[0] for k, v in old.items()} == {
            k: a.id for k, a in scenario_applications(db.session).items()
        }
        assert not db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "training.reset")
        ).all()
    assert all(p.is_file() for p in _stored_files(app))
    _assert_audit_trail_is_still_guarded(app)


def test_reset_needs_a_demo_user_or_an_admin_and_a_confirmation(
    app: Any, client: Any, catalogue: Any
) -> None:
    token = csrf(client.get("/pelatihan/").get_data(as_text=True))
    anonymous = client.post("/pelatihan/reset", data={"csrf_token": token, "confirm": "yes"})
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    from tests.portal_support import register

    register(client, app, email="warga@example.id")  # logged in, not a demo user
    assert _reset(client).status_code == 403
    switch(client, "pemohon")
    unconfirmed = _reset(client, confirm="")
    assert unconfirmed.status_code == 302
    with app.app_context():
        assert (
            _count(Application) == 0
            and not db.session.scalars(
                select(AuditEvent).where(AuditEvent.action == "training.reset")
            ).all()
        )
