"""Validating officer form data (the step's `form` fields) into application-data shape.

The back office parses the HTML form into this shape; the engine checks it again here so that a
caller without the web form (tests, CLI) cannot store malformed step data."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rules.errors import RuleError
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
        return validate_items(field, value, today)
    text = str(value).strip()
    if "max_length" in field and len(text) > field["max_length"]:
        raise ValueError("too long")
    if field.get("pattern") and not re.fullmatch(field["pattern"], text):
        raise ValueError("wrong format")
    return text


Evaluator = Callable[[Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class FormRules:
    """How officer-form `visible_if` / `required_if` are decided.

    `base` is what the application offers a rule (its field ids, `meta.*`, `steps.*`); the form's
    own fields are laid over it by bare id (and, inside a repeating group, a row's sub-fields over
    that), as the lint allows. `evaluate(rule, scope)` runs one rule; a rule that fails to
    evaluate counts as false, as in the portal (`builder.evaluate`)."""

    base: dict[str, Any]
    evaluate: Evaluator

    def holds(self, rule: Any, scope: dict[str, Any], *, default: bool) -> bool:
        if rule is None:
            return default
        try:
            value = self.evaluate(rule, scope)
        except RuleError:
            return False
        return value not in (None, False, 0, "", [], {})

    def nested(self, scope: dict[str, Any]) -> FormRules:
        return FormRules(scope, self.evaluate)


def _typed(fields: list[Field], data: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The posted values as rules should see them (numbers as numbers); raw when unreadable."""
    typed: dict[str, Any] = {}
    for field in fields:
        value = data.get(field["id"])
        if field["type"] in ("paragraph", "group") or _empty(value):
            typed[field["id"]] = value
            continue
        try:
            typed[field["id"]] = clean_value(field, value, today)
        except (ValueError, TypeError, KeyError, FormInvalid):
            typed[field["id"]] = value
    return typed


def validate_items(
    field: Field, items: Any, today: dt.date, form_rules: FormRules | None = None
) -> list[dict[str, Any]]:
    rows = [validate_form(field["fields"], item, today, form_rules) for item in items or []]
    if len(rows) < int(field.get("min_items", 0)) or len(rows) > int(field.get("max_items", 999)):
        raise ValueError("wrong number of entries")
    return rows


def validate_form(
    fields: list[Field],
    data: dict[str, Any],
    now: dt.datetime | dt.date,
    form_rules: FormRules | None = None,
) -> dict[str, Any]:
    """Clean `data` against `fields`; FormInvalid with field → reason when anything is wrong.

    With `form_rules`, a field whose `visible_if` is false is neither required nor kept (and counts
    as unanswered for the rules of the fields after it), and `required_if` can make a field
    required. Without it (no application at hand) the conditions are ignored."""
    today = calendar.local_date(now) if isinstance(now, dt.datetime) else now
    scope = {**(form_rules.base if form_rules else {}), **_typed(fields, data, today)}
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        if field["type"] == "paragraph":
            continue
        if form_rules and not form_rules.holds(field.get("visible_if"), scope, default=True):
            scope.pop(field["id"], None)
            continue
        required = bool(field.get("required")) or bool(
            form_rules and form_rules.holds(field.get("required_if"), scope, default=False)
        )
        value = data.get(field["id"])
        if _empty(value):
            if required:
                errors[field["id"]] = "required"
            continue
        try:
            if field["type"] == "group":
                inner = form_rules.nested(scope) if form_rules else None
                cleaned[field["id"]] = validate_items(field, value, today, inner)
            else:
                cleaned[field["id"]] = clean_value(field, value, today)
        except (ValueError, TypeError, KeyError, FormInvalid) as exc:
            errors[field["id"]] = str(exc) or "invalid"
    if errors:
        raise FormInvalid("the form has errors", errors)
    return cleaned
