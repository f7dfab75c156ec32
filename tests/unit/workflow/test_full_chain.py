from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from runtime import signing
from runtime.models import IssuedDocument, Skrd, Task
from runtime.workflow import FormInvalid, NotYourStep, act, calendar, resubmit, submit
from tests.unit.workflow.chain import form_for, sample_data
from tests.unit.workflow.conftest import load_definition, make_application

NOW = dt.datetime(2026, 8, 13, 3, 0, tzinfo=dt.UTC)


def open_task(app) -> Task:
    [task] = [t for t in app.tasks if t.status == "open"]
    return task


def walk(session, users, settings, app, until: str | None = None) -> list[str]:
    seen = []
    today = calendar.local_date(NOW)
    while app.status == "in_progress":
        task = open_task(app)
        if task.step_id == until:
            break
        seen.append(task.step_id)
        act(
            session,
            app,
            task,
            "approve",
            actor=users[task.role],
            form_data=form_for(task.step_id, today),
            now=NOW,
            settings=settings,
        )
    return seen


def test_izin_gangguan_runs_its_fifteen_step_chain(session, users, settings) -> None:
    definition = load_definition("izin-gangguan")
    app = make_application(session, users, definition, sample_data("izin-gangguan"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    seen = walk(session, users, settings, app)
    assert seen == definition["test_cases"][0]["expect"]["route"]
    assert app.status == "issued"
    skrd = session.query(Skrd).one()
    assert (skrd.total, skrd.status) == (Decimal("960000"), "paid")
    permit = (
        session.query(IssuedDocument)
        .filter_by(kind="permit")
        .order_by(IssuedDocument.id.desc())
        .first()
    )
    assert permit.number and permit.valid_until == dt.date(2031, 8, 13)
    content = (settings.upload_folder / "issued" / permit.stored_name).read_bytes()
    assert signing.verify(content, permit.signature, permit.key_id, settings.key_folder)
    kinds = {d.kind for d in session.query(IssuedDocument)}
    assert kinds == {"surat_tugas", "bap", "skrd", "permit"}


def test_siup_simple_chain_and_wrong_role(session, users, settings) -> None:
    app = make_application(session, users, load_definition("siup"), sample_data("siup"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    with pytest.raises(NotYourStep):
        act(
            session, app, open_task(app), "approve", actor=users["kasi"], now=NOW, settings=settings
        )
    seen = walk(session, users, settings, app)
    assert seen == [
        "verifikasi",
        "draft",
        "verifikasi_kasi",
        "paraf_kabid",
        "ttd_kadis",
        "arsip",
        "penyerahan",
    ]
    assert app.status == "issued"


def test_return_for_revision_resumes_at_the_same_step(session, users, settings) -> None:
    app = make_application(session, users, load_definition("siup"), sample_data("siup"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    with pytest.raises(FormInvalid):
        act(
            session,
            app,
            open_task(app),
            "return",
            actor=users["front_office"],
            now=NOW,
            settings=settings,
        )
    act(
        session,
        app,
        open_task(app),
        "return",
        actor=users["front_office"],
        comment="KTP blur",
        now=NOW,
        settings=settings,
    )
    assert app.status == "returned"
    due_before = app.due_on
    later = NOW + dt.timedelta(days=7)  # a week with the applicant does not count
    task = resubmit(session, app, actor=users["pemohon"], now=later, settings=settings)
    assert (task.step_id, task.status, app.status) == ("verifikasi", "open", "in_progress")
    assert app.due_on > due_before


def test_rejection_goes_through_the_signing_chain_to_a_letter(session, users, settings) -> None:
    app = make_application(session, users, load_definition("siup"), sample_data("siup"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    act(
        session,
        app,
        open_task(app),
        "reject",
        actor=users["front_office"],
        comment="Bukan kewenangan daerah",
        now=NOW,
        settings=settings,
    )
    seen = walk(session, users, settings, app)
    assert seen == ["draft", "verifikasi_kasi", "paraf_kabid", "ttd_kadis"]
    assert (app.status, app.decision) == ("rejected", "rejected")
    letter = (
        session.query(IssuedDocument)
        .filter_by(kind="rejection_letter")
        .order_by(IssuedDocument.id.desc())
        .first()
    )
    assert letter.signature and letter.number


def test_handover_cancel_revokes_the_permit(session, users, settings) -> None:
    app = make_application(session, users, load_definition("siup"), sample_data("siup"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    walk(session, users, settings, app, until="penyerahan")
    act(
        session,
        app,
        open_task(app),
        "cancel",
        actor=users["front_office"],
        comment="Asli KTP tidak sesuai",
        now=NOW,
        settings=settings,
    )
    assert app.status == "cancelled"
    permit = (
        session.query(IssuedDocument)
        .filter_by(kind="permit")
        .filter(IssuedDocument.signed_at.isnot(None))
        .one()
    )
    assert permit.revoked_at is not None
