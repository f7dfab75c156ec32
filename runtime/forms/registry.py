"""Field-type registry: how each definition field type becomes a WTForms field, how its value
moves between the form and application data, and which macro renders it.

Keyed by the same names as `builder.field_types.FIELD_TYPES` (a test keeps the two in step).
Requiredness is not a validator here: it depends on `required_if`, which the page evaluates with
`builder.evaluate` after parsing, so every field gets `Optional()` plus its format validators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, Length, NumberRange, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from runtime.forms.addresses import address_form
from runtime.forms.groups import limits

Options = list[tuple[str, str]]
#: (field definition, language, options resolved for this field) → unbound WTForms field
Builder = Callable[[dict[str, Any], str, Options], Any]


@dataclass(frozen=True)
class FieldKind:
    build: Builder | None
    macro: str
    to_value: Callable[[Any], Any] = lambda v: v
    to_form: Callable[[Any], Any] = lambda v: v


def label(fdef: dict[str, Any], lang: str) -> str:
    text = fdef.get("label") or {}
    return str(text.get(lang) or text.get("id") or fdef.get("id", ""))


def _kw(fdef: dict[str, Any], lang: str, *validators: Any) -> dict[str, Any]:
    return {"label": label(fdef, lang), "validators": [Optional(), *validators]}


def _digits(count: str, message: Any) -> Regexp:
    return Regexp(rf"^[0-9]{{{count}}}$", message=message)


def _text(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    validators: list[Any] = [_length(fdef)]
    if fdef.get("pattern"):
        message = (fdef.get("pattern_message") or {}).get(lang) or _l("The format is not valid.")
        validators.append(Regexp(f"^(?:{fdef['pattern']})$", message=message))
    return StringField(**_kw(fdef, lang, *validators))


def _length(fdef: dict[str, Any]) -> Length:
    return Length(min=fdef.get("min_length", -1), max=fdef.get("max_length", 2000))


def _number(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    bounds = NumberRange(min=fdef.get("min"), max=fdef.get("max"))
    return DecimalField(places=None, **_kw(fdef, lang, bounds))


def _money(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return IntegerField(**_kw(fdef, lang, NumberRange(min=fdef.get("min"), max=fdef.get("max"))))


class DateBounds:
    """`min`/`max` as ISO dates or `"today"` (resolved when validating, not when building)."""

    def __init__(self, low: str | None, high: str | None) -> None:
        self.low, self.high = low, high

    @staticmethod
    def _resolve(bound: str | None) -> dt.date | None:
        if not bound:
            return None
        return dt.date.today() if bound == "today" else dt.date.fromisoformat(bound)

    def __call__(self, form: Any, field: Any) -> None:
        low, high = self._resolve(self.low), self._resolve(self.high)
        if field.data and low and field.data < low:
            raise ValidationError(_l("The date may not be before %(d)s.", d=low.isoformat()))
        if field.data and high and field.data > high:
            raise ValidationError(_l("The date may not be after %(d)s.", d=high.isoformat()))


def _date(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return DateField(**_kw(fdef, lang, DateBounds(fdef.get("min"), fdef.get("max"))))


def choices(options: Options) -> list[SelectChoice]:
    return [SelectChoice(value, text) for value, text in options]


def _select(fdef: dict[str, Any], lang: str, options: Options) -> Any:
    blank = SelectChoice("", str(_l("— choose —")))
    return SelectField(choices=[blank, *choices(options)], **_kw(fdef, lang))


def _radio(fdef: dict[str, Any], lang: str, options: Options) -> Any:
    return RadioField(choices=choices(options), **_kw(fdef, lang))


def _checkbox(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return BooleanField(**_kw(fdef, lang))


class ItemCount:
    def __init__(self, low: int | None, high: int | None) -> None:
        self.low, self.high = low, high

    def __call__(self, form: Any, field: Any) -> None:
        count = len(field.data or [])
        if count and self.low and count < self.low:
            raise ValidationError(_l("Choose at least %(n)d.", n=self.low))
        if self.high and count > self.high:
            raise ValidationError(_l("Choose at most %(n)d.", n=self.high))


def _checkboxes(fdef: dict[str, Any], lang: str, options: Options) -> Any:
    count = ItemCount(fdef.get("min_items"), fdef.get("max_items"))
    return SelectMultipleField(
        choices=choices(options),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        **_kw(fdef, lang, count),
    )


def _email(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return EmailField(**_kw(fdef, lang, Email(message=_l("Enter a valid email address."))))


PHONE = r"^(\+62|62|0)8[0-9]{7,12}$"


def _phone(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    message = _l("Enter a mobile number such as 081234567890 or +6281234567890.")
    return StringField(**_kw(fdef, lang, Regexp(PHONE, message=message)))


def _nik(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return StringField(**_kw(fdef, lang, _digits("16", _l("The NIK has exactly 16 digits."))))


def _npwp(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return StringField(**_kw(fdef, lang, _digits("15,16", _l("The NPWP has 15 or 16 digits."))))


def _nib(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return StringField(**_kw(fdef, lang, _digits("13", _l("The NIB has exactly 13 digits."))))


class _LocationForm(Form):
    lat = DecimalField(_l("Latitude"), places=None, validators=[Optional(), NumberRange(-90, 90)])
    lng = DecimalField(
        _l("Longitude"), places=None, validators=[Optional(), NumberRange(-180, 180)]
    )


def _location(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return FormField(_LocationForm, label=label(fdef, lang))


def _address(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    return FormField(address_form(fdef), label=label(fdef, lang))


def _group(fdef: dict[str, Any], lang: str, _: Options) -> Any:
    attrs: dict[str, Any] = {}
    for sub in fdef.get("fields", []):
        kind = FIELD_KINDS.get(sub.get("type", ""))
        if kind and kind.build and sub.get("type") != "group":
            sub_options = [(o["value"], label(o, lang)) for o in sub.get("options", [])]
            attrs[sub["id"]] = kind.build(sub, lang, sub_options)
    item = type(f"Group_{fdef['id']}", (Form,), attrs)
    fewest, _most = limits(fdef)
    return FieldList(FormField(item), label=label(fdef, lang), min_entries=fewest)


def _decimal_value(value: Any) -> Any:
    if value is None:
        return None
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def _decimal_form(value: Any) -> Any:
    try:
        return None if value in (None, "") else Decimal(str(value))
    except InvalidOperation:
        return None


def _date_value(value: Any) -> Any:
    return value.isoformat() if value else None


def _date_form(value: Any) -> Any:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _str_value(value: Any) -> Any:
    return (value or "").strip() or None


def _object_value(value: Any) -> Any:
    if not isinstance(value, dict):
        return None
    cleaned = {
        k: _decimal_value(v) if isinstance(v, Decimal) else _str_value(v)
        for k, v in value.items()
        if k != "csrf_token"
    }
    return cleaned if any(v not in (None, "") for v in cleaned.values()) else None


def _object_form(value: Any) -> Any:
    if not isinstance(value, dict):
        return None
    return {k: _decimal_form(v) if isinstance(v, int | float) else v for k, v in value.items()}


def value_of(fdef: dict[str, Any], raw: Any) -> Any:
    """A field's value for application data from its WTForms data (None: no answer)."""
    if fdef["type"] == "group":
        return _rows_value(fdef, raw)
    return kind_of(fdef["type"]).to_value(raw)


