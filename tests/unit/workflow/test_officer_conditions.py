"""Officer-form conditions: `visible_if` / `required_if` decided on the server from the form's own
fields (bare ids) and the application's data, so a hidden field is never required."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import rules
from runtime.workflow import FormInvalid, act, calendar, submit
from runtime.workflow.officer_data import FormRules, validate_form
from tests.unit.workflow.chain import form_for, sample_data
from tests.unit.workflow.conftest import load_definition, make_application
from tests.unit.workflow.test_full_chain import NOW, open_task, walk

TODAY = dt.date(2026, 8, 13)
CONDITIONS = FormRules({"status_tempat": "sewa", "meta": {"kind": "new"}}, rules.evaluate)

FIELDS: list[dict[str, Any]] = [
    {
        "id": "rekomendasi",
        "type": "radio",
        "required": True,
        "options": [{"value": "layak"}, {"value": "layak_bersyarat"}],
    },
    {
        "id": "syarat",
        "type": "textarea",
        "required": True,
        "visible_if": {"==": [{"var": "rekomendasi"}, "layak_bersyarat"]},
    },
    {
        "id": "bukti_sewa_diperiksa",
        "type": "checkbox",
        "required_if": {"==": [{"var": "status_tempat"}, "sewa"]},
    },
    {
        "id": "luas_terukur",
        "type": "number",
        "visible_if": {"==": [{"var": "meta.kind"}, "new"]},
        "required_if": {">": [{"var": "luas_terukur"}, 0]},
    },
]


def _errors(data: dict[str, Any], form_rules: FormRules | None = CONDITIONS) -> dict[str, str]:
    with pytest.raises(FormInvalid) as caught:
        validate_form(FIELDS, data, TODAY, form_rules)
    return dict(caught.value.errors)


def test_a_field_hidden_by_the_forms_own_answer_is_not_required_nor_kept() -> None:
    data = {"rekomendasi": "layak", "syarat": "left over", "bukti_sewa_diperiksa": True}
    cleaned = validate_form(FIELDS, data, TODAY, CONDITIONS)
    assert cleaned == {"rekomendasi": "layak", "bukti_sewa_diperiksa": True}


def test_the_same_field_shown_is_required() -> None:
    data = {"rekomendasi": "layak_bersyarat", "bukti_sewa_diperiksa": True}
    assert _errors(data) == {"syarat": "required"}


def test_required_if_reads_the_application_data_by_field_id() -> None:
    assert _errors({"rekomendasi": "layak"}) == {"bukti_sewa_diperiksa": "required"}
    owned = FormRules({"status_tempat": "milik_sendiri"}, rules.evaluate)
    assert validate_form(FIELDS, {"rekomendasi": "layak"}, TODAY, owned) == {"rekomendasi": "layak"}


def test_rules_see_typed_values_and_meta() -> None:
    data = {"rekomendasi": "layak", "bukti_sewa_diperiksa": True, "luas_terukur": "120"}
    assert validate_form(FIELDS, data, TODAY, CONDITIONS)["luas_terukur"] == 120
    renewal = FormRules({"status_tempat": "sewa", "meta": {"kind": "renewal"}}, rules.evaluate)
    assert "luas_terukur" not in validate_form(FIELDS, data, TODAY, renewal)


def test_a_rule_that_cannot_be_evaluated_counts_as_false() -> None:
    def broken(rule: Any, scope: dict[str, Any]) -> Any:
        raise rules.RuleError("boom")

    data = {"rekomendasi": "layak_bersyarat", "syarat": "x"}
    assert validate_form(FIELDS, data, TODAY, FormRules({}, broken)) == {
        "rekomendasi": "layak_bersyarat"
    }


def test_without_conditions_the_static_validation_is_unchanged() -> None:
    assert _errors({"rekomendasi": "layak"}, None) == {"syarat": "required"}
    assert _errors({"rekomendasi": "maybe", "syarat": "x"}, None) == {
        "rekomendasi": "not one of the options"
    }


def test_group_rows_read_their_sibling_sub_fields() -> None:
    group = {
        "id": "petugas",
        "type": "group",
        "required": True,
        "fields": [
            {"id": "unsur", "type": "select", "options": [{"value": "dpmptsp"}, {"value": "lain"}]},
            {
                "id": "nip",
                "type": "text",
                "required_if": {"==": [{"var": "unsur"}, "dpmptsp"]},
            },
        ],
    }
    ok = [{"unsur": "lain"}, {"unsur": "dpmptsp", "nip": "1980"}]
    assert validate_form([group], {"petugas": ok}, TODAY, CONDITIONS) == {"petugas": ok}
    with pytest.raises(FormInvalid) as caught:
        validate_form([group], {"petugas": [{"unsur": "dpmptsp"}]}, TODAY, CONDITIONS)
    assert caught.value.errors == {"petugas": "the form has errors"}


def _at_inspection(session, users, settings, definition: dict[str, Any]):
    app = make_application(session, users, definition, sample_data("izin-gangguan"))
    submit(session, app, actor=users["pemohon"], now=NOW, settings=settings)
    walk(session, users, settings, app, until="inspeksi_lapangan")
    return app, open_task(app)


def _inspect(session, users, settings, app, task, **changes: Any) -> None:
    data = {**form_for("inspeksi_lapangan", calendar.local_date(NOW)), **changes}
    act(
        session,
        app,
        task,
        "approve",
        actor=users["field_inspector"],
        form_data=data,
        now=NOW,
        settings=settings,
    )


def test_the_engine_requires_conditions_only_when_they_apply(session, users, settings) -> None:
    """izin-gangguan's BAP: `syarat_tambahan` only when the recommendation is conditional."""
    app, task = _at_inspection(session, users, settings, load_definition("izin-gangguan"))
    with pytest.raises(FormInvalid) as caught:
        _inspect(session, users, settings, app, task, rekomendasi="layak_bersyarat")
    assert caught.value.errors == {"syarat_tambahan": "required"}
    _inspect(session, users, settings, app, task, rekomendasi="layak", syarat_tambahan="ignored")
    assert task.status == "done"
    assert "syarat_tambahan" not in task.data["form"]


def test_the_engine_reads_application_fields_in_officer_rules(session, users, settings) -> None:
    definition = json.loads(json.dumps(load_definition("izin-gangguan")))
    step = next(s for s in definition["workflow"]["steps"] if s["id"] == "inspeksi_lapangan")
    step["form"].append(
        {
            "id": "kontrak_sewa_diperiksa",
            "type": "checkbox",
            "label": {"id": "Kontrak sewa diperiksa", "en": "Lease checked"},
            "required": True,
            "visible_if": {"==": [{"var": "status_tempat"}, "sewa"]},
        }
    )
    app, task = _at_inspection(session, users, settings, definition)
    _inspect(session, users, settings, app, task)  # milik_sendiri: the lease field is hidden
    assert task.status == "done"
