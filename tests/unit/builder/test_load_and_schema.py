from __future__ import annotations

import json

from builder.canonical import canonical_bytes, canonical_text, content_hash
from builder.field_types import FIELD_TYPES, field_type
from builder.load import load_file, loads
from builder.schema import SCHEMA_PATH, build_schema
from builder.validate import validate_schema
from tests.unit.builder.helpers import FIXTURES, minimal, patch


def test_committed_schema_matches_the_registries() -> None:
    assert SCHEMA_PATH.read_bytes() == canonical_bytes(build_schema()), (
        "run python -m builder.schema"
    )


def test_schema_has_one_branch_per_field_type() -> None:
    defs = build_schema()["$defs"]
    assert {k.removeprefix("field_") for k in defs if k.startswith("field_")} == {
        *FIELD_TYPES,
        "common",
    }


def test_unknown_field_type_names_the_valid_ones() -> None:
    try:
        field_type("txt")
    except KeyError as exc:
        assert "textarea" in str(exc)
    else:
        raise AssertionError("expected UnknownFieldType")


def test_invalid_json_reports_line_and_column() -> None:
    result = loads('{\n  "code": "x",\n  oops\n}')
    assert not result.ok
    (problem,) = result.problems
    assert problem.code == "invalid_json"
    assert "line 3 column 3" in problem.message_en
    assert "baris 3 kolom 3" in problem.message_id


def test_non_object_and_nan_are_refused() -> None:
    assert loads("[1]").problems[0].code == "not_an_object"
    assert loads('{"a": NaN}').problems[0].code == "invalid_json"
    assert loads(b"\xff").problems[0].code == "not_utf8"


def test_load_file_reads_utf8_with_bom(tmp_path) -> None:
    path = tmp_path / "d.json"
    path.write_bytes(b"\xef\xbb\xbf" + canonical_bytes(minimal()))
    assert load_file(path).definition == minimal()
    assert load_file(tmp_path / "missing.json").problems[0].code == "unreadable"


def test_bad_field_gives_one_precise_error() -> None:
    broken = patch(minimal(), [("set", "/form/pages/0/fields/1/decimals", "two")])
    problems = validate_schema(broken)
    assert [(p.pointer, p.code) for p in problems] == [
        ("/form/pages/0/fields/1/decimals", "wrong_type")
    ]


def test_unknown_key_lists_valid_keys() -> None:
    broken = patch(minimal(), [("set", "/documents/0/mandatory", True)])
    (problem,) = validate_schema(broken)
    assert problem.pointer == "/documents/0/mandatory"
    assert "check_original" in problem.message_en and "check_original" in problem.message_id


def test_canonical_round_trip_is_byte_identical() -> None:
    raw = (FIXTURES / "minimal.json").read_bytes()
    first = canonical_bytes(json.loads(raw))
    assert canonical_bytes(json.loads(first)) == first
    assert first.endswith(b"}\n") and "m²".encode() in first
    assert canonical_text({"b": 1, "a": [1]}) == '{\n  "a": [\n    1\n  ],\n  "b": 1\n}\n'


def test_content_hash_ignores_key_order() -> None:
    assert content_hash({"a": 1, "b": 2}) == content_hash({"b": 2, "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})
    assert len(content_hash(minimal())) == 64
