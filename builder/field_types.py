"""Registry of form field types: what value each type holds and which extra keys it accepts.

The registry is the single source of truth for field types. `builder.schema` generates the
per-type branches of `form_schemas/permit-type.schema.json` from it, and `builder.lint` reports
an unknown type with the list of valid ones. The runtime maps each type to a WTForms field with a
registry of its own keyed by the same names; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ValueKind = Literal["string", "number", "integer", "boolean", "list", "object", "rows", "none"]

_TEXT = {"$ref": "#/$defs/text"}
_NON_NEGATIVE_INT = {"type": "integer", "minimum": 0}
_DATE_BOUND = {"type": "string", "pattern": r"^(today|\d{4}-\d{2}-\d{2})$"}
_OPTIONS = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/option"}}
_OPTIONS_REF = {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,62}$"}


@dataclass(frozen=True)
class FieldType:
    """One field type.

    `value_kind` is the JSON shape of the value in application data (`rows` = list of objects,
    `none` = display-only). `extra_keys` maps each type-specific key to its JSON Schema fragment.
    `sub_keys` are the dotted sub-variables a rule may read (`alamat.regency`, `lokasi.lat`).
    """

    name: str
    value_kind: ValueKind
    extra_keys: dict[str, dict[str, Any]] = field(default_factory=dict)
    sub_keys: tuple[str, ...] = ()
    has_options: bool = False

    @property
    def numeric(self) -> bool:
        return self.value_kind in ("number", "integer")


_ALL = [
    FieldType(
        "text",
        "string",
        {
            "min_length": _NON_NEGATIVE_INT,
            "max_length": _NON_NEGATIVE_INT,
            "pattern": {"type": "string", "minLength": 1},
            "pattern_message": _TEXT,
        },
    ),
    FieldType(
        "textarea", "string", {"min_length": _NON_NEGATIVE_INT, "max_length": _NON_NEGATIVE_INT}
    ),
    FieldType(
        "number",
        "number",
        {
            "min": {"type": "number"},
            "max": {"type": "number"},
            "decimals": {"type": "integer", "minimum": 0, "maximum": 6},
            "unit": {"type": "string", "minLength": 1, "maxLength": 20},
        },
    ),
    FieldType("money", "integer", {"min": {"type": "integer"}, "max": {"type": "integer"}}),
    FieldType("date", "string", {"min": _DATE_BOUND, "max": _DATE_BOUND}),
    FieldType(
        "select", "string", {"options": _OPTIONS, "options_ref": _OPTIONS_REF}, has_options=True
    ),
    FieldType(
        "radio", "string", {"options": _OPTIONS, "options_ref": _OPTIONS_REF}, has_options=True
    ),
    FieldType("checkbox", "boolean"),
    FieldType(
        "checkboxes",
        "list",
        {
            "options": _OPTIONS,
            "options_ref": _OPTIONS_REF,
            "min_items": _NON_NEGATIVE_INT,
            "max_items": _NON_NEGATIVE_INT,
        },
        has_options=True,
    ),
    FieldType("email", "string"),
    FieldType("phone", "string"),
    FieldType("nik", "string"),
    FieldType("npwp", "string"),
    FieldType("nib", "string"),
    FieldType("location", "object", sub_keys=("lat", "lng")),
    FieldType(
        "address",
        "object",
        {
            "levels": {
                "type": "array",
                "minItems": 1,
                "uniqueItems": True,
                "items": {"enum": ["province", "regency", "district", "village"]},
            }
        },
        sub_keys=("province", "regency", "district", "village", "street"),
    ),
    FieldType(
        "group",
        "rows",
        {
            "fields": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/field"}},
            "min_items": _NON_NEGATIVE_INT,
            "max_items": _NON_NEGATIVE_INT,
            "item_label": _TEXT,
        },
    ),
    FieldType("paragraph", "none", {"text": _TEXT}),
]

FIELD_TYPES: dict[str, FieldType] = {t.name: t for t in _ALL}

#: Extra keys a type cannot do without (the schema marks them required).
REQUIRED_EXTRA_KEYS: dict[str, tuple[str, ...]] = {"group": ("fields",), "paragraph": ("text",)}

#: Common keys every field accepts, with their JSON Schema fragments.
COMMON_KEYS: dict[str, dict[str, Any]] = {
    "id": {"$ref": "#/$defs/id"},
    "type": {"$ref": "#/$defs/id"},
    "label": _TEXT,
    "help": _TEXT,
    "required": {"type": "boolean"},
    "required_if": {"$ref": "#/$defs/rule"},
    "visible_if": {"$ref": "#/$defs/rule"},
    "computed": {"$ref": "#/$defs/rule"},
    "default": {},
}


class UnknownFieldType(KeyError):
    """Raised by `field_type` for a name that is not registered."""


def field_type(name: str) -> FieldType:
    """The registered type `name`; raises `UnknownFieldType` naming the valid types."""
    try:
        return FIELD_TYPES[name]
    except KeyError:
        raise UnknownFieldType(
            f"unknown field type {name!r}; valid: {', '.join(FIELD_TYPES)}"
        ) from None


#: Reference lists an `options_ref` may name, with a description (id, en). The runtime loads
#: their items from its reference tables.
REFERENCE_LISTS: dict[str, tuple[str, str]] = {
    "kbli": ("Klasifikasi Baku Lapangan Usaha Indonesia", "Indonesian business classification"),
    "location_class": ("Kelas lokasi", "Location class"),
    "business_scale": ("Skala usaha", "Business scale"),
    "regions": ("Wilayah administrasi", "Administrative regions"),
}
