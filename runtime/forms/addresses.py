"""Address fields as cascading selects: province → regency → district → village.

A page form's address selects get their choices per request (the level below what is chosen),
so the page works without JavaScript: choosing a province and saving the page re-renders it
with the regencies of that province. With JavaScript, `address.js` fills the next select from
`/wilayah/<code>` as soon as a level is chosen; the server checks the chain again either way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import Form, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

LEVELS = ("province", "regency", "district", "village")
ADDRESS_LABELS = {
    "province": _l("Province"),
    "regency": _l("Regency / city"),
    "district": _l("District (kecamatan)"),
    "village": _l("Village (kelurahan/desa)"),
    "street": _l("Street, number, RT/RW"),
}
#: (code, name) of the regions under a code; None asks for the provinces
Children = Callable[[str | None], list[tuple[str, str]]]


def chain(fdef: dict[str, Any]) -> list[str]:
    """The levels to choose, from the province down to the deepest level the field asks for
    (a village is reached through its district, regency and province)."""
    wanted = [level for level in LEVELS if level in fdef.get("levels", LEVELS)]
    deepest = LEVELS.index(wanted[-1]) if wanted else len(LEVELS) - 1
    return list(LEVELS[: deepest + 1])


def address_form(fdef: dict[str, Any]) -> type[Form]:
    """The sub-form of one address field: a select per level, then the street."""
    attrs: dict[str, Any] = {
        level: SelectField(
            ADDRESS_LABELS[level], choices=[], validate_choice=False, validators=[Optional()]
        )
        for level in chain(fdef)
    }
    attrs["street"] = StringField(
        ADDRESS_LABELS["street"], validators=[Optional(), Length(max=200)]
    )
    return type("AddressForm", (Form,), attrs)


def populate(form: Any, page: dict[str, Any], children: Children | None) -> None:
    """Give the address selects of a bound page form their choices.

    A choice that does not belong under the level above (the applicant changed the province)
    is cleared; each address field gets `region_gaps`: the levels still to choose although
    choices exist for them."""
    for fdef in page.get("fields", []):
        if fdef.get("type") == "address":
            _populate_one(form[fdef["id"]], fdef, children)


def _populate_one(field: Any, fdef: dict[str, Any], children: Children | None) -> None:
    parent: str | None = None
    reachable = True
    gaps: list[str] = []
    started = any(sub.data for sub in field.form)
    for level in chain(fdef):
        select = field.form[level]
        options = children(parent) if children is not None and reachable else []
        select.choices = [SelectChoice("", str(_l("— choose —"))), *_choices(options)]
        if select.data not in {code for code, _ in options}:
            select.data = None
        if select.data:
            parent = select.data
        else:
            if options and started:
                gaps.append(level)
            reachable = False
    field.region_gaps = gaps


def _choices(options: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(code, name) for code, name in options]


def gap_message(level: str) -> str:
    return str(_l("Choose the %(level)s.", level=str(ADDRESS_LABELS[level]).lower()))
