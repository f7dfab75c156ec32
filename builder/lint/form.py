"""Lint of form fields (pages and officer forms): registry names, options, bounds, patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from builder.field_types import FIELD_TYPES, REFERENCE_LISTS
from builder.lint.index import FieldRef
from builder.problems import Problem, error, pointer
from builder.rule_walk import is_constant_false

_BOUND_PAIRS = (("min", "max"), ("min_length", "max_length"), ("min_items", "max_items"))


def check_fields(refs: list[FieldRef]) -> Iterator[Problem]:
    """Every check of a list of fields, including the sub-fields of groups."""
    for ref in refs:
        yield from check_field(ref)
        for i, sub in enumerate(ref.field.get("fields", [])):
            sub_ref = FieldRef(sub["id"], ref.pointer + pointer("fields", i), sub, ref.page)
            if sub.get("type") == "group":
                yield error(
                    sub_ref.pointer + "/type",
                    "nested_group",
                    f"grup {ref.id!r} tidak boleh berisi grup lain ({sub['id']!r})",
                    f"group {ref.id!r} may not contain another group ({sub['id']!r})",
                )
            yield from check_field(sub_ref)


def check_field(ref: FieldRef) -> Iterator[Problem]:
    ftype = FIELD_TYPES.get(ref.type)
    if ftype is None:
        valid = ", ".join(FIELD_TYPES)
        yield error(
            ref.pointer + "/type",
            "unknown_field_type",
            f"jenis isian {ref.type!r} pada {ref.id!r} tidak dikenal; jenis yang sah: {valid}",
            f"unknown field type {ref.type!r} on {ref.id!r}; valid types: {valid}",
        )
        return
    if ftype.has_options:
        yield from _options(ref)
    yield from _bounds(ref)
    if "pattern" in ref.field:
        yield from _pattern(ref)


def _options(ref: FieldRef) -> Iterator[Problem]:
    has_list, has_ref = "options" in ref.field, "options_ref" in ref.field
    if has_list == has_ref:
        code = "options_conflict" if has_list else "options_missing"
        yield error(
            ref.pointer,
            code,
            f"isian {ref.id!r} harus punya tepat satu dari 'options' atau 'options_ref'",
            f"field {ref.id!r} needs exactly one of 'options' or 'options_ref'",
        )
    if has_ref and ref.field["options_ref"] not in REFERENCE_LISTS:
        name, valid = ref.field["options_ref"], ", ".join(REFERENCE_LISTS)
        yield error(
            ref.pointer + "/options_ref",
            "unknown_reference_list",
            f"daftar rujukan {name!r} pada {ref.id!r} tidak dikenal; yang sah: {valid}",
            f"unknown reference list {name!r} on {ref.id!r}; valid lists: {valid}",
        )
    seen: set[str] = set()
    for i, option in enumerate(ref.field.get("options", [])):
        if option["value"] in seen:
            yield error(
                ref.pointer + pointer("options", i, "value"),
                "duplicate_id",
                f"nilai pilihan {option['value']!r} pada {ref.id!r} ganda",
                f"option value {option['value']!r} on {ref.id!r} is duplicated",
            )
        seen.add(option["value"])


def _bounds(ref: FieldRef) -> Iterator[Problem]:
    for low_key, high_key in _BOUND_PAIRS:
        low, high = ref.field.get(low_key), ref.field.get(high_key)
        if _comparable(low, high) and low > high:  # type: ignore[operator]
            yield error(
                ref.pointer + "/" + low_key,
                "min_greater_than_max",
                f"pada {ref.id!r}, {low_key} ({low}) lebih besar dari {high_key} ({high})",
                f"on {ref.id!r}, {low_key} ({low}) is greater than {high_key} ({high})",
            )


def _comparable(low: Any, high: Any) -> bool:
    if isinstance(low, int | float) and isinstance(high, int | float):
        return not isinstance(low, bool) and not isinstance(high, bool)
    # ISO dates compare as strings; "today" is only known at run time.
    return isinstance(low, str) and isinstance(high, str) and "today" not in (low, high)


def _pattern(ref: FieldRef) -> Iterator[Problem]:
    try:
        re.compile(ref.field["pattern"])
    except re.error as exc:
        yield error(
            ref.pointer + "/pattern",
            "invalid_pattern",
            f"pola (regex) pada {ref.id!r} tidak valid: {exc}",
            f"the pattern (regex) on {ref.id!r} is invalid: {exc}",
        )


def check_always_hidden(defn: dict[str, Any], refs: list[FieldRef]) -> Iterator[Problem]:
    """A required field that can never be shown: the applicant could never submit."""
    hidden_pages = {
        pointer("form", "pages", i)
        for i, page in enumerate(defn["form"]["pages"])
        if "visible_if" in page and is_constant_false(page["visible_if"])
    }
    for ref in refs:
        if not ref.field.get("required"):
            continue
        hidden_field = "visible_if" in ref.field and is_constant_false(ref.field["visible_if"])
        if hidden_field or ref.page in hidden_pages:
            yield error(
                ref.pointer + "/required",
                "required_always_hidden",
                f"isian wajib {ref.id!r} selalu tersembunyi: permohonan tak pernah bisa dikirim",
                f"required field {ref.id!r} is always hidden: no application could be submitted",
            )
