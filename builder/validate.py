"""JSON Schema validation of a definition → `Problem`s with JSON pointers, in id and en.

Each schema error becomes one problem at the pointer of the offending value (for an unknown key,
the pointer of the key itself, with the list of valid keys). Errors of `anyOf`/`oneOf` are
replaced by their best-matching sub-error, so a bad value gives one precise message.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from builder.problems import Problem, pointer
from builder.schema import CODE_PATTERN, DECIMAL_PATTERN, ID_PATTERN, TARGET_PATTERN, load_schema

_PATTERN_HINTS: dict[str, tuple[str, str]] = {
    ID_PATTERN: (
        "huruf kecil, angka atau garis bawah, diawali huruf (maks. 63)",
        "lowercase letters, digits or underscores, starting with a letter (max 63)",
    ),
    CODE_PATTERN: (
        "huruf kecil, angka atau tanda hubung, diawali huruf (2–63)",
        "lowercase letters, digits or hyphens, starting with a letter (2–63)",
    ),
    TARGET_PATTERN: ('id langkah atau "@end"', 'a step id or "@end"'),
    DECIMAL_PATTERN: ('desimal dalam teks, mis. "1500.50"', 'a decimal string, e.g. "1500.50"'),
}


@cache
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_schema(definition: Any) -> list[Problem]:
    """Problems found by the JSON Schema, deduplicated, in document order."""
    seen: set[tuple[str, str, str]] = set()
    problems: list[Problem] = []
    errors = sorted(_validator().iter_errors(definition), key=lambda e: [str(p) for p in e.path])
    for error in errors:
        for problem in _problems(_narrow(error)):
            key = (problem.pointer, problem.code, problem.message_en)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def _narrow(error: ValidationError) -> ValidationError:
    while error.context:
        # Of an anyOf like [text, null], the branch whose type did not even match is the one the
        # author did not mean: prefer the other branches' errors.
        candidates = [e for e in error.context if e.validator != "type"] or error.context
        best = best_match(candidates)
        if best is None:
            break
        error = best
    return error


def _problems(error: ValidationError) -> Iterator[Problem]:
    where = pointer(*error.absolute_path)
    validator = str(error.validator)
    if validator in ("additionalProperties", "unevaluatedProperties"):
        yield from _unknown_keys(error, where)
        return
    handler = _HANDLERS.get(validator)
    message_id, message_en = handler(error) if handler else (error.message, error.message)
    yield Problem(where, _CODES.get(validator, f"schema_{validator}"), message_id, message_en)


def _unknown_keys(error: ValidationError, where: str) -> Iterator[Problem]:
    allowed = _allowed_keys(error.schema)
    instance = error.instance if isinstance(error.instance, dict) else {}
    valid = ", ".join(sorted(allowed))
    for key in sorted(k for k in instance if k not in allowed):
        yield Problem(
            where + pointer(key),
            "unknown_key",
            f"kunci tidak dikenal {key!r}; kunci yang sah: {valid}",
            f"unknown key {key!r}; valid keys: {valid}",
        )


def _allowed_keys(schema: Any) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    keys = set(schema.get("properties", {}))
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        keys |= _allowed_keys(load_schema()["$defs"][ref.removeprefix("#/$defs/")])
    return keys


def _required(error: ValidationError) -> tuple[str, str]:
    missing = [k for k in error.validator_value if k not in (error.instance or {})]
    name = missing[0] if missing else "?"
    return f"kunci wajib {name!r} tidak ada", f"required key {name!r} is missing"


def _enum(error: ValidationError) -> tuple[str, str]:
    values = error.validator_value if error.validator == "enum" else [error.validator_value]
    valid = ", ".join(_show(v) for v in values)
    return (
        f"nilai {_show(error.instance)} tidak sah; pilihan: {valid}",
        f"value {_show(error.instance)} is not allowed; choose one of: {valid}",
    )


def _type(error: ValidationError) -> tuple[str, str]:
    expected = error.validator_value
    shown = " atau ".join(expected) if isinstance(expected, list) else str(expected)
    shown_en = " or ".join(expected) if isinstance(expected, list) else str(expected)
    return (
        f"jenis nilai salah: {_show(error.instance)} harus {shown}",
        f"wrong type: {_show(error.instance)} must be {shown_en}",
    )


def _pattern(error: ValidationError) -> tuple[str, str]:
    hint_id, hint_en = _PATTERN_HINTS.get(
        error.validator_value, (f"pola {error.validator_value}", f"pattern {error.validator_value}")
    )
    return (
        f"format {_show(error.instance)} salah: harus {hint_id}",
        f"bad format {_show(error.instance)}: must be {hint_en}",
    )


def _bound(error: ValidationError) -> tuple[str, str]:
    words = {
        "minimum": ("minimal", "at least"),
        "maximum": ("maksimal", "at most"),
        "exclusiveMinimum": ("lebih dari", "greater than"),
        "exclusiveMaximum": ("kurang dari", "less than"),
        "minItems": ("jumlah butir minimal", "number of items at least"),
        "maxItems": ("jumlah butir maksimal", "number of items at most"),
        "minLength": ("panjang minimal", "length at least"),
        "minProperties": ("jumlah kunci minimal", "number of keys at least"),
    }[str(error.validator)]
    bound = error.validator_value
    return (
        f"nilai {_short(error.instance)} tidak sah: harus {words[0]} {bound}",
        f"value {_short(error.instance)} is invalid: must be {words[1]} {bound}",
    )


def _unique(error: ValidationError) -> tuple[str, str]:
    return "daftar berisi butir ganda", "the list has duplicate items"


def _show(value: Any) -> str:
    return repr(value) if not isinstance(value, bool | None) else str(value).lower()


def _short(value: Any) -> str:
    if isinstance(value, list | dict):
        return f"({len(value)})" if isinstance(value, list) else "{…}"
    return _show(value)


_HANDLERS: dict[str, Any] = {
    "required": _required,
    "enum": _enum,
    "const": _enum,
    "type": _type,
    "pattern": _pattern,
    "uniqueItems": _unique,
    **dict.fromkeys(
        [
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minItems",
            "maxItems",
            "minLength",
            "minProperties",
        ],
        _bound,
    ),
}

_CODES: dict[str, str] = {
    "required": "required_key",
    "enum": "invalid_value",
    "const": "invalid_value",
    "type": "wrong_type",
    "pattern": "bad_format",
    "uniqueItems": "duplicate_items",
    "minItems": "too_few_items",
    "maxItems": "too_many_items",
    "minLength": "too_short",
    "minProperties": "too_few_items",
    "minimum": "out_of_range",
    "maximum": "out_of_range",
    "exclusiveMinimum": "out_of_range",
    "exclusiveMaximum": "out_of_range",
}


def codes(problems: Iterable[Problem]) -> list[str]:
    """The codes of `problems` (a convenience for tests and logs)."""
    return [p.code for p in problems]
