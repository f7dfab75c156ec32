"""Lint of the rules inside a definition: the data each may read, fee arithmetic, computed cycles.

Scopes: form rules (pages, fields, documents, eligibility) read form fields and `meta.*`; workflow
rules (`skip_if`, branch conditions), fee formulas and officer forms may also read
`steps.<step>.<field>`. A group's sub-field rules may also read sibling sub-fields by id.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from builder.field_types import FIELD_TYPES
from builder.lint.index import DefinitionIndex, iter_page_fields, step_form_fields
from builder.problems import Problem, error, pointer, warning
from builder.rule_check import check_rule
from builder.rule_walk import numeric_vars, tariff_tables

RuleSite = tuple[Any, str, Collection[str]]  # (rule, pointer, known variables)

_FIELD_RULE_KEYS = ("visible_if", "required_if", "computed")


def rule_sites(index: DefinitionIndex) -> Iterator[RuleSite]:
    """Every rule in the definition with its pointer and the variables it may read."""
    defn, form, flow = index.defn, index.form_vars, index.workflow_vars
    for p, page in enumerate(defn["form"]["pages"]):
        if "visible_if" in page:
            yield page["visible_if"], pointer("form", "pages", p, "visible_if"), form
    for ref in iter_page_fields(defn):
        yield from _field_sites(ref.field, ref.pointer, form)
    for i, doc in enumerate(defn["documents"]):
        if "required_if" in doc:
            yield doc["required_if"], pointer("documents", i, "required_if"), form
    for i, entry in enumerate(defn["eligibility"]):
        yield entry["rule"], pointer("eligibility", i, "rule"), form
    for i, item in enumerate(defn["fees"].get("items", [])):
        for key in ("formula", "when"):
            if key in item:
                yield item[key], pointer("fees", "items", i, key), flow
    for step in index.steps.values():
        own = {f["id"] for f in step.step.get("form", [])}
        for ref in step_form_fields(step):
            yield from _field_sites(ref.field, ref.pointer, flow | own)
        if "skip_if" in step.step:
            yield step.step["skip_if"], step.pointer + "/skip_if", flow
        for a, action in enumerate(step.step["actions"]):
            if isinstance(action.get("to"), list):
                for b, branch in enumerate(action["to"]):
                    if "if" in branch:
                        yield (
                            branch["if"],
                            step.pointer + pointer("actions", a, "to", b, "if"),
                            flow,
                        )


def _field_sites(field: dict[str, Any], at: str, known: Collection[str]) -> Iterator[RuleSite]:
    for key in _FIELD_RULE_KEYS:
        if key in field:
            yield field[key], f"{at}/{key}", known
    subs = field.get("fields", [])
    sibling_scope = set(known) | {sub["id"] for sub in subs}
    for i, sub in enumerate(subs):
        for key in _FIELD_RULE_KEYS:
            if key in sub:
                yield sub[key], at + pointer("fields", i, key), sibling_scope


def check_rules(index: DefinitionIndex) -> Iterator[Problem]:
    for rule, at, known in rule_sites(index):
        yield from check_rule(rule, known, index.tables, at)
    yield from _check_fee_arithmetic(index)
    yield from _check_unused_tables(index)


def _check_fee_arithmetic(index: DefinitionIndex) -> Iterator[Problem]:
    for i, item in enumerate(index.defn["fees"].get("items", [])):
        at = pointer("fees", "items", i, "formula")
        for name, where in numeric_vars(item["formula"], at):
            kind = _value_type(index, name)
            if kind is not None and kind not in ("number", "money", "location.lat", "location.lng"):
                yield error(
                    where,
                    "fee_non_numeric",
                    f"rumus biaya {item['id']!r} menghitung dengan {name!r} (isian {kind}), "
                    "padahal perlu angka; untuk nilai pilihan pakai 'tariff' atau perbandingan",
                    f"fee formula {item['id']!r} does arithmetic with {name!r} (a {kind} field) "
                    "where a number is needed; use a 'tariff' lookup or a comparison for choices",
                )


def _value_type(index: DefinitionIndex, name: str) -> str | None:
    """A short description of what `name` holds, or None when it is unknown (reported elsewhere)."""
    if name.startswith("meta."):
        return "meta"
    found = index.field_for_var(name)
    if found is None:
        return None
    ref, sub = found
    ftype = FIELD_TYPES.get(ref.type)
    if ftype is None:
        return None
    return ref.type if sub is None else f"{ref.type}.{sub}"


def _check_unused_tables(index: DefinitionIndex) -> Iterator[Problem]:
    used = {name for rule, at, _ in rule_sites(index) for name, _ in tariff_tables(rule, at)}
    for name in index.defn["tables"]:
        if name not in used:
            yield warning(
                pointer("tables", name),
                "unused_table",
                f"tabel {name!r} tidak dipakai oleh aturan mana pun",
                f"table {name!r} is not used by any rule",
            )
