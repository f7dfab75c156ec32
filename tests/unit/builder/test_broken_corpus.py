"""A corpus of broken definitions: each is the valid minimal definition with one patch, and each
must be refused with the expected problem code at the expected JSON pointer."""

from __future__ import annotations

from typing import Any

import pytest

from builder.check import check_definition
from tests.unit.builder.helpers import minimal, patch

F0 = "/form/pages/0/fields"
STEPS = "/workflow/steps"
TEXT = {"id": "Teks", "en": "Text"}


def _field(fid: str, ftype: str = "number", **extra: Any) -> dict[str, Any]:
    return {"id": fid, "type": ftype, "label": TEXT, **extra}


def _step(sid: str, kind: str, **extra: Any) -> dict[str, Any]:
    base = {"id": sid, "kind": kind, "name": TEXT, "role": "kasi", "sla_working_days": 1}
    return {**base, "actions": [{"kind": "approve", "to": "draft"}], **extra}


def _into_flow(step: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Insert `step` after verification and route verification's approve to it."""
    return [("add", f"{STEPS}/1", step), ("set", f"{STEPS}/0/actions/0/to", step["id"])]


_SUB = _step("rek", "recommendation", form=[_field("catatan", "textarea")])
_SUB_PLAIN = {**_SUB, "actions": [{"kind": "approve"}, {"kind": "reject"}]}

CASES: list[tuple[str, list[tuple[Any, ...]], str, str]] = [
    # --- schema
    ("unknown top-level key", [("set", "/extra", 1)], "unknown_key", "/extra"),
    ("missing name", [("del", "/name")], "required_key", ""),
    ("typo in a field key", [("set", f"{F0}/0/maxlength", 3)], "unknown_key", f"{F0}/0/maxlength"),
    (
        "label without en",
        [("set", f"{F0}/0/label", {"id": "Nama"})],
        "required_key",
        f"{F0}/0/label",
    ),
    ("bad field id", [("set", f"{F0}/0/id", "Nama Usaha")], "bad_format", f"{F0}/0/id"),
    (
        "bad rounding",
        [("set", "/fees/items/0/rounding/to", 10)],
        "invalid_value",
        "/fees/items/0/rounding/to",
    ),
    (
        "document too big",
        [("set", "/documents/0/max_size_mb", 50)],
        "out_of_range",
        "/documents/0/max_size_mb",
    ),
    ("free fee with items", [("set", "/fees/free", True)], "unknown_key", "/fees/currency"),
    (
        "branch without to",
        [("set", f"{STEPS}/0/actions/0/to", [{"if": True}])],
        "required_key",
        f"{STEPS}/0/actions/0/to/0",
    ),
    (
        "newer format",
        [("set", "/format_version", 7)],
        "unsupported_format_version",
        "/format_version",
    ),
    # --- registries
    ("unknown field type", [("set", f"{F0}/0/type", "txt")], "unknown_field_type", f"{F0}/0/type"),
    ("unknown role", [("set", f"{STEPS}/0/role", "lurah")], "unknown_role", f"{STEPS}/0/role"),
    (
        "unknown step kind",
        [("set", f"{STEPS}/0/kind", "verify")],
        "unknown_step_kind",
        f"{STEPS}/0/kind",
    ),
    (
        "unknown reference list",
        [("set", f"{F0}/2/options_ref", "kecamatan")],
        "unknown_reference_list",
        f"{F0}/2/options_ref",
    ),
    # --- fields
    ("select without options", [("del", f"{F0}/3/options")], "options_missing", f"{F0}/3"),
    (
        "select with both options",
        [("set", f"{F0}/3/options_ref", "kbli")],
        "options_conflict",
        f"{F0}/3",
    ),
    (
        "min greater than max",
        [("set", f"{F0}/1/min", 10), ("set", f"{F0}/1/max", 5)],
        "min_greater_than_max",
        f"{F0}/1/min",
    ),
    ("invalid regex", [("set", f"{F0}/0/pattern", "([a-z")], "invalid_pattern", f"{F0}/0/pattern"),
    (
        "group in group",
        [("add", f"{F0}/6/fields/-", _field("sub", "group", fields=[_field("x")]))],
        "nested_group",
        f"{F0}/6/fields/2/type",
    ),
    (
        "required but hidden",
        [("set", f"{F0}/0/visible_if", False)],
        "required_always_hidden",
        f"{F0}/0/required",
    ),
    (
        "required on a hidden page",
        [("set", "/form/pages/1/visible_if", {"!": True})],
        "required_always_hidden",
        "/form/pages/1/fields/0/required",
    ),
    # --- duplicates
    (
        "field id on two pages",
        [("set", "/form/pages/1/fields/0/id", "nama_usaha")],
        "duplicate_id",
        "/form/pages/1/fields/0/id",
    ),
    (
        "group sub-field id twice",
        [("set", f"{F0}/6/fields/1/id", "nama")],
        "duplicate_id",
        f"{F0}/6/fields/1/id",
    ),
    (
        "document code twice",
        [("set", "/documents/1/code", "ktp")],
        "duplicate_id",
        "/documents/1/code",
    ),
    (
        "fee item id twice",
        [("add", "/fees/items/-", minimal()["fees"]["items"][0])],
        "duplicate_id",
        "/fees/items/1/id",
    ),
    (
        "test case id twice",
        [("add", "/test_cases/-", minimal()["test_cases"][0])],
        "duplicate_id",
        "/test_cases/1/id",
    ),
    (
        "sub-step id equals a step id",
        [*_into_flow(_step("par", "parallel", steps=[{**_SUB_PLAIN, "id": "draft"}]))],
        "duplicate_id",
        f"{STEPS}/3/id",
    ),
    # --- rules and data
    (
        "rule reads a missing field",
        [("set", "/eligibility/0/rule", {"<=": [{"var": "luas_tanah"}, 5]})],
        "unknown_var",
        "/eligibility/0/rule/<=/0/var",
    ),
    (
        "document required_if over unknown data",
        [("set", "/documents/1/required_if", {"var": "punya_npwp"})],
        "unknown_var",
        "/documents/1/required_if/var",
    ),
    (
        "eligibility reads officer data",
        [("set", "/eligibility/0/rule", {"var": "steps.pemeriksaan.layak"})],
        "unknown_var",
        "/eligibility/0/rule/var",
    ),
    (
        "computed cycle",
        [
            ("add", f"{F0}/-", _field("a", computed={"var": "b"})),
            ("add", f"{F0}/-", _field("b", computed={"+": [{"var": "a"}, 1]})),
        ],
        "computed_cycle",
        f"{F0}/8/computed",
    ),
    (
        "fee over a select value",
        [("set", "/fees/items/0/formula", {"*": [{"var": "kelas_lokasi"}, 1000]})],
        "fee_non_numeric",
        "/fees/items/0/formula/*/0",
    ),
    (
        "fee over a text via if",
        [
            (
                "set",
                "/fees/items/0/formula",
                {"if": [{"var": "punya_nib"}, {"var": "nama_usaha"}, 0]},
            )
        ],
        "fee_non_numeric",
        "/fees/items/0/formula/if/1",
    ),
    (
        "unknown tariff table",
        [("set", "/fees/items/0/formula/*/1/tariff/0", "indeks_lokasii")],
        "unknown_table",
        "/fees/items/0/formula/*/1/tariff/0",
    ),
    # --- workflow
    (
        "unreachable step",
        [("set", f"{STEPS}/2/actions/0/to", "@end")],
        "unreachable_step",
        f"{STEPS}/3",
    ),
    (
        "unknown target",
        [("set", f"{STEPS}/0/actions/0/to", "pemeriksa")],
        "unknown_target",
        f"{STEPS}/0/actions/0/to",
    ),
    ("unknown start", [("set", "/workflow/start", "mulai")], "unknown_target", "/workflow/start"),
    (
        "approve without to",
        [("del", f"{STEPS}/0/actions/0/to")],
        "action_target_missing",
        f"{STEPS}/0/actions/0",
    ),
    (
        "send_back without to",
        [("del", f"{STEPS}/1/actions/1/to")],
        "action_target_missing",
        f"{STEPS}/1/actions/1",
    ),
    (
        "return with to",
        [("set", f"{STEPS}/0/actions/1/to", "draft")],
        "action_target_forbidden",
        f"{STEPS}/0/actions/1/to",
    ),
    (
        "cancel with to",
        [
            ("add", f"{STEPS}/3/actions/-", {"kind": "cancel", "to": "@end"}),
            ("set", f"{STEPS}/3/kind", "handover"),
        ],
        "action_target_forbidden",
        f"{STEPS}/3/actions/2/to",
    ),
    (
        "action not allowed for kind",
        [("add", f"{STEPS}/2/actions/-", {"kind": "reject", "to": "@end"})],
        "action_not_allowed",
        f"{STEPS}/2/actions/1/kind",
    ),
    (
        "no path to @end",
        [("set", f"{STEPS}/3/actions/0/to", "draft")],
        "no_path_to_end",
        "/workflow",
    ),
    (
        "send_back to a later step",
        [("add", f"{STEPS}/0/actions/-", {"kind": "send_back", "to": "draft"})],
        "send_back_not_earlier",
        f"{STEPS}/0/actions/3/to",
    ),
    (
        "first branch without if",
        [("del", f"{STEPS}/1/actions/0/to/0/if")],
        "branch_without_condition",
        f"{STEPS}/1/actions/0/to/0",
    ),
    ("inspection without form", [("del", f"{STEPS}/1/form")], "form_missing", f"{STEPS}/1"),
    (
        "parallel without sub-steps",
        _into_flow(_step("par", "parallel")),
        "parallel_without_steps",
        f"{STEPS}/1",
    ),
    (
        "nested parallel",
        _into_flow(_step("par", "parallel", steps=[{**_SUB_PLAIN, "kind": "parallel"}])),
        "nested_parallel",
        f"{STEPS}/1/steps/0/kind",
    ),
    (
        "sub-step action with to",
        _into_flow(_step("par", "parallel", steps=[_SUB])),
        "substep_action_target",
        f"{STEPS}/1/steps/0/actions/0/to",
    ),
    (
        "sub-steps on a plain step",
        [("set", f"{STEPS}/2/steps", [_SUB_PLAIN])],
        "steps_not_allowed",
        f"{STEPS}/2/steps",
    ),
    (
        "step output not allowed",
        [("set", f"{STEPS}/2/outputs", ["bap"])],
        "output_not_allowed",
        f"{STEPS}/2/outputs/0",
    ),
    (
        "step output not defined",
        [("del", "/outputs/0")],
        "output_undefined",
        f"{STEPS}/0/outputs/0",
    ),
    # --- references
    (
        "output lists a missing field",
        [("set", "/outputs/0/fields/0", "nama_toko")],
        "unknown_output_field",
        "/outputs/0/fields/0",
    ),
    (
        "output text placeholder",
        [("set", "/outputs/2/text/en", "To {nama_toko}.")],
        "unknown_placeholder",
        "/outputs/2/text/en",
    ),
    (
        "test data key not a field",
        [("set", "/test_cases/0/data/luas_tanah", 5)],
        "unknown_test_data_key",
        "/test_cases/0/data/luas_tanah",
    ),
    (
        "test expects a missing rule",
        [("set", "/test_cases/0/expect/failed_rules", ["luas"])],
        "unknown_reference",
        "/test_cases/0/expect/failed_rules/0",
    ),
]


def test_the_base_definition_is_clean() -> None:
    assert check_definition(minimal())[1] == []


@pytest.mark.parametrize(("ops", "code", "at"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_definition_is_refused(ops: list[tuple[Any, ...]], code: str, at: str) -> None:
    problems = check_definition(patch(minimal(), ops))[1]
    found = {(p.code, p.pointer) for p in problems if p.is_error}
    assert (code, at) in found, [f"{p.pointer}: {p.code}: {p.message_en}" for p in problems]
    for problem in problems:
        assert problem.message_id and problem.message_en


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
