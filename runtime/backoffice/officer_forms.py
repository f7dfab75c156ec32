"""Officer forms generated from a step's `form` fields: request → application-data shape.

Rendering is the `backoffice/_fields.html` macros; validation is the engine's
(`runtime.workflow.officer_data.validate_form`), so web and non-web callers share it. The engine
decides `visible_if` / `required_if` on the posted data; the page shows them in words (as the
portal does), since a condition on the form's own answers cannot be decided before it is sent."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from runtime.workflow.steps import all_steps

Field = dict[str, Any]


def condition_words(rule: Any, definition: dict[str, Any]) -> str:
    """A field condition in words, naming fields by their labels (application and officer forms)."""
    from runtime.forms.conditions import describe
    from runtime.i18n import select_locale

    fields = {f["id"]: f for page in definition["form"]["pages"] for f in page["fields"]}
    for step in all_steps(definition).values():
        fields.update({f["id"]: f for f in step.get("form", [])})
    return describe(rule, fields, select_locale())


def group_rows(field: Field) -> int:
    """How many rows a repeating group shows (empty rows are ignored on submit)."""
    return min(int(field.get("max_items", 5)), max(int(field.get("min_items", 1)), 1) + 1)


def _value(field: Field, form: MultiDict[str, str], name: str) -> Any:
    kind = field["type"]
    if kind == "checkbox":
        return name in form
    if kind == "checkboxes":
        return form.getlist(name)
    if kind == "location":
        lat, lng = form.get(f"{name}-lat", "").strip(), form.get(f"{name}-lng", "").strip()
        return {"lat": lat, "lng": lng} if lat or lng else None
    if kind == "group":
        rows = []
        for i in range(group_rows(field)):
            row = {
                sub["id"]: _value(sub, form, f"{name}-{i}-{sub['id']}") for sub in field["fields"]
            }
            if any(v not in (None, "", [], False) for v in row.values()):
                rows.append({k: v for k, v in row.items() if v not in (None, "")})
        return rows
    return form.get(name, "").strip()


def parse(fields: list[Field], form: MultiDict[str, str]) -> dict[str, Any]:
    """Field id → value, from inputs named `f-<id>` (group rows `f-<id>-<i>-<sub>`)."""
    return {f["id"]: _value(f, form, f"f-{f['id']}") for f in fields if f["type"] != "paragraph"}


def parse_adjustments(form: MultiDict[str, str], items: list[dict[str, Any]]) -> dict[str, Any]:
    """SKRD adjustments sent by the fee step: only adjustable items, only when filled in."""
    found = {}
    for item in items:
        amount = form.get(f"adjust-{item['id']}", "").strip()
        if item.get("adjustable") and amount:
            found[item["id"]] = {"amount": amount, "reason": form.get(f"reason-{item['id']}", "")}
    return found
