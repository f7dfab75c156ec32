"""Plain-language reasons why a rule is false: ``rules.explain``.

The reasons come from the failing sub-rules (every false clause of an ``and``, the branch an
``if`` took, the comparison that failed …), named with the definition's field labels, e.g.
``{"<=": [{"var": "luas_usaha"}, 500]}`` on ``{"luas_usaha": 620}`` gives
"Luas usaha 620 m² melebihi batas 500 m²" / "Business area 620 m² exceeds the limit of 500 m²".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from rules.context import EvalContext
from rules.engine import compile
from rules.jsvalues import truthy
from rules.validate import operation

Label = Mapping[str, str]
"""A field label: ``{"id": "Luas usaha", "en": "Business area", "unit": "m²"}`` (unit optional)."""

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "===": "===", "!=": "!="}
_COMPARE = {
    "<=": ("{l} {v} melebihi batas {r}", "{l} {v} exceeds the limit of {r}"),
    "<": ("{l} {v} harus kurang dari {r}", "{l} {v} must be less than {r}"),
    ">=": ("{l} {v} kurang dari batas minimum {r}", "{l} {v} is below the minimum of {r}"),
    ">": ("{l} {v} harus lebih dari {r}", "{l} {v} must be more than {r}"),
    "==": ("{l} harus {r}, bukan {v}", "{l} must be {r}, not {v}"),
    "!=": ("{l} tidak boleh {r}", "{l} must not be {r}"),
}
_COMPARE["==="] = _COMPARE["=="]
_COMPARE["!=="] = _COMPARE["!="]
_TEXT = {
    "between": ("{l} {v} harus di antara {a} dan {b}", "{l} {v} must be between {a} and {b}"),
    "empty": ("{l} belum diisi", "{l} is not filled in"),
    "unmet": ("{l} belum terpenuhi", "{l} is not met"),
    "must_not": ("{l} tidak boleh terpenuhi", "{l} must not hold"),
    "not_in": (
        "{l} {v} tidak termasuk nilai yang diizinkan ({r})",
        "{l} {v} is not one of the allowed values ({r})",
    ),
    "missing": ("Isian wajib belum diisi: {r}", "Required fields are not filled in: {r}"),
    "valid_nik": ("{l} bukan NIK yang valid", "{l} is not a valid NIK"),
    "valid_npwp": ("{l} bukan NPWP yang valid", "{l} is not a valid NPWP"),
    "matches": ("{l} tidak sesuai format yang diminta", "{l} does not have the required format"),
    "all": ("Tidak semua {l} memenuhi syarat", "Not every {l} meets the condition"),
    "some": ("Tidak ada {l} yang memenuhi syarat", "No {l} meets the condition"),
    "none": ("Ada {l} yang tidak diperbolehkan", "Some {l} is not allowed"),
    "or": ("Tidak satu pun terpenuhi: {r}", "None of these holds: {r}"),
    "generic": ("Syarat tidak terpenuhi: {r}", "Condition not met: {r}"),
}
_DESCRIBE = {
    "age": ("umur (dari {0})", "age (from {0})"),
    "days_between": ("selisih hari {0} – {1}", "days between {0} and {1}"),
    "working_days_between": ("hari kerja {0} – {1}", "working days between {0} and {1}"),
    "length": ("panjang {0}", "length of {0}"),
    "year": ("tahun {0}", "year of {0}"),
    "tariff": ("tarif {0}", "tariff {0}"),
}
_EMPTY = {"id": "(kosong)", "en": "(empty)"}
_YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}


def explain(
    rule: Any,
    data: Any,
    lang: str,
    labels: Mapping[str, Label] | None = None,
    ctx: EvalContext | None = None,
) -> list[str]:
    """Reasons, in ``lang`` (``"id"`` or ``"en"``), why ``rule`` is false on ``data``.

    Returns ``[]`` when the rule is true. ``labels`` maps var paths to field labels; a var
    without a label is named by its path.

    Raises:
        RuleError: the rule itself is refused or fails (as :func:`rules.evaluate`).
    """
    explainer = _Explainer("id" if lang.lower().startswith("id") else "en", labels or {}, data, ctx)
    if truthy(explainer.value(rule)):
        return []
    return explainer.reasons(rule)


class _Explainer:
    def __init__(
        self, lang: str, labels: Mapping[str, Label], data: Any, ctx: EvalContext | None
    ) -> None:
        self.lang = lang
        self.labels = labels
        self.data = data
        self.ctx = ctx

    def value(self, node: Any) -> Any:
        return compile(node)(self.data, self.ctx)

    def text(self, key: str, **parts: str) -> str:
        template = _TEXT[key][0 if self.lang == "id" else 1]
        return template.format(**parts)

    def reasons(self, node: Any) -> list[str]:
        found = operation(node)
        if found is None:
            return [self.text("generic", r=self.describe(node))]
        op, args = found
        if op in _COMPARE:
            return self.why_compare(op, args)
        if op in ("valid_nik", "valid_npwp", "matches"):
            return self.why_check(op, args)
        if op in ("all", "some", "none"):
            return self.why_quantifier(op, args)
        handlers: dict[str, Callable[[list[Any]], list[str]]] = {
            "and": self.why_and,
            "or": self.why_or,
            "if": self.why_if,
            "?:": self.why_if,
            "!": self.why_not,
            "!!": self.why_truthy,
            "var": self.why_var,
            "in": self.why_in,
        }
        handler = handlers.get(op)
        return handler(args) if handler else [self.text("generic", r=self.describe(node))]

    # --- logic ---------------------------------------------------------------------------

    def why_and(self, args: list[Any]) -> list[str]:
        failing = [arg for arg in args if not truthy(self.value(arg))]
        return [reason for arg in failing for reason in self.reasons(arg)]

    def why_or(self, args: list[Any]) -> list[str]:
        reasons = [reason for arg in args for reason in self.reasons(arg)]
        return reasons if len(reasons) <= 1 else [self.text("or", r="; ".join(reasons))]

    def why_if(self, args: list[Any]) -> list[str]:
        i = 0
        while i < len(args) - 1:
            if truthy(self.value(args[i])):
                return self.reasons(args[i + 1])
            i += 2
        return self.reasons(args[i]) if i == len(args) - 1 else []

    def why_not(self, args: list[Any]) -> list[str]:
        inner = operation(args[0])
        if inner and inner[0] in ("missing", "missing_some"):
            names = self.value(args[0])
            return [self.text("missing", r=", ".join(self.name_of(str(n)) for n in names))]
        return [self.text("must_not", l=self.describe(args[0]))]

    def why_truthy(self, args: list[Any]) -> list[str]:
        value = self.value(args[0])
        key = "empty" if value is None or value == "" or value == [] else "unmet"
        return [self.text(key, l=self.describe(args[0]))]

    def why_var(self, args: list[Any]) -> list[str]:
        return self.why_truthy([{"var": args}])

    # --- comparisons and checks ----------------------------------------------------------

    def why_compare(self, op: str, args: list[Any]) -> list[str]:
        if len(args) == 3:
            return self.why_between(args)
        left, right = args
        if operation(left) is None and operation(right) is not None:
            op, left, right = _FLIP[op], right, left
        value = self.value(left)
        if value is None and op not in ("==", "===", "!=", "!=="):
            return [self.text("empty", l=self.describe(left))]
        unit = self.unit_of(left)
        template = _COMPARE[op][0 if self.lang == "id" else 1]
        return [
            template.format(
                l=self.describe(left),
                v=self.show(value, unit),
                r=self.operand(right, unit),
            )
        ]

    def why_between(self, args: list[Any]) -> list[str]:
        low, middle, high = args
        unit = self.unit_of(middle)
        return [
            self.text(
                "between",
                l=self.describe(middle),
                v=self.show(self.value(middle), unit),
                a=self.operand(low, unit),
                b=self.operand(high, unit),
            )
        ]

    def why_in(self, args: list[Any]) -> list[str]:
        haystack = self.value(args[1])
        if not isinstance(haystack, list):
            return [self.text("generic", r=self.describe({"in": args}))]
        unit = self.unit_of(args[0])
        return [
            self.text(
                "not_in",
                l=self.describe(args[0]),
                v=self.show(self.value(args[0]), unit),
                r=", ".join(self.show(x) for x in haystack),
            )
        ]

    def why_check(self, op: str, args: list[Any]) -> list[str]:
        value = self.value(args[0])
        key = "empty" if value is None or value == "" else op
        return [self.text(key, l=self.describe(args[0]))]

    def why_quantifier(self, op: str, args: list[Any]) -> list[str]:
        return [self.text(op, l=self.describe(args[0]))]

    # --- naming --------------------------------------------------------------------------

    def name_of(self, path: str) -> str:
        label = self.labels.get(path)
        return label.get(self.lang) or path if label else path

    def unit_of(self, node: Any) -> str:
        found = operation(node)
        if found and found[0] == "var" and found[1] and isinstance(found[1][0], str):
            label = self.labels.get(found[1][0])
            return (label or {}).get("unit", "")
        return ""

    def describe(self, node: Any) -> str:
        """A short human name for an operand: a field label, a described operation, a value."""
        found = operation(node)
        if found is None:
            return self.show(node)
        op, args = found
        if op == "var" and args and isinstance(args[0], str):
            return self.name_of(args[0])
        if op in _DESCRIBE:
            template = _DESCRIBE[op][0 if self.lang == "id" else 1]
            return template.format(*[self.describe(a) for a in args], "", "")
        if op in ("+", "-", "*", "/") and len(args) > 1:
            return f" {op} ".join(self.describe(a) for a in args)
        text = json.dumps(node, ensure_ascii=False)
        return text if len(text) <= 80 else text[:77] + "…"

    def operand(self, node: Any, unit: str) -> str:
        if operation(node) is None:
            return self.show(node, unit)
        return f"{self.describe(node)} ({self.show(self.value(node), unit)})"

    def show(self, value: Any, unit: str = "") -> str:
        """A value as people read it in ``lang`` (1.500.000 in Indonesian, 1,500,000 in English)."""
        if value is None:
            return _EMPTY[self.lang]
        if isinstance(value, bool):
            return _YES_NO[self.lang][0 if value else 1]
        if isinstance(value, int | float | Decimal):
            text = _number(value, self.lang)
            return f"{text} {unit}" if unit else text
        if isinstance(value, list):
            return ", ".join(self.show(x) for x in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)


def _number(value: float | Decimal, lang: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{Decimal(str(value)):,f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text
