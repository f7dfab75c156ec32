"""JavaScript value semantics for JSON values, so Python answers exactly like json-logic-js.

The browser evaluates rules with json-logic-js, whose standard operators are plain JavaScript
(``a == b``, ``a < b``, ``parseFloat``, ``Array.prototype.join``). Rakit pins those semantics as the
one semantics of the project (see ``rules/README.md``, "Parity decisions"); this module reproduces
them for the values a rule can see: ``None`` (null), ``bool``, ``int``/``float`` (IEEE doubles),
``str``, ``list``, ``dict`` and, in fee formulas, ``Decimal`` (treated as a number).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

NAN = math.nan
_MAX_SAFE = 2**53

# ECMAScript WhiteSpace + LineTerminator (what Number("…") and parseFloat trim).
_JS_WS = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_DECIMAL_LITERAL = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\Z")
_PREFIX_LITERAL = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_RADIX_LITERAL = re.compile(r"0([xXoObB])([0-9a-fA-F]+)\Z")
_RADIX = {"x": 16, "o": 8, "b": 2}


def is_number(value: Any) -> bool:
    """True for JSON numbers and Decimals (``bool`` is not a number)."""
    return type(value) in (int, float) or isinstance(value, Decimal)


def normalize(number: float) -> Any:
    """A double as the JSON value Python callers expect: integral values as ``int``.

    Non-finite results (NaN, ±Infinity) become ``None``: JSON has no such values and json-logic-js
    results are JSON-serialised to ``null`` (pinned decision "arithmetic that fails is null").
    """
    if -_MAX_SAFE <= number <= _MAX_SAFE:
        return int(number) if number.is_integer() else number
    if number != number or number in (math.inf, -math.inf):
        return None
    return number


def truthy(value: Any) -> bool:
    """json-logic-js truthiness: JavaScript ``!!value`` except that ``[]`` is false.

    So ``{}``, ``"0"`` and ``[0]`` are true; ``0``, ``NaN``, ``""``, ``null`` and ``[]`` are false.
    """
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, str | list):
        return len(value) > 0
    if isinstance(value, int | float):
        return value == value and value != 0
    if isinstance(value, Decimal):
        return not value.is_zero()
    return True


def to_number(value: Any) -> float:
    """ECMAScript ``ToNumber`` (``Number(value)``) for JSON values, as a float."""
    kind = type(value)
    if kind is int or kind is float:
        return float(value)
    if value is None or value is False:
        return 0.0
    if value is True:
        return 1.0
    if kind is str:
        return _string_to_number(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return _string_to_number(to_string(value))
    return NAN


def _string_to_number(text: str) -> float:
    text = text.strip(_JS_WS)
    if not text:
        return 0.0
    if _DECIMAL_LITERAL.match(text):
        return float(text.replace("Infinity", "inf"))
    radix = _RADIX_LITERAL.match(text)
    if radix:
        try:
            return float(int(radix.group(2), _RADIX[radix.group(1).lower()]))
        except ValueError:
            return NAN
    return NAN


def parse_float(value: Any) -> float:
    """ECMAScript ``parseFloat(value)``: the longest numeric prefix of ``String(value)``."""
    if type(value) in (int, float):
        return float(value)
    if value is None or type(value) is bool:  # "null", "true", "false": no numeric prefix
        return NAN
    match = _PREFIX_LITERAL.match(to_string(value).lstrip(_JS_WS))
    if not match:
        return NAN
    return float(match.group(0).replace("Infinity", "inf"))


def number_to_string(number: float) -> str:
    """ECMAScript ``Number::toString`` (shortest round-trip digits, JS exponent thresholds)."""
    if number != number:
        return "NaN"
    if number in (math.inf, -math.inf):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"
    if number.is_integer() and abs(number) < 1e21:
        return str(int(number))
    sign, digits_tuple, exponent = Decimal(repr(number)).as_tuple()
    digits = "".join(map(str, digits_tuple)).rstrip("0")
    assert isinstance(exponent, int)
    point = len(digits_tuple) + exponent  # value = 0.digits × 10^point
    k = len(digits)
    prefix = "-" if sign else ""
    if k <= point <= 21:
        return prefix + digits + "0" * (point - k)
    if 0 < point <= 21:
        return prefix + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return prefix + "0." + "0" * -point + digits
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    power = point - 1
    return f"{prefix}{mantissa}e{'+' if power >= 0 else '-'}{abs(power)}"


def decimal_to_string(value: Decimal) -> str:
    """A Decimal in plain notation without trailing zeros (big.js ``toFixed()`` style)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def to_string(value: Any) -> str:
    """ECMAScript ``String(value)`` for JSON values (arrays join with ``,``, null items as "")."""
    kind = type(value)
    if kind is str:
        return value
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value) if abs(value) < 10**21 else number_to_string(float(value))
    if kind is float:
        return number_to_string(value)
    if isinstance(value, Decimal):
        return decimal_to_string(value)
    if isinstance(value, list):
        return ",".join("" if item is None else to_string(item) for item in value)
    return "[object Object]"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    return "object"


def strict_equal(a: Any, b: Any) -> bool:
    """JavaScript ``a === b``; arrays and objects are equal only to themselves."""
    kind = _kind(a)
    if kind != _kind(b):
        return False
    if kind == "object":
        return a is b
    if kind == "number":
        return to_number(a) == to_number(b)
    return bool(a == b)


def loose_equal(a: Any, b: Any) -> bool:
    """JavaScript ``a == b`` (the abstract equality algorithm) for JSON values."""
    ka, kb = _kind(a), _kind(b)
    if ka == kb:
        return strict_equal(a, b)
    if ka == "null" or kb == "null":
        return False
    if ka == "boolean":
        return loose_equal(to_number(a), b)
    if kb == "boolean":
        return loose_equal(a, to_number(b))
    if ka == "object":
        return loose_equal(to_string(a), b)
    if kb == "object":
        return loose_equal(a, to_string(b))
    # One number, one string.
    return to_number(a) == to_number(b)


def _primitive(value: Any) -> Any:
    return to_string(value) if isinstance(value, list | dict) else value


def _utf16(text: str) -> bytes:
    # JavaScript orders strings by UTF-16 code units, not code points.
    return text.encode("utf-16-be", "surrogatepass")


def less_than(a: Any, b: Any) -> bool:
    """JavaScript ``a < b`` (strings compare as strings, everything else as numbers)."""
    a, b = _primitive(a), _primitive(b)
    if type(a) is str and type(b) is str:
        if a.isascii() and b.isascii():
            return a < b
        return _utf16(a) < _utf16(b)
    return to_number(a) < to_number(b)


def less_equal(a: Any, b: Any) -> bool:
    """JavaScript ``a <= b`` (false when either side is NaN)."""
    a, b = _primitive(a), _primitive(b)
    if type(a) is str and type(b) is str:
        if a.isascii() and b.isascii():
            return a <= b
        return _utf16(a) <= _utf16(b)
    return to_number(a) <= to_number(b)


def to_integer(value: Any) -> float:
    """ECMAScript ``ToIntegerOrInfinity`` (NaN → 0, truncation toward zero)."""
    number = to_number(value)
    if number != number:
        return 0.0
    if number in (math.inf, -math.inf):
        return number
    return float(math.trunc(number))
