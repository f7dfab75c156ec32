"""Exact decimal arithmetic for fee formulas and the ``round_money`` operator.

Money is never a float: in a fee formula every number (literal, form value, tariff row) is turned
into a :class:`~decimal.Decimal` through its shortest text (``Decimal(str(x))``), so 0.1 + 0.2 is
exactly 0.3. The browser does the same with big.js.

Pinned on both sides: addition, subtraction and multiplication are exact; division is rounded to
20 decimal places, half up (big.js ``Big.DP = 20``, ``Big.RM = 1``); an operand that is not a number
(null, a boolean, a non-numeric string) or a division by zero makes the result null.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Context, Decimal
from typing import Any

from rules.errors import RuleEvaluationError

_EXACT = Context(prec=100, rounding=ROUND_HALF_UP)
_TRUNCATE = Context(prec=100, rounding=ROUND_DOWN)
_DIVISION_PLACES = Decimal("1e-20")
_DECIMAL_TEXT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")

ROUNDING_MODES = {"half_up": ROUND_HALF_UP, "up": ROUND_UP, "down": ROUND_DOWN}
ROUNDING_STEPS = (1, 100, 1000)


def to_decimal(value: Any) -> Decimal | None:
    """``value`` as a Decimal: numbers via their shortest text, strings like ``"-12.50"``.

    Returns None for null, booleans, non-finite floats and any other string.
    """
    kind = type(value)
    if kind is int:
        return Decimal(value)
    if kind is float:
        return Decimal(repr(value)) if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if kind is str and _DECIMAL_TEXT.match(value):
        return Decimal(value)
    return None


def _all_decimals(args: tuple[Any, ...]) -> list[Decimal] | None:
    numbers = [to_decimal(a) for a in args]
    return None if any(n is None for n in numbers) else numbers  # type: ignore[return-value]


def dec_add(*args: Any) -> Decimal | None:
    numbers = _all_decimals(args)
    if numbers is None:
        return None
    total = Decimal(0)
    for number in numbers:
        total = _EXACT.add(total, number)
    return total


def dec_mul(*args: Any) -> Decimal | None:
    numbers = _all_decimals(args)
    if not numbers:
        return None
    product = Decimal(1)
    for number in numbers:
        product = _EXACT.multiply(product, number)
    return product


def dec_sub(a: Any, *b: Any) -> Decimal | None:
    numbers = _all_decimals((a, *b))
    if numbers is None:
        return None
    if len(numbers) == 1:
        return _EXACT.minus(numbers[0])
    return _EXACT.subtract(numbers[0], numbers[1])


def dec_div(a: Any, b: Any) -> Decimal | None:
    numbers = _all_decimals((a, b))
    if numbers is None or numbers[1].is_zero():
        return None
    quotient = _TRUNCATE.divide(numbers[0], numbers[1])
    return quotient.quantize(_DIVISION_PLACES, rounding=ROUND_HALF_UP, context=_EXACT)


def dec_mod(a: Any, b: Any) -> Decimal | None:
    numbers = _all_decimals((a, b))
    if numbers is None or numbers[1].is_zero():
        return None
    return _EXACT.remainder(numbers[0], numbers[1])


def dec_min(*args: Any) -> Decimal | None:
    numbers = _all_decimals(args)
    return min(numbers) if numbers else None


def dec_max(*args: Any) -> Decimal | None:
    numbers = _all_decimals(args)
    return max(numbers) if numbers else None


def round_money(value: Any, mode: Any, step: Any) -> Decimal | None:
    """``value`` rounded to a multiple of ``step`` (1, 100 or 1000) rupiah.

    ``mode``: ``half_up`` (nearest, .5 away from zero), ``up`` (away from zero), ``down``
    (toward zero). Returns None when ``value`` is not a number.

    Raises:
        RuleEvaluationError: ``mode`` or ``step`` is not one of the allowed values.
    """
    if mode not in ROUNDING_MODES or isinstance(step, bool) or step not in ROUNDING_STEPS:
        raise RuleEvaluationError(
            f"round_money needs mode half_up|up|down and step 1|100|1000, got {mode!r}, {step!r}"
        )
    number = to_decimal(value)
    if number is None:
        return None
    exponent = Decimal(1).scaleb(len(str(int(step))) - 1)
    return number.quantize(exponent, rounding=ROUNDING_MODES[mode], context=_EXACT)
