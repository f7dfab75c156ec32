"""Run the shared parity vectors (``rules/vectors/domain.json``) on the Python side.

The browser runs the same file through ``RakitRules`` (``tests/e2e/test_rules_parity.py``) and
both must produce the same *outcome* for every case: ``{"value": …}`` or ``{"error": "<class>"}``.
Fee-formula results (Decimals / big.js numbers) are compared as plain decimal strings.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from rules.context import EvalContext
from rules.engine import compile
from rules.errors import RuleError
from rules.fees import assess_fees
from rules.jsvalues import decimal_to_string

VECTORS_PATH = Path(__file__).parent / "vectors" / "domain.json"


def load_vectors(path: Path = VECTORS_PATH) -> dict[str, Any]:
    """The vectors document: ``{"ctx": {...}, "cases": [{"name", …}, …]}``."""
    return dict(json.loads(path.read_text(encoding="utf-8")))


def outcome(case: dict[str, Any], ctx_json: dict[str, Any]) -> dict[str, Any]:
    """What Python makes of one case: ``{"value": …}`` or ``{"error": "ErrorClassName"}``."""
    ctx = EvalContext.from_js({**ctx_json, **case.get("ctx", {})})
    try:
        if "fees" in case:
            result = assess_fees(case["fees"], case.get("data"), ctx)
            return {
                "value": {
                    "lines": {line.id: decimal_to_string(line.amount) for line in result.lines},
                    "total": decimal_to_string(result.total),
                }
            }
        value = compile(case["rule"], decimal=bool(case.get("decimal")))(case.get("data"), ctx)
    except RuleError as exc:
        return {"error": type(exc).__name__}
    return {"value": decimal_to_string(value) if isinstance(value, Decimal) else value}


def expected(case: dict[str, Any]) -> dict[str, Any]:
    """The outcome a case pins."""
    return {"error": case["error"]} if "error" in case else {"value": case["expected"]}
