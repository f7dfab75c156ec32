"""The standard JSON Logic operators that take evaluated arguments, with json-logic-js semantics.

Control operators (``if``, ``and``, ``map`` …) and data operators (``var``, ``missing``) are in
:mod:`rules.compiler` / :mod:`rules.interpreter` because they decide what to evaluate.
Where Rakit deliberately departs from json-logic-js the docstring says so; the JavaScript side
(``rules/static/rakit-rules.js``) overrides the same operators in the same way.
"""

from __future__ import annotations

import math
import re
from typing import Any

from rules.jsvalues import (
    less_equal,
    less_than,
    loose_equal,
    normalize,
    parse_float,
    strict_equal,
    to_integer,
    to_number,
    to_string,
    truthy,
)

_INDEX = re.compile(r"(?:0|[1-9][0-9]*)\Z")


def op_eq(a: Any, b: Any) -> bool:
    return loose_equal(a, b)


def op_ne(a: Any, b: Any) -> bool:
    return not loose_equal(a, b)


def op_seq(a: Any, b: Any) -> bool:
    return strict_equal(a, b)


def op_sne(a: Any, b: Any) -> bool:
    return not strict_equal(a, b)


def op_gt(a: Any, b: Any) -> bool:
    return less_than(b, a)


def op_ge(a: Any, b: Any) -> bool:
    return less_equal(b, a)


def op_lt(a: Any, b: Any, *c: Any) -> bool:
    """``a < b``, or ``a < b < c`` with a third argument ("between, exclusive")."""
    return less_than(a, b) and (not c or less_than(b, c[0]))


def op_le(a: Any, b: Any, *c: Any) -> bool:
    """``a <= b``, or ``a <= b <= c`` with a third argument ("between, inclusive")."""
    return less_equal(a, b) and (not c or less_equal(b, c[0]))


def op_truthy(a: Any) -> bool:
    return truthy(a)


def op_not(a: Any) -> bool:
    return not truthy(a)


def op_log(a: Any) -> Any:
    """Returns its argument. Departure: nothing is logged on either side (no side effects)."""
    return a


def op_in(a: Any, b: Any) -> bool:
    """Substring test for a string ``b``, strict-equality membership for an array ``b``."""
    if isinstance(b, str):
        return b != "" and to_string(a) in b
    if isinstance(b, list):
        return any(strict_equal(item, a) for item in b)
    return False


def op_cat(*args: Any) -> str:
    """``Array.prototype.join(args, "")``: null becomes "", numbers print as JavaScript does."""
    return "".join("" if a is None else to_string(a) for a in args)


def op_substr(source: Any, start: Any, *length: Any) -> str:
    """JavaScript ``substr`` with PHP-style negative length.

    Departure: positions count Unicode code points (not UTF-16 units), on both sides.
    """
    text = to_string(source)
    size = len(text)
    first = to_integer(start)
    first = max(size + first, 0) if first < 0 else min(first, size)
    begin = int(first)
    if not length:
        return text[begin:]
    count = to_integer(length[0])
    if count < 0:
        rest = text[begin:]
        keep = len(rest) + count
        return rest[: int(keep)] if keep > 0 else ""
    return text[begin : begin + int(min(count, size - begin))]


def op_add(*args: Any) -> Any:
    """Sum of ``parseFloat`` of each argument (so ``"3"`` counts as 3). Failure → null."""
    total = 0.0
    for arg in args:
        total += arg if type(arg) in (int, float) else parse_float(arg)
    return normalize(total)


def op_mul(*args: Any) -> Any:
    """Product of ``parseFloat`` of each argument. Departure: no arguments → null (JS throws)."""
    if not args:
        return None
    product = 1.0
    for arg in args:
        product *= arg if type(arg) in (int, float) else parse_float(arg)
    return normalize(product)


def op_sub(a: Any, *b: Any) -> Any:
    """``-a`` with one argument, ``a - b`` with two (JavaScript ``Number()`` conversion)."""
    if not b:
        return normalize(-to_number(a))
    return normalize(to_number(a) - to_number(b[0]))


def op_div(a: Any, b: Any) -> Any:
    """``a / b``. Departure: division by zero is null (JS gives ±Infinity/NaN, not JSON)."""
    divisor = to_number(b)
    if divisor == 0:
        return None
    return normalize(to_number(a) / divisor)


def op_mod(a: Any, b: Any) -> Any:
    """JavaScript remainder (sign of the dividend). Modulo zero is null."""
    x, y = to_number(a), to_number(b)
    if y == 0 or y != y or x != x or x in (math.inf, -math.inf):
        return None
    return normalize(math.fmod(x, y))


def op_min(*args: Any) -> Any:
    """``Math.min``. No arguments or a non-numeric argument → null."""
    numbers = [to_number(a) for a in args]
    if not numbers or any(n != n for n in numbers):
        return None
    return normalize(min(numbers))


def op_max(*args: Any) -> Any:
    """``Math.max``. No arguments or a non-numeric argument → null."""
    numbers = [to_number(a) for a in args]
    if not numbers or any(n != n for n in numbers):
        return None
    return normalize(max(numbers))


def op_merge(*args: Any) -> list[Any]:
    """Flatten one level: arrays are spread, anything else is appended."""
    merged: list[Any] = []
    for arg in args:
        if isinstance(arg, list):
            merged.extend(arg)
        else:
            merged.append(arg)
    return merged


def read_var(data: Any, path: Any = None, default: Any = None) -> Any:
    """``var``: a dotted path into ``data``; ``default`` (or null) when a key is absent.

    Departure from json-logic-js: only an object's own keys and an array's indices are read
    (JS would also read ``"abc".0``, ``list.length`` or ``obj.constructor``).
    """
    if path is None or path == "":
        return data
    keys = path.split(".") if type(path) is str else to_string(path).split(".")
    for key in keys:
        if isinstance(data, dict):
            if key not in data:
                return default
            data = data[key]
        elif isinstance(data, list):
            if not _INDEX.match(key) or int(key) >= len(data):
                return default
            data = data[int(key)]
        else:
            return default
    return data


def missing(data: Any, *args: Any) -> list[Any]:
    """The names (of ``args``, or of the array given as first argument) that are null or ""."""
    keys = args[0] if args and isinstance(args[0], list) else args
    result = []
    for key in keys:
        value = read_var(data, key)
        if value is None or value == "":
            result.append(key)
    return result


def missing_some(data: Any, need: Any, options: Any) -> list[Any]:
    """``[]`` when at least ``need`` of ``options`` are present, else the missing ones."""
    keys = options if isinstance(options, list) else [options]
    absent = missing(data, keys)
    return [] if less_equal(need, len(keys) - len(absent)) else absent
