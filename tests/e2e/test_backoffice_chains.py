"""Officers work the configured chains in Chromium, each step by its own role."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Page, expect

from runtime.extensions import db
from runtime.models import Application, IssuedDocument
from runtime.workflow import calendar, resubmit
from tests.e2e.backoffice_steps import act, login
from tests.unit.workflow.setup_app import submitted, user

IZIN_GANGGUAN = [
    ("verifikasi", "front_office"),
    ("penjadwalan", "scheduler"),
    ("inspeksi_lapangan", "field_inspector"),
    ("verifikasi_bap", "kasi"),
    ("penetapan_retribusi", "cashier"),
    ("pembayaran", "cashier"),
    ("draft", "back_office"),
    ("verifikasi_kasi", "kasi"),
    ("paraf_kabid", "kabid"),
    ("ttd_kadis", "kepala_dinas"),
    ("arsip", "archivist"),
    ("penyerahan", "front_office"),
]
SIUP = [
    ("verifikasi", "front_office"),
    ("draft", "back_office"),
    ("verifikasi_kasi", "kasi"),
    ("paraf_kabid", "kabid"),
    ("ttd_kadis", "kepala_dinas"),
    ("arsip", "archivist"),
    ("penyerahan", "front_office"),
]


def _new(app: Any, catalogue: Any, code: str) -> tuple[int, str]:
    with app.app_context():
        application = submitted(db.session, catalogue[code].id, code, number=f"E2E/{code}/0001")
        return application.id, str(application.registration_number)


def _app(app: Any, app_id: int) -> Application:
    with app.app_context():
        application = db.session.get(Application, app_id)
        db.session.expunge(application)
        return application


def _today() -> dt.date:
    return calendar.local_date(dt.datetime.now(dt.UTC))


def test_izin_gangguan_full_chain(page: Page, live_server: str, app: Any, catalogue: Any) -> None:
    app_id, number = _new(app, catalogue, "izin-gangguan")
    for step_id, role in IZIN_GANGGUAN:
        act(page, live_server, role, number, step_id, today=_today())
    assert _app(app, app_id).status == "issued"
    with app.app_context():
        kinds = {d.kind for d in db.session.query(IssuedDocument).filter_by(application_id=app_id)}
        permit = (
            db.session.query(IssuedDocument)
            .filter_by(application_id=app_id, kind="permit")
            .filter(IssuedDocument.signed_at.isnot(None))
            .one()
        )
        public_id = permit.public_id
    assert {"surat_tugas", "bap", "skrd", "permit"} <= kinds
    page.goto(f"{live_server}/verifikasi/{public_id}")
    expect(page.locator("#verification-status")).to_have_attribute("data-status", "valid")


def test_siup_simple_chain(page: Page, live_server: str, app: Any, catalogue: Any) -> None:
    app_id, number = _new(app, catalogue, "siup")
    for step_id, role in SIUP:
        act(page, live_server, role, number, step_id)
    assert _app(app, app_id).status == "issued"


def test_return_for_revision_loop(page: Page, live_server: str, app: Any, catalogue: Any) -> None:
    app_id, number = _new(app, catalogue, "siup")
    act(
        page,
        live_server,
        "front_office",
        number,
        "verifikasi",
        "return",
        comment="KTP tidak terbaca",
    )
    assert _app(app, app_id).status == "returned"
    with app.app_context():  # the applicant fixes the upload in the portal and resubmits
        application = db.session.get(Application, app_id)
        resubmit(db.session, application, actor=user(db.session, "pemohon"))
        db.session.commit()
    for step_id, role in SIUP:
        act(page, live_server, role, number, step_id)
    assert _app(app, app_id).status == "issued"
    login(page, live_server, "kasi")
    page.goto(f"{live_server}/kantor/permohonan/{_app(app, app_id).public_id}")
    expect(page.locator(".history")).to_contain_text("KTP tidak terbaca")


def test_rejection_with_its_letter(page: Page, live_server: str, app: Any, catalogue: Any) -> None:
    app_id, number = _new(app, catalogue, "siup")
    act(
        page,
        live_server,
        "front_office",
        number,
        "verifikasi",
        "reject",
        comment="Bukan kewenangan daerah",
    )
    for step_id, role in SIUP[1:5]:
        act(page, live_server, role, number, step_id)
    application = _app(app, app_id)
    assert (application.status, application.decision) == ("rejected", "rejected")
    login(page, live_server, "kasi")
    page.goto(f"{live_server}/kantor/permohonan/{application.public_id}")
    expect(page.locator("#issued li[data-kind=rejection_letter]").last).to_contain_text("signed")
