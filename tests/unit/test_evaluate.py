"""builder.evaluate on the sample Izin Gangguan definition: visibility, requirement, documents,
eligibility in list order with reasons, exact fees. No Flask, no database."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from builder.evaluate import evaluate, truthy
from rules import EvalContext

DEFINITION = Path(__file__).resolve().parents[2] / "form_schemas" / "permits" / "izin-gangguan.json"


@pytest.fixture(scope="module")
def definition() -> dict[str, Any]:
    return json.loads(DEFINITION.read_text())


@pytest.fixture(scope="module")
def ctx(definition: dict[str, Any]) -> EvalContext:
    return EvalContext.with_definition_tables(definition["tables"], today=dt.date(2026, 3, 2))


GOOD = {
    "bentuk_pemohon": "perorangan",
    "nama_pemohon": "Siti",
    "nik": "3171011501900001",
    "tanggal_lahir": "1990-01-15",
    "nib": "1234567890123",
    "skala_usaha": "kecil",
    "luas_usaha": 120,
    "kelas_lokasi": "lokal",
    "tingkat_gangguan": "sedang",
    "status_tempat": "milik_sendiri",
}


def test_conditional_field_follows_the_choice(definition: Any, ctx: Any) -> None:
    hidden = evaluate(definition, GOOD, ctx)
    assert "jabatan" not in hidden.visible_fields and "jabatan" not in hidden.required_fields
    shown = evaluate(definition, {**GOOD, "bentuk_pemohon": "badan_usaha"}, ctx)
    assert {"jabatan", "npwp"} <= shown.required_fields


def test_hidden_values_do_not_reach_later_rules(definition: Any, ctx: Any) -> None:
    ev = evaluate(definition, {**GOOD, "masa_sewa_berakhir": "2026-04-01"}, ctx)
    assert "masa_sewa_berakhir" not in ev.effective_data  # owned premises: the lease is hidden
    assert ev.eligible


def test_documents_needed_now(definition: Any, ctx: Any) -> None:
    ev = evaluate(definition, GOOD, ctx)
    needed = {d.code for d in ev.application_documents() if d.required}
    assert "bukti_kepemilikan" in needed and "perjanjian_sewa" not in needed
    assert "akta_pendirian" not in {d.code for d in ev.application_documents()}
    rented = evaluate(definition, {**GOOD, "status_tempat": "sewa"}, ctx)
    assert "perjanjian_sewa" in {d.code for d in rented.application_documents() if d.required}


def test_fees_are_exact_decimals(definition: Any, ctx: Any) -> None:
    ev = evaluate(definition, {**GOOD, "luas_usaha": 120.3}, ctx)
    assert ev.fees.total == Decimal("722000")  # 2000 × 120.3 × 1.5 × 2 = 721,800 → up to 1000s
    assert [line.id for line in ev.fees.lines] == ["retribusi_ho"]


def test_fees_wait_for_their_inputs(definition: Any, ctx: Any) -> None:
    ev = evaluate(definition, {"luas_usaha": 120}, ctx)
    assert ev.fees is None and ev.fee_error


def test_eligibility_in_list_order_with_reasons(definition: Any, ctx: Any) -> None:
    ev = evaluate(definition, {**GOOD, "luas_usaha": 6000, "tanggal_lahir": "2015-01-01"}, ctx)
    assert ev.failed_rules == ["usia_minimal", "luas_dalam_cakupan"]
    assert [o.id for o in ev.eligibility] == [e["id"] for e in definition["eligibility"]]
    outcome = next(o for o in ev.eligibility if o.id == "luas_dalam_cakupan")
    assert outcome.reasons["id"] and outcome.reasons["en"]
    assert not ev.eligible


def test_meta_kind_and_channel_are_visible_to_rules(ctx: Any) -> None:
    definition = {
        "form": {
            "pages": [
                {
                    "id": "p",
                    "fields": [
                        {
                            "id": "nomor_izin_lama",
                            "type": "text",
                            "label": {"id": "x", "en": "x"},
                            "visible_if": {"!=": [{"var": "meta.kind"}, "new"]},
                            "required": True,
                        },
                    ],
                }
            ]
        },
        "fees": {"free": True},
    }
    assert "nomor_izin_lama" not in evaluate(definition, {}, ctx).visible_fields
    renewal = evaluate(definition, {}, ctx, kind="renewal")
    assert "nomor_izin_lama" in renewal.required_fields


def test_computed_values_feed_later_fields(ctx: Any) -> None:
    definition = {
        "form": {
            "pages": [
                {
                    "id": "p",
                    "fields": [
                        {"id": "a", "type": "number", "label": {"id": "a", "en": "a"}},
                        {
                            "id": "b",
                            "type": "number",
                            "label": {"id": "b", "en": "b"},
                            "computed": {"*": [{"var": "a"}, 2]},
                        },
                        {
                            "id": "c",
                            "type": "text",
                            "label": {"id": "c", "en": "c"},
                            "visible_if": {">": [{"var": "b"}, 10]},
                        },
                    ],
                }
            ]
        },
        "fees": {"free": True},
    }
    ev = evaluate(definition, {"a": 6}, ctx)
    assert ev.computed == {"b": 12} and "c" in ev.visible_fields


def test_truthiness_matches_json_logic() -> None:
    assert not truthy([]) and truthy({}) and truthy("0") and not truthy(0) and not truthy("")
