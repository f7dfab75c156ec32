"""Validating officer form data (the step's `form` fields) into application-data shape.

The back office parses the HTML form into this shape; the engine checks it again here so that a
caller without the web form (tests, CLI) cannot store malformed step data."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from runtime.workflow import calendar
from runtime.workflow.errors import FormInvalid

Field = dict[str, Any]


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _date(field: Field, value: Any, today: dt.date) -> str:
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError("not a date (YYYY-MM-DD)") from None
    bounds = {k: (today if field.get(k) == "today" else field.get(k)) for k in ("min", "max")}
    low = dt.date.fromisoformat(str(bounds["min"])) if bounds["min"] else None
    high = dt.date.fromisoformat(str(bounds["max"])) if bounds["max"] else None
    if (low and day < low) or (high and day > high):
        raise ValueError("date out of range")
    return day.isoformat()


def _number(field: Field, value: Any) -> int | float:
    number = float(str(value).replace(",", "."))
    if ("min" in field and number < field["min"]) or ("max" in field and number > field["max"]):
        raise ValueError("number out of range")
    return int(number) if number.is_integer() and not field.get("decimals") else round(number, 6)


def _options(field: Field) -> set[str] | None:
    options = field.get("options")
    return {o["value"] for o in options} if options else None


def clean_value(field: Field, value: Any, today: dt.date) -> Any:
    """The value in application-data shape; ValueError with a short reason when invalid."""
    kind = field["type"]
    if kind in ("number", "money"):
        return _number(field, value)
    if kind == "date":
        return _date(field, value, today)
    if kind == "checkbox":
        return bool(value)
    if kind in ("select", "radio"):
        allowed = _options(field)
        if allowed is not None and value not in allowed:
            raise ValueError("not one of the options")
        return str(value)
    if kind == "checkboxes":
        values = list(value) if isinstance(value, list | tuple) else [value]
        allowed = _options(field)
        if allowed is not None and not set(values) <= allowed:
            raise ValueError("not one of the options")
        return values
    if kind == "location":
        return {"lat": float(value["lat"]), "lng": float(value["lng"])}
    if kind == "group":
        return [validate_items(field, value, today)]
    text = str(value).strip()
    if "max_length" in field and len(text) > field["max_length"]:
        raise ValueError("too long")
    if field.get("pattern") and not re.fullmatch(field["pattern"], text):
        raise ValueError("wrong format")
    return text


def validate_items(field: Field, items: Any, today: dt.date) -> list[dict[str, Any]]:
    rows = [validate_form(field["fields"], item, today) for item in items or []]
    if len(rows) < int(field.get("min_items", 0)) or len(rows) > int(field.get("max_items", 999)):
        raise ValueError("wrong number of entries")
    return rows


def validate_form(
    fields: list[Field], data: dict[str, Any], now: dt.datetime | dt.date
) -> dict[str, Any]:
    """Clean `data` against `fields`; FormInvalid with field → reason when anything is wrong."""
    today = calendar.local_date(now) if isinstance(now, dt.datetime) else now
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        if field["type"] == "paragraph":
            continue
        value = data.get(field["id"])
        if _empty(value):
            if field.get("required"):
                errors[field["id"]] = "required"
            continue
        try:
            result = clean_value(field, value, today)
            cleaned[field["id"]] = result[0] if field["type"] == "group" else result
        except (ValueError, TypeError, KeyError, FormInvalid) as exc:
            errors[field["id"]] = str(exc) or "invalid"
    if errors:
        raise FormInvalid("the form has errors", errors)
    return cleaned
