"""One WTForms class per definition page, cached per (version key, page id, language), and the
page cycle: bind posted data → format validation → `builder.evaluate` → requiredness and
visibility decided on the server → values for application data plus field errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from builder.evaluate import Evaluation, evaluate
from runtime.forms import addresses, groups
from runtime.forms.registry import FIELD_KINDS, Options, form_value_of, kind_of, label, value_of

#: options_ref name → [(value, label)] in a language
References = Callable[[str, str], Options]

_CLASSES: dict[tuple[str, str, str], type[FlaskForm]] = {}
_CACHE_LIMIT = 2000


def find_page(definition: dict[str, Any], page_id: str) -> dict[str, Any] | None:
    return next((p for p in definition["form"]["pages"] if p["id"] == page_id), None)


def all_fields(definition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for p in definition["form"]["pages"] for f in p.get("fields", [])}


def page_form_class(
    definition: dict[str, Any],
    version_key: str,
    page_id: str,
    lang: str,
    references: References | None = None,
) -> type[FlaskForm]:
    """The form class of a page; `version_key` must change whenever the definition does (a
    version id or a content hash), so cached classes never outlive their definition."""
    key = (version_key, page_id, lang)
    cls = _CLASSES.get(key)
    if cls is None:
        if len(_CLASSES) >= _CACHE_LIMIT:
            _CLASSES.clear()
        page = find_page(definition, page_id)
        if page is None:
            raise KeyError(f"no page {page_id!r}")
        cls = _build_class(page, lang, references)
        _CLASSES[key] = cls
    return cls


def _build_class(page: dict[str, Any], lang: str, references: References | None) -> type[FlaskForm]:
    attrs: dict[str, Any] = {}
    for fdef in page.get("fields", []):
        kind = kind_of(fdef["type"])
        if kind.build is not None:
            attrs[fdef["id"]] = kind.build(fdef, lang, _options(fdef, lang, references))
    return type(f"Page_{page['id']}", (FlaskForm,), attrs)


def _options(fdef: dict[str, Any], lang: str, references: References | None) -> Options:
    if fdef.get("options"):
        return [(str(o["value"]), label(o, lang)) for o in fdef["options"]]
    if fdef.get("options_ref") and references is not None:
        return references(fdef["options_ref"], lang)
    return []


def form_data(page: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """Application data → the values a page form is prefilled with."""
    prefill: dict[str, Any] = {}
    for fdef in page.get("fields", []):
        value = data.get(fdef["id"], fdef.get("default"))
        if value is not None and FIELD_KINDS[fdef["type"]].build is not None:
            prefill[fdef["id"]] = form_value_of(fdef, value)
    return prefill


def bind(
    cls: type[FlaskForm],
    page: dict[str, Any],
    data: dict[str, Any],
    raw: MultiDict | None,
    children: addresses.Children | None = None,
) -> FlaskForm:
    """A form showing `raw` (what was typed, kept in the draft) or else the saved data;
    `children` gives the address selects their regions."""
    form = cls(formdata=raw) if raw is not None else cls(formdata=None, data=form_data(page, data))
    addresses.populate(form, page, children)
    return form


def posted(
    cls: type[FlaskForm],
    page: dict[str, Any],
    formdata: MultiDict | None = None,
    children: addresses.Children | None = None,
) -> FlaskForm:
    """A form bound to the posted data (or `formdata`, e.g. with a group row removed)."""
    form = cls(formdata=formdata) if formdata is not None else cls()
    addresses.populate(form, page, children)
    return form


@dataclass
class PageOutcome:
    values: dict[str, Any]
    errors: dict[str, list[str]]
    evaluation: Evaluation
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def process(
    form: FlaskForm,
    definition: dict[str, Any],
    page: dict[str, Any],
    data: dict[str, Any],
    ctx: Any,
    *,
    kind: str = "new",
    channel: str = "online",
    lang: str = "id",
) -> PageOutcome:
    """Validate a bound page form against the whole definition.

    Values that passed their format check are merged into a copy of `data` (an invalid value is
    left out; the caller keeps the raw input so nothing typed is lost). Hidden fields lose their
    value and their errors; visible required fields left empty get an error."""
    form.validate()
    errors: dict[str, list[str]] = {}
    merged = dict(data)
    for fdef in page.get("fields", []):
        fid, kind_ = fdef["id"], FIELD_KINDS[fdef["type"]]
        if kind_.build is None or fdef.get("computed") is not None:
            continue
        wt_field = form[fid]
        if wt_field.errors:
            errors[fid] = _flat(wt_field.errors)
            merged.pop(fid, None)
            continue
        value = value_of(fdef, wt_field.data)
        if value is None or value is False and fdef["type"] != "checkbox":
            merged.pop(fid, None)
        else:
            merged[fid] = value
    evaluation = evaluate(definition, merged, ctx, kind=kind, channel=channel)
    for fdef in page.get("fields", []):
        fid = fdef["id"]
        if fid not in evaluation.visible_fields:
            errors.pop(fid, None)
            merged.pop(fid, None)
        elif fid in evaluation.required_fields and fid not in errors and _empty(merged.get(fid)):
            errors[fid] = [_required_message(fdef)]
        elif fid not in errors and fdef["type"] in ("address", "group"):
            problems = _structure_problems(fdef, form[fid], merged.get(fid), evaluation, lang)
            if problems:
                errors[fid] = problems
    merged.update({k: v for k, v in evaluation.computed.items() if v is not None})
    values = {f["id"]: merged.get(f["id"]) for f in page.get("fields", [])}
    return PageOutcome(values, errors, evaluation, merged)


def _structure_problems(
    fdef: dict[str, Any], wt_field: Any, value: Any, evaluation: Evaluation, lang: str
) -> list[str]:
    """An address with a level still to choose; a group with too few or too many rows, or a
    started row missing a required sub-field."""
    if fdef["type"] == "address":
        return [addresses.gap_message(level) for level in getattr(wt_field, "region_gaps", [])]
    if fdef["type"] == "group":
        rows = value or []
        required = fdef["id"] in evaluation.required_fields
        return groups.count_problems(fdef, rows, required) + groups.row_problems(fdef, rows, lang)
    return []


def _empty(value: Any) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _required_message(fdef: dict[str, Any]) -> str:
    if fdef["type"] == "checkbox":
        return _("Tick this box to continue.")
    if fdef["type"] in ("select", "radio", "checkboxes"):
        return _("Choose an answer.")
    return _("Fill in this field.")


def _flat(errors: Any) -> list[str]:
    """WTForms errors of a field, flattened (subforms report a dict of lists)."""
    if isinstance(errors, dict):
        return [str(e) for items in errors.values() for e in _flat(items)]
    out: list[str] = []
    for item in errors:
        out.extend(_flat(item) if isinstance(item, dict | list) else [str(item)])
    return out
