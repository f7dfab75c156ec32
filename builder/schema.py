"""The JSON Schema of a permit-type definition, generated from the registries.

`form_schemas/permit-type.schema.json` is the committed output of `build_schema()`; a unit test
keeps the file in step. Regenerate with `python -m builder.schema`.

Design: strict objects (`additionalProperties`/`unevaluatedProperties: false`) so typos are caught;
fields are discriminated on `type` with one `if/then` branch per registered type, so a bad field
gives one precise error instead of a cascade of `oneOf` failures. Registry-owned vocabularies
(field type, step kind, role, reference list) are only pattern-checked here: `builder.lint`
reports unknown names with the list of valid ones. Rules are any JSON value here; the lint
checks them with `rules.check`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from builder.field_types import COMMON_KEYS, FIELD_TYPES, REQUIRED_EXTRA_KEYS
from builder.step_kinds import ACTION_KINDS, OUTPUT_KINDS

SCHEMA_ID = "https://rakit.example/schemas/permit-type.schema.json"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "form_schemas" / "permit-type.schema.json"

ID_PATTERN = "^[a-z][a-z0-9_]{0,62}$"
CODE_PATTERN = "^[a-z][a-z0-9-]{1,62}$"
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
TARGET_PATTERN = "^(@end|[a-z][a-z0-9_]{0,62})$"
VAR_PATH_PATTERN = "^[a-z][a-z0-9_]{0,62}(\\.[a-z][a-z0-9_]{0,62}){0,2}$"


def _obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _list(item: dict[str, Any], min_items: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": item}
    if min_items:
        schema["minItems"] = min_items
    return schema


def _field_defs() -> dict[str, Any]:
    branches = []
    defs: dict[str, Any] = {}
    for name, ftype in FIELD_TYPES.items():
        branch: dict[str, Any] = {
            "$ref": "#/$defs/field_common",
            "properties": dict(ftype.extra_keys),
            "unevaluatedProperties": False,
        }
        if name in REQUIRED_EXTRA_KEYS:
            branch["required"] = list(REQUIRED_EXTRA_KEYS[name])
        defs[f"field_{name}"] = branch
        branches.append(
            {
                "if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                "then": _ref(f"field_{name}"),
            }
        )
    defs["field_common"] = {"type": "object", "properties": dict(COMMON_KEYS)}
    defs["field"] = {
        "type": "object",
        "required": ["id", "type", "label"],
        "properties": {"type": _ref("id")},
        "allOf": branches,
    }
    return defs


def _workflow_defs() -> dict[str, Any]:
    branch = _obj({"if": _ref("rule"), "to": {"type": "string", "pattern": TARGET_PATTERN}}, ["to"])
    return {
        "target": {
            "if": {"type": "string"},
            "then": {"type": "string", "pattern": TARGET_PATTERN},
            "else": _list(_ref("branch"), 1),
        },
        "branch": branch,
        "action": _obj(
            {"kind": {"enum": list(ACTION_KINDS)}, "label": _ref("text"), "to": _ref("target")},
            ["kind"],
        ),
        "step": _obj(
            {
                "id": _ref("id"),
                "kind": _ref("id"),
                "name": _ref("text"),
                "role": _ref("id"),
                "sla_working_days": {"type": "integer", "minimum": 0},
                "skip_if": _ref("rule"),
                "actions": _list(_ref("action"), 1),
                "form": _list(_ref("field"), 1),
                "outputs": {**_list({"enum": list(OUTPUT_KINDS)}, 1), "uniqueItems": True},
                "steps": _list(_ref("step")),
            },
            ["id", "kind", "name", "role", "sla_working_days", "actions"],
        ),
        "workflow": _obj(
            {"start": _ref("id"), "steps": _list(_ref("step"), 1)}, ["start", "steps"]
        ),
    }


def _fee_defs() -> dict[str, Any]:
    rounding = _obj(
        {"mode": {"enum": ["half_up", "up", "down"]}, "to": {"enum": [1, 100, 1000]}},
        ["mode", "to"],
    )
    adjustable = _obj(
        {"max_percent": {"type": "number", "exclusiveMinimum": 0, "maximum": 100}}, ["max_percent"]
    )
    fees_paid = _obj(
        {
            "free": {"const": False},
            "currency": {"const": "IDR"},
            "due_days": {"type": "integer", "minimum": 1},
            "items": _list(_ref("fee_item"), 1),
            "note": _ref("text"),
        },
        ["free", "currency", "due_days", "items"],
    )
    return {
        "fee_item": _obj(
            {
                "id": _ref("id"),
                "label": _ref("text"),
                "formula": _ref("rule"),
                "when": _ref("rule"),
                "legal_basis": {"type": "string", "minLength": 1},
                "rounding": rounding,
                "adjustable": adjustable,
            },
            ["id", "label", "formula", "legal_basis", "rounding"],
        ),
        "fees": {
            "type": "object",
            "required": ["free"],
            "properties": {"free": {"type": "boolean"}},
            "if": {"properties": {"free": {"const": True}}},
            "then": _obj({"free": {"const": True}}, ["free"]),
            "else": fees_paid,
        },
        "table": _obj(
            {
                "label": _ref("text"),
                "rows": {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"minLength": 1},
                    "additionalProperties": {"type": "string", "pattern": DECIMAL_PATTERN},
                },
            },
            ["label", "rows"],
        ),
    }


def _test_case_def() -> dict[str, Any]:
    decimal = {"type": "string", "pattern": DECIMAL_PATTERN}
    expect = _obj(
        {
            "eligible": {"type": "boolean"},
            "failed_rules": _list(_ref("id")),
            "fees": _obj(
                {
                    "items": {
                        "type": "object",
                        "propertyNames": _ref("id"),
                        "additionalProperties": decimal,
                    },
                    "total": decimal,
                }
            ),
            "documents": _list(_ref("id")),
            "route": _list(_ref("id")),
        }
    )
    return _obj(
        {
            "id": _ref("id"),
            "description": {"type": "string"},
            "kind": {"enum": ["new", "renewal", "amendment"]},
            "data": {"type": "object"},
            "expect": expect,
        },
        ["id", "data", "expect"],
    )


def _basic_defs() -> dict[str, Any]:
    nonempty = {"type": "string", "minLength": 1}
    return {
        "id": {"type": "string", "pattern": ID_PATTERN},
        "text": _obj({"id": nonempty, "en": nonempty}, ["id", "en"]),
        "rule": {"type": ["object", "array", "string", "number", "boolean", "null"]},
        "option": _obj({"value": nonempty, "label": _ref("text")}, ["value", "label"]),
        "page": _obj(
            {
                "id": _ref("id"),
                "title": _ref("text"),
                "description": _ref("text"),
                "visible_if": _ref("rule"),
                "fields": _list(_ref("field"), 1),
            },
            ["id", "title", "fields"],
        ),
        "document": _obj(
            {
                "code": _ref("id"),
                "name": _ref("text"),
                "description": _ref("text"),
                "accept": {
                    **_list({"enum": ["pdf", "jpg", "png"]}, 1),
                    "uniqueItems": True,
                },
                "max_size_mb": {"type": "number", "exclusiveMinimum": 0, "maximum": 20},
                "required": {"type": "boolean"},
                "required_if": _ref("rule"),
                "stage": {"enum": ["application", "before_issuance", "commitment"]},
                "check_original": {"type": "boolean"},
            },
            ["code", "name", "accept", "max_size_mb", "required", "stage", "check_original"],
        ),
        "rule_entry": _obj(
            {
                "id": _ref("id"),
                "description": _ref("text"),
                "rule": _ref("rule"),
                "message": _ref("text"),
            },
            ["id", "rule", "message"],
        ),
        "output": _obj(
            {
                "kind": {"enum": list(OUTPUT_KINDS)},
                "title": _ref("text"),
                "fields": _list({"type": "string", "pattern": VAR_PATH_PATTERN}),
                "text": _ref("text"),
            },
            ["kind", "title"],
        ),
    }


def _service_standard() -> dict[str, Any]:
    positive = {"type": "integer", "minimum": 1}
    return _obj(
        {
            "sla_working_days": positive,
            "validity_years": {"type": ["integer", "null"], "minimum": 1},
            "product": _ref("text"),
            "technical_agency": {"anyOf": [_ref("text"), {"type": "null"}]},
            "channels": {**_list({"enum": ["online", "counter"]}, 1), "uniqueItems": True},
            "application_kinds": {
                **_list({"enum": ["new", "renewal", "amendment"]}, 1),
                "uniqueItems": True,
            },
            "procedure_note": _ref("text"),
            "cost_note": _ref("text"),
        },
        [
            "sla_working_days",
            "validity_years",
            "product",
            "technical_agency",
            "channels",
            "application_kinds",
        ],
    )


def build_schema() -> dict[str, Any]:
    """The schema as a dict (JSON Schema 2020-12)."""
    top = {
        "format_version": {"const": 1},
        "code": {"type": "string", "pattern": CODE_PATTERN},
        "name": _ref("text"),
        "description": _ref("text"),
        "category": _obj({"code": _ref("id"), "name": _ref("text")}, ["code", "name"]),
        "legal_basis": _list(
            _obj(
                {"title": {"type": "string", "minLength": 1}, "url": {"type": "string"}}, ["title"]
            ),
            1,
        ),
        "service_standard": _service_standard(),
        "form": _obj({"pages": _list(_ref("page"), 1)}, ["pages"]),
        "documents": _list(_ref("document")),
        "eligibility": _list(_ref("rule_entry")),
        "fees": _ref("fees"),
        "tables": {
            "type": "object",
            "propertyNames": _ref("id"),
            "additionalProperties": _ref("table"),
        },
        "workflow": _ref("workflow"),
        "outputs": _list(_ref("output")),
        "test_cases": _list(_ref("test_case")),
    }
    required = [k for k in top if k != "test_cases"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Rakit permit-type definition (format_version 1)",
        **_obj(top, required),
        "$defs": {
            **_basic_defs(),
            **_field_defs(),
            **_fee_defs(),
            **_workflow_defs(),
            "test_case": _test_case_def(),
        },
    }


@cache
def load_schema() -> dict[str, Any]:
    """The committed schema file (what other tools and editors see)."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def main() -> None:
    """Write the generated schema to `SCHEMA_PATH` in canonical form."""
    from builder.canonical import canonical_bytes

    SCHEMA_PATH.write_bytes(canonical_bytes(build_schema()))
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
