"""Conditions in words, for pages that work without JavaScript.

A field whose `visible_if`/`required_if` reads a field of the same page cannot be decided by the
server before the page is sent; it is rendered with its condition in words ("Only if: …") and the
browser hides it live when JavaScript runs. The server decides again on the posted data.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from builder.rule_walk import iter_vars
from runtime.forms.registry import label


def rule_vars(rule: Any) -> set[str]:
    """Top-level field ids a rule reads (`alamat.regency` → `alamat`)."""
    return {name.split(".")[0] for name, _ in iter_vars(rule)} if rule is not None else set()


def depends_on_page(rule: Any, page: dict[str, Any]) -> bool:
    ids = {f["id"] for f in page.get("fields", [])}
    return bool(rule_vars(rule) & ids)


def describe(rule: Any, fields: dict[str, dict[str, Any]], lang: str) -> str:
    """A rule as a short sentence; falls back to "in some cases" for shapes it does not know."""
    words = _describe(rule, fields, lang)
    return words if words is not None else _("in some cases")


def _describe(rule: Any, fields: dict[str, dict[str, Any]], lang: str) -> str | None:
    if not isinstance(rule, dict) or len(rule) != 1:
        return None
    op, args = next(iter(rule.items()))
    if op in ("and", "or") and isinstance(args, list):
        parts = [_describe(a, fields, lang) for a in args]
        if any(p is None for p in parts):
            return None
        joiner = " " + (_("and") if op == "and" else _("or")) + " "
        return joiner.join(p for p in parts if p)
    if op in ("==", "===", "!=", "!==", "in") and isinstance(args, list) and len(args) == 2:
        return _compare(op, args, fields, lang)
    return None


def _compare(op: str, args: list[Any], fields: dict[str, dict[str, Any]], lang: str) -> str | None:
    var, value = args
    if not (isinstance(var, dict) and "var" in var):
        return None
    name = var["var"][0] if isinstance(var["var"], list) else var["var"]
    fdef = fields.get(str(name).split(".")[0])
    if fdef is None:
        return None
    subject = label(fdef, lang)
    if op == "in" and isinstance(value, list):
        shown = ", ".join(_option(fdef, v, lang) for v in value)
        return _("“%(field)s” is one of: %(values)s", field=subject, values=shown)
    shown = _option(fdef, value, lang)
    if op.startswith("!"):
        return _("“%(field)s” is not “%(value)s”", field=subject, value=shown)
    return _("“%(field)s” is “%(value)s”", field=subject, value=shown)


def _option(fdef: dict[str, Any], value: Any, lang: str) -> str:
    for option in fdef.get("options", []):
        if option.get("value") == value:
            return label(option, lang)
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)
