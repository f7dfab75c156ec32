from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from rules import EvalContext
from runtime.models import Skrd
from runtime.workflow import FormInvalid, act, simulate_route, submit
from tests.unit.workflow.chain import PERMITS, sample_data
from tests.unit.workflow.conftest import load_definition, make_application

NOW = dt.datetime(2026, 8, 13, 3, 0, tzinfo=dt.UTC)
TODAY = "2026-08-13"


@pytest.mark.parametrize("path", sorted(PERMITS.glob("*.json")), ids=lambda p: p.stem)
def test_simulated_route_matches_each_samples_test_cases(path) -> None:
    definition = json.loads(path.read_text())
    tables = {n: {k: str(v) for k, v in t["rows"].items()} for n, t in definition["tables"].items()}
    ctx = EvalContext(today=dt.date(2026, 8, 13), holidays=frozenset(), tables=tables)
    for case in definition.get("test_cases", []):
        if "route" in case["expect"]:
            data = {**case["data"], "meta": {"kind": case.get("kind", "new")}}
            assert simulate_route(definition, data, ctx) == case["expect"]["route"], case["id"]


def _tasks(app, status="open"):
    return {t.step_id: t for t in app.tasks if t.status == status}


def _rumah_kos_at_group(session, users, settings):
    app = make_application(session, users, load_definition("rumah-kos"), sample_data("rumah-kos"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    act(
        session,
        app,
        _tasks(app)["verifikasi"],
        "approve",
        actor=users["front_office"],
        now=NOW,
        settings=settings,
    )
    act(
        session,
        app,
        _tasks(app)["pemeriksaan_lokasi"],
        "approve",
        actor=users["field_inspector"],
        now=NOW,
        settings=settings,
        form_data={"tanggal_pemeriksaan": TODAY, "jumlah_kamar_terhitung": 10, "temuan": "Sesuai."},
    )
    return app


REK = {
    "nomor_rekomendasi": "R-1",
    "tanggal_rekomendasi": TODAY,
    "tanggapan_warga": "mendukung",
    "layak_huni": "layak",
}


def test_parallel_group_waits_for_every_sub_step(session, users, settings) -> None:
    app = _rumah_kos_at_group(session, users, settings)
    open_now = _tasks(app)
    assert set(open_now) == {"rekomendasi_kecamatan", "rekomendasi_perkim"}
    assert _tasks(app, "group").keys() == {"rapat_teknis"}
    act(
        session,
        app,
        open_now["rekomendasi_kecamatan"],
        "approve",
        actor=users["technical_agency"],
        form_data=REK,
        now=NOW,
        settings=settings,
    )
    assert set(_tasks(app)) == {"rekomendasi_perkim"}
    act(
        session,
        app,
        open_now["rekomendasi_perkim"],
        "approve",
        actor=users["technical_agency"],
        form_data=REK,
        now=NOW,
        settings=settings,
    )
    assert set(_tasks(app)) == {"penetapan_retribusi"}


def test_one_rejecting_sub_step_rejects_the_group(session, users, settings) -> None:
    app = _rumah_kos_at_group(session, users, settings)
    act(
        session,
        app,
        _tasks(app)["rekomendasi_perkim"],
        "reject",
        actor=users["technical_agency"],
        comment="Tidak layak huni",
        now=NOW,
        settings=settings,
    )
    assert set(_tasks(app)) == {"draft"}
    assert app.decision == "rejected"
    assert _tasks(app, "cancelled").keys() == {"rekomendasi_kecamatan"}


def test_fee_adjustment_needs_an_adjustable_item(session, users, settings) -> None:
    app = make_application(
        session, users, load_definition("izin-gangguan"), sample_data("izin-gangguan")
    )
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    from tests.unit.workflow.test_full_chain import walk

    walk(session, users, settings, app, until="penetapan_retribusi")
    task = _tasks(app)["penetapan_retribusi"]
    with pytest.raises(FormInvalid):
        act(
            session,
            app,
            task,
            "approve",
            actor=users["cashier"],
            now=NOW,
            settings=settings,
            form_data={"adjustments": {"retribusi_ho": {"amount": "900000", "reason": "x"}}},
        )
    session.rollback()


def test_a_skip_if_step_is_skipped(session, users, settings) -> None:
    definition = load_definition("siup")
    definition["workflow"]["steps"][1]["skip_if"] = {"==": [1, 1]}
    app = make_application(session, users, definition, sample_data("siup"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    act(
        session,
        app,
        _tasks(app)["verifikasi"],
        "approve",
        actor=users["front_office"],
        now=NOW,
        settings=settings,
    )
    assert set(_tasks(app)) == {"verifikasi_kasi"}
    assert _tasks(app, "done")["draft"].outcome == "skipped"
    assert session.query(Skrd).count() == 0 and Decimal(0) == 0
