"""Evaluate a definition against application data: what is visible, required, computed, whether
the applicant is eligible, which documents are needed and what it costs.

Plain Python (no Flask): the portal calls it at every step, the back office at the fee step and
the admin test bench on every save. Rules are evaluated by `rules`; this module only decides the
order and what each result means.

Order (pinned by tests/unit/test_evaluate.py): pages and their fields in definition order; a
field hidden by `visible_if` (or on a hidden page) counts as unanswered for every rule evaluated
after it, and computed values are available to the fields, documents, eligibility rules and fees
that follow. Eligibility rules are evaluated in list order, all of them (every failure is shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import rules
from rules.errors import RuleError

LANGS = ("id", "en")
KINDS = ("new", "renewal", "amendment")
CHANNELS = ("online", "counter")


@dataclass(frozen=True)
class RuleOutcome:
    """One eligibility rule's verdict; `message`/`reasons` matter only when it did not pass."""

    id: str
    passed: bool
    message: dict[str, str]
    reasons: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentNeed:
    """A document of the definition and whether it is required for this data now."""

    code: str
    definition: dict[str, Any]
    required: bool

    @property
    def shown(self) -> bool:
        """Shown to the applicant: required now, or optional without a condition."""
        return self.required or not self.definition.get("required_if")


@dataclass
class Evaluation:
    visible_pages: list[str] = field(default_factory=list)
    visible_fields: set[str] = field(default_factory=set)
    required_fields: set[str] = field(default_factory=set)
    computed: dict[str, Any] = field(default_factory=dict)
    eligibility: list[RuleOutcome] = field(default_factory=list)
    documents: list[DocumentNeed] = field(default_factory=list)
    fees: Any = None
    #: why `fees` is None although the definition has fees (data still incomplete, rule error)
    fee_error: str | None = None
    #: the data every rule saw (hidden fields removed, computed values filled in)
    effective_data: dict[str, Any] = field(default_factory=dict)

    @property
    def eligible(self) -> bool:
        return all(outcome.passed for outcome in self.eligibility)

    @property
    def failed_rules(self) -> list[str]:
        return [o.id for o in self.eligibility if not o.passed]

    def application_documents(self) -> list[DocumentNeed]:
        """Documents to upload with the application (stage `application`) that are shown."""
        return [d for d in self.documents if d.definition.get("stage") == "application" and d.shown]


def evaluate(
    definition: dict[str, Any],
    data: dict[str, Any],
    ctx: Any,
    *,
    kind: str = "new",
    channel: str = "online",
    steps: dict[str, Any] | None = None,
    decision: str | None = None,
) -> Evaluation:
    """Evaluate every rule of `definition` on `data` (form field id → value).

    `ctx` is a `rules.EvalContext`. A rule that cannot be evaluated on incomplete data (e.g. a
    tariff lookup of an unanswered select) counts as false for visibility/requirement and as not
    passed for eligibility; fees then stay None with `fee_error` set. Never raises `RuleError`.
    """
    meta: dict[str, Any] = {"kind": kind, "channel": channel}
    if decision:
        meta["decision"] = decision
    scope: dict[str, Any] = {k: v for k, v in data.items() if not k.startswith("_")}
    scope["meta"] = meta
    scope["steps"] = steps or {}
    result = Evaluation()
    for page in definition.get("form", {}).get("pages", []):
        page_visible = _holds(page.get("visible_if"), scope, ctx, default=True)
        if page_visible:
            result.visible_pages.append(page["id"])
        for fdef in page.get("fields", []):
            _field(fdef, page_visible, scope, ctx, result)
    result.documents = [_document(d, scope, ctx) for d in definition.get("documents", [])]
    labels = field_labels(definition)
    result.eligibility = [
        _eligibility(e, scope, ctx, labels) for e in definition.get("eligibility", [])
    ]
    _fees(definition.get("fees") or {"free": True}, scope, ctx, result)
    result.effective_data = scope
    return result


def _field(
    fdef: dict[str, Any], page_visible: bool, scope: dict[str, Any], ctx: Any, result: Evaluation
) -> None:
    fid = fdef["id"]
    visible = page_visible and _holds(fdef.get("visible_if"), scope, ctx, default=True)
    if not visible:
        scope.pop(fid, None)
        return
    result.visible_fields.add(fid)
    if fdef.get("computed") is not None:
        value = _value(fdef["computed"], scope, ctx)
        result.computed[fid] = value
        scope[fid] = value
    answerable = fdef.get("type") != "paragraph" and fdef.get("computed") is None
    if answerable and (
        fdef.get("required") or _holds(fdef.get("required_if"), scope, ctx, default=False)
    ):
        result.required_fields.add(fid)


def _document(ddef: dict[str, Any], scope: dict[str, Any], ctx: Any) -> DocumentNeed:
    required = bool(ddef.get("required"))
    if ddef.get("required_if") is not None:
        required = _holds(ddef["required_if"], scope, ctx, default=False)
    return DocumentNeed(code=ddef["code"], definition=ddef, required=required)


def _eligibility(
    entry: dict[str, Any], scope: dict[str, Any], ctx: Any, labels: dict[str, Any]
) -> RuleOutcome:
    passed = _holds(entry["rule"], scope, ctx, default=False)
    reasons: dict[str, list[str]] = {}
    if not passed:
        reasons = explain(entry["rule"], scope, ctx, labels)
    return RuleOutcome(entry["id"], passed, entry.get("message", {}), reasons)


def _fees(fees: dict[str, Any], scope: dict[str, Any], ctx: Any, result: Evaluation) -> None:
    try:
        result.fees = rules.assess_fees(fees, scope, ctx)
    except RuleError as error:
        result.fees = None
        result.fee_error = str(error)


def explain(
    rule: Any, scope: dict[str, Any], ctx: Any, labels: dict[str, Any] | None = None
) -> dict[str, list[str]]:
    """Plain-language reasons a rule is false, per language (`{"id": [...], "en": [...]}`)."""
    found: dict[str, list[str]] = {}
    for lang in LANGS:
        try:
            found[lang] = list(rules.explain(rule, scope, lang, labels or {}, ctx))
        except RuleError:
            found[lang] = []
    return found


def field_labels(definition: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Labels `rules.explain` names variables with: field ids and steps' officer fields."""
    labels: dict[str, dict[str, str]] = {}
    for page in definition.get("form", {}).get("pages", []):
        for fdef in page.get("fields", []):
            labels[fdef["id"]] = _label(fdef)
    for step in definition.get("workflow", {}).get("steps", []):
        for sub in [step, *step.get("steps", [])]:
            for fdef in sub.get("form", []) or []:
                labels[f"steps.{sub['id']}.{fdef['id']}"] = _label(fdef)
    return labels


def _label(fdef: dict[str, Any]) -> dict[str, str]:
    label = dict(fdef.get("label") or {"id": fdef["id"], "en": fdef["id"]})
    if fdef.get("unit"):
        label["unit"] = str(fdef["unit"])
    return label


def _holds(rule: Any, scope: dict[str, Any], ctx: Any, *, default: bool) -> bool:
    if rule is None:
        return default
    try:
        return truthy(rules.evaluate(rule, scope, ctx))
    except RuleError:
        return False


def _value(rule: Any, scope: dict[str, Any], ctx: Any) -> Any:
    try:
        return rules.evaluate(rule, scope, ctx)
    except RuleError:
        return None


def truthy(value: Any) -> bool:
    """JSON Logic truthiness (as json-logic-js): `[]` is false; `{}` and `"0"` are true."""
    if isinstance(value, list):
        return len(value) > 0
    if isinstance(value, dict):
        return True
    return bool(value)
