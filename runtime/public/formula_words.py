"""A fee formula in words for the service-standard page: "Tarif dasar × Luas (m²) × Indeks"."""

from __future__ import annotations

from typing import Any

from runtime.i18n import text

_INFIX = {"*": " × ", "+": " + ", "-": " − ", "/": " ÷ "}


def formula_words(rule: Any, definition: dict[str, Any], lang: str | None = None) -> str:
    fields = {f["id"]: f for p in definition["form"]["pages"] for f in p.get("fields", [])}
    tables = definition.get("tables") or {}
    return _words(rule, fields, tables, lang, top=True)


def _words(
    node: Any, fields: dict[str, Any], tables: dict[str, Any], lang: str | None, top: bool = False
) -> str:
    if not isinstance(node, dict) or len(node) != 1:
        return str(node) if not isinstance(node, list | dict) else "…"
    op, args = next(iter(node.items()))
    args = args if isinstance(args, list) else [args]
    if op == "var":
        name = str(args[0]) if args else ""
        fdef = fields.get(name.split(".")[0])
        if fdef is None:
            return name.split(".")[-1].replace("_", " ")
        unit = f" ({fdef['unit']})" if fdef.get("unit") else ""
        return text(fdef["label"], lang) + unit
    if op == "tariff" and args:
        table = tables.get(str(args[0]))
        return text(table["label"], lang) if table else str(args[0])
    if op in _INFIX:
        inner = _INFIX[op].join(_words(a, fields, tables, lang) for a in args)
        return inner if top or op in ("*", "/") else f"({inner})"
    if op == "if" and args:
        # `if` in fee formulas picks an officer's measurement over the applicant's answer:
        # in words, the applicant's value (the last branch) is the one they recognise
        return _words(args[-1], fields, tables, lang, top)
    if op in ("round_money", "max", "min") and args:
        return _words(args[0], fields, tables, lang, top)
    return "…"
