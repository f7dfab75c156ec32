"""What the page template needs to know about each field: shown or not, required or not, the
condition in words when the browser decides it live, the computed value, the errors."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from flask_wtf import FlaskForm

from builder.evaluate import Evaluation
from runtime.forms.conditions import depends_on_page, describe
from runtime.forms.pages import all_fields
from runtime.forms.registry import FIELD_KINDS, INPUT_ATTRS, label


@dataclass
class FieldView:
    fdef: dict[str, Any]
    wt: Any
    macro: str
    label: str
    required: bool
    visible: bool
    #: rules the browser re-evaluates live (JSON), only when they read this same page
    live: dict[str, str] = field(default_factory=dict)
    condition: str = ""
    required_condition: str = ""
    computed: Any = None
    errors: list[str] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.fdef["id"])

    def html_attrs(self) -> dict[str, Any]:
        """Attributes of the input: mobile keyboard hints, ARIA ties to help and errors."""
        attrs: dict[str, Any] = dict(self.attrs)
        attrs["aria-describedby"] = f"{self.id}-help" + (f" {self.id}-error" if self.errors else "")
        if self.errors:
            attrs["aria-invalid"] = "true"
        if self.required:
            attrs["aria-required"] = "true"
        if "computed" in self.live:
            attrs["readonly"] = True
        return attrs

    def text(self, key: str, lang: str) -> str:
        value = self.fdef.get(key) or {}
        return str(value.get(lang) or value.get("id") or "")


def page_view(
    definition: dict[str, Any],
    page: dict[str, Any],
    form: FlaskForm,
    evaluation: Evaluation,
    lang: str,
    errors: dict[str, list[str]] | None = None,
) -> list[FieldView]:
    """Field views in page order; fields hidden by a rule on another page are left out."""
    fields = all_fields(definition)
    views: list[FieldView] = []
    for fdef in page.get("fields", []):
        fid = fdef["id"]
        visible_rule, required_rule = fdef.get("visible_if"), fdef.get("required_if")
        live_visible = visible_rule is not None and depends_on_page(visible_rule, page)
        if fid not in evaluation.visible_fields and not live_visible:
            continue
        view = FieldView(
            fdef=fdef,
            wt=form[fid] if FIELD_KINDS[fdef["type"]].build is not None else None,
            macro=FIELD_KINDS[fdef["type"]].macro,
            label=label(fdef, lang),
            required=fid in evaluation.required_fields,
            visible=fid in evaluation.visible_fields,
            errors=(errors or {}).get(fid, []),
            attrs=dict(INPUT_ATTRS.get(fdef["type"], {})),
        )
        if live_visible:
            view.live["visible-if"] = json.dumps(visible_rule)
            view.condition = describe(visible_rule, fields, lang)
        if required_rule is not None and depends_on_page(required_rule, page):
            view.live["required-if"] = json.dumps(required_rule)
            view.required_condition = describe(required_rule, fields, lang)
        if fdef.get("computed") is not None:
            view.live["computed"] = json.dumps(fdef["computed"])
            view.computed = evaluation.computed.get(fid)
        views.append(view)
    return views