def form_value_of(fdef: dict[str, Any], value: Any) -> Any:
    """Application data → what the WTForms field is prefilled with."""
    if fdef["type"] == "group":
        subs = _subs(fdef)
        rows = value if isinstance(value, list) else []
        return [
            {k: form_value_of(subs[k], v) for k, v in row.items() if k in subs}
            for row in rows
            if isinstance(row, dict)
        ]
    return kind_of(fdef["type"]).to_form(value)


def _subs(fdef: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in fdef.get("fields", []) if s.get("type") in FIELD_KINDS}


def _rows_value(fdef: dict[str, Any], rows: Any) -> Any:
    """Rows with each sub-field converted by its own kind; rows left empty are dropped."""
    subs = _subs(fdef)
    found = []
    for row in rows or []:
        if not isinstance(row, dict):
            continue
        values = {k: value_of(subs[k], v) for k, v in row.items() if k in subs}
        values = {k: v for k, v in values.items() if v not in (None, "", [], False)}
        if values:
            found.append(values)
    return found or None


FIELD_KINDS: dict[str, FieldKind] = {
    "text": FieldKind(_text, "text", _str_value),
    "textarea": FieldKind(
        lambda f, lang, o: TextAreaField(**_kw(f, lang, _length(f))), "textarea", _str_value
    ),
    "number": FieldKind(_number, "number", _decimal_value, _decimal_form),
    "money": FieldKind(_money, "number", lambda v: v, lambda v: v),
    "date": FieldKind(_date, "date", _date_value, _date_form),
    "select": FieldKind(_select, "select", _str_value),
    "radio": FieldKind(_radio, "choices", _str_value),
    "checkbox": FieldKind(_checkbox, "checkbox", bool, bool),
    "checkboxes": FieldKind(
        _checkboxes, "choices", lambda v: list(v or []) or None, lambda v: v or []
    ),
    "email": FieldKind(_email, "text", _str_value),
    "phone": FieldKind(_phone, "text", _str_value),
    "nik": FieldKind(_nik, "text", _str_value),
    "npwp": FieldKind(_npwp, "text", _str_value),
    "nib": FieldKind(_nib, "text", _str_value),
    "location": FieldKind(_location, "subform", _object_value, _object_form),
    "address": FieldKind(_address, "address", _object_value, _object_form),
    "group": FieldKind(_group, "group"),
    "paragraph": FieldKind(None, "paragraph"),
}

#: HTML input hints per type (mobile keyboards, autofill)
INPUT_ATTRS: dict[str, dict[str, str]] = {
    "number": {"inputmode": "decimal"},
    "money": {"inputmode": "numeric"},
    "phone": {"inputmode": "tel", "autocomplete": "tel"},
    "email": {"autocomplete": "email"},
    "nik": {"inputmode": "numeric", "maxlength": "16"},
    "npwp": {"inputmode": "numeric", "maxlength": "16"},
    "nib": {"inputmode": "numeric", "maxlength": "13"},
}


def kind_of(type_name: str) -> FieldKind:
    """The registered kind; unknown names are refused by the definition lint before publishing."""
    try:
        return FIELD_KINDS[type_name]
    except KeyError:
        raise KeyError(
            f"unknown field type {type_name!r}; valid: {', '.join(FIELD_KINDS)}"
        ) from None
