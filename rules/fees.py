"""Fee assessment (retribusi): exact Decimal line items and total for a definition's ``fees``.

Each item's ``when`` is an ordinary rule (the item is skipped when it is false); its ``formula``
is evaluated in Decimal arithmetic (see :mod:`rules.money`), then rounded with the item's
``rounding`` ``{"mode": "half_up"|"up"|"down", "to": 1|100|1000}`` to whole rupiah.
The browser's fee preview (``RakitRules.assessFees``) does the same with big.js.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rules.context import EvalContext
from rules.engine import compile
from rules.errors import RuleEvaluationError
from rules.jsvalues import truthy
from rules.money import round_money, to_decimal

_WHOLE = Decimal(1)
_DEFAULT_ROUNDING = {"mode": "half_up", "to": 1}


@dataclass(frozen=True)
class FeeLine:
    """One assessed fee item: its id, bilingual label, rupiah amount and legal basis."""

    id: str
    label: dict[str, str]
    amount: Decimal
    legal_basis: str


@dataclass(frozen=True)
class FeeAssessment:
    """The assessed items (in definition order, skipped items left out) and their total."""

    lines: list[FeeLine]
    total: Decimal


def assess_fees(
    fees: Mapping[str, Any], data: Any, ctx: EvalContext | None = None
) -> FeeAssessment:
    """Assess the definition's ``fees`` object for an application's ``data``.

    A free permit (``{"free": true}``) gives no lines and a total of ``Decimal("0")``.

    Raises:
        RuleEvaluationError: a formula did not give a number, or named an unknown tariff row;
            the message names the fee item.
        RuleError: a ``when`` or ``formula`` rule is refused (operator, size, budget).
    """
    if fees.get("free", False):
        return FeeAssessment(lines=[], total=Decimal("0"))
    lines = [line for item in fees.get("items") or [] if (line := _assess_item(item, data, ctx))]
    return FeeAssessment(lines=lines, total=sum((line.amount for line in lines), Decimal("0")))


def _assess_item(item: Mapping[str, Any], data: Any, ctx: EvalContext | None) -> FeeLine | None:
    item_id = str(item.get("id", "?"))
    when = item.get("when")
    if when is not None and not truthy(compile(when)(data, ctx)):
        return None
    rounding = item.get("rounding") or _DEFAULT_ROUNDING
    try:
        value = compile(item["formula"], decimal=True)(data, ctx)
        amount = to_decimal(value)
        if amount is None:
            raise RuleEvaluationError(f"the formula gave {value!r}, not a number")
        rounded = round_money(amount, rounding.get("mode"), rounding.get("to"))
    except RuleEvaluationError as exc:
        raise RuleEvaluationError(f"Fee item {item_id!r}: {exc}") from exc
    assert rounded is not None
    return FeeLine(
        id=item_id,
        label=dict(item.get("label") or {}),
        amount=rounded.quantize(_WHOLE),
        legal_basis=str(item.get("legal_basis", "")),
    )
