"""Compile a rule once into nested Python closures, so evaluating it never re-walks the JSON.

Each node becomes a function ``f(data, state)``. Common shapes get a specialised closure (a ``var``
with a literal path, a comparison against a literal number or string, ``in`` against a literal
list, two-armed ``and``/``or``/``if``), which is where most of the speed comes from. Results are
those of :mod:`rules.interpreter` (checked by a property test). No ``eval``/``exec`` is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rules.jsvalues import (
    less_equal,
    less_than,
    loose_equal,
    normalize,
    parse_float,
    strict_equal,
    truthy,
)
from rules.limits import guard
from rules.operators import Operator, operator_table
from rules.standard_ops import missing, missing_some, op_add, op_in, op_mul, read_var
from rules.validate import operation

Fn = Callable[[Any, Any], Any]
_INDEX = re.compile(r"(?:0|[1-9][0-9]*)\Z")


def compile_node(node: Any, decimal: bool) -> Fn:
    """The closure for a validated rule (see :func:`rules.validate.validate`)."""
    return _Compiler(operator_table(decimal)).node(node)


class _Compiler:
    def __init__(self, table: dict[str, Operator]) -> None:
        self.table = table

    def node(self, node: Any) -> Fn:
        if isinstance(node, list):
            return self.array(node)
        found = operation(node)
        if found is None:
            return _constant(node)
        op, args = found
        builder = _BUILDERS.get(op)
        if builder is not None:
            return builder(self, args)
        return self.call(op, args)

    def array(self, items: list[Any]) -> Fn:
        parts = [self.node(item) for item in items]
        if all(operation(item) is None and not isinstance(item, list) for item in items):
            frozen = list(items)
            return lambda d, s: list(frozen)  # a fresh array each time, as in JavaScript
        return lambda d, s: [p(d, s) for p in parts]

    def call(self, op: str, args: list[Any]) -> Fn:
        spec = self.table[op]
        fn = spec.fn
        assert fn is not None
        parts = [self.node(a) for a in args]
        if op in _COMPARISONS and len(args) == 2:
            return _comparison(op, parts, args)
        if op == "in":
            return _membership(parts, args)
        if op == "merge":
            return _merge(fn, parts)
        if fn is op_add or fn is op_mul:
            return _arithmetic(fn is op_mul, parts)
        if spec.needs_state:
            if not parts:
                return lambda d, s: fn(s)
            return lambda d, s: fn(s, *[p(d, s) for p in parts])
        if len(parts) == 1:
            (p0,) = parts
            return lambda d, s: fn(p0(d, s))
        if len(parts) == 2:
            p0, p1 = parts
            return lambda d, s: fn(p0(d, s), p1(d, s))
        return lambda d, s: fn(*[p(d, s) for p in parts])


def _arithmetic(product: bool, parts: list[Fn]) -> Fn:
    """``+``/``*`` on doubles without building an argument list (same result as op_add/op_mul)."""
    if product and not parts:
        return lambda d, s: None
    start = 1.0 if product else 0.0

    def arithmetic(d: Any, s: Any) -> Any:
        total = start
        for p in parts:
            x = p(d, s)
            if type(x) is not int and type(x) is not float:
                x = parse_float(x)
            total = total * x if product else total + x
        return normalize(total)

    return arithmetic


def _constant(value: Any) -> Fn:
    return lambda d, s: value


def _merge(fn: Callable[..., Any], parts: list[Fn]) -> Fn:
    def merge(d: Any, s: Any) -> Any:
        result = fn(*[p(d, s) for p in parts])
        s.charge(len(result))
        return result

    return merge


# --- data access -------------------------------------------------------------------------


def _var(c: _Compiler, args: list[Any]) -> Fn:
    if len(args) == 1 and isinstance(args[0], str) and operation(args[0]) is None:
        return _var_literal(args[0])
    parts = [c.node(a) for a in args]
    return lambda d, s: read_var(d, *[p(d, s) for p in parts])


def _var_literal(path: str) -> Fn:
    if path == "":
        return lambda d, s: d
    keys = path.split(".")
    if len(keys) == 1:
        (key,) = keys

        def one(d: Any, s: Any) -> Any:
            if type(d) is dict:
                return d.get(key)
            return read_var(d, key)

        return one
    if any(_INDEX.match(k) for k in keys):
        return lambda d, s: read_var(d, path)

    def dotted(d: Any, s: Any) -> Any:
        for k in keys:
            if type(d) is not dict:
                return None
            d = d.get(k)
        return d

    return dotted


def _missing(c: _Compiler, args: list[Any]) -> Fn:
    if args and all(type(a) is str and a and "." not in a for a in args):
        keys = tuple(args)

        def absent(d: Any, s: Any) -> Any:
            if type(d) is not dict:
                return missing(d, *keys)
            return [k for k in keys if (v := d.get(k)) is None or v == ""]

        return absent
    parts = [c.node(a) for a in args]
    return lambda d, s: missing(d, *[p(d, s) for p in parts])


def _missing_some(c: _Compiler, args: list[Any]) -> Fn:
    p0, p1 = (c.node(a) for a in args)
    return lambda d, s: missing_some(d, p0(d, s), p1(d, s))


# --- logic -------------------------------------------------------------------------------


def _if(c: _Compiler, args: list[Any]) -> Fn:
    parts = [c.node(a) for a in args]
    if len(parts) == 3:
        cond, yes, no = parts
        return lambda d, s: yes(d, s) if truthy(cond(d, s)) else no(d, s)
    pairs = [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
    otherwise = parts[-1] if len(parts) % 2 else None

    def chain(d: Any, s: Any) -> Any:
        for cond, then in pairs:
            if truthy(cond(d, s)):
                return then(d, s)
        return otherwise(d, s) if otherwise is not None else None

    return chain


def _and(c: _Compiler, args: list[Any]) -> Fn:
    parts = tuple(c.node(a) for a in args)
    if len(parts) == 1:
        return parts[0]

    def conj(d: Any, s: Any) -> Any:
        current = None
        for p in parts:
            current = p(d, s)
            if not (current is True or truthy(current)):
                return current
        return current

    return conj


def _or(c: _Compiler, args: list[Any]) -> Fn:
    parts = tuple(c.node(a) for a in args)
    if len(parts) == 1:
        return parts[0]

    def disj(d: Any, s: Any) -> Any:
        current = None
        for p in parts:
            current = p(d, s)
            if current is True or truthy(current):
                return current
        return current

    return disj


def _not(c: _Compiler, args: list[Any]) -> Fn:
    p0 = c.node(args[0])
    return lambda d, s: not truthy(p0(d, s))


def _truthy(c: _Compiler, args: list[Any]) -> Fn:
    p0 = c.node(args[0])
    return lambda d, s: truthy(p0(d, s))


# --- comparisons -------------------------------------------------------------------------

_COMPARISONS = frozenset({"==", "!=", "===", "!==", "<", "<=", ">", ">="})
_NUMBER = (int, float)


def _is_plain_number(value: Any) -> bool:
    return type(value) in _NUMBER


def _simple_key(node: Any) -> str | None:
    """The key of ``{"var": "key"}`` (a literal, undotted, non-empty path), else None."""
    found = operation(node)
    if found is None or found[0] != "var" or len(found[1]) != 1:
        return None
    path = found[1][0]
    return path if type(path) is str and path and "." not in path else None


def _comparison(op: str, parts: list[Fn], args: list[Any]) -> Fn:
    left, right = parts
    if op in ("==", "===", "!=", "!==") and (
        _is_plain_number(args[1]) or type(args[1]) in (str, bool)
    ):
        return _equals_literal(op, left, args[1])
    if op in ("<", "<=", ">", ">=") and _is_plain_number(args[1]):
        key = _simple_key(args[0])
        if key is not None:
            return _order_var_literal(op, key, float(args[1]))
        return _order_literal(op, left, float(args[1]))
    general = {
        "==": loose_equal,
        "===": strict_equal,
        "!=": lambda a, b: not loose_equal(a, b),
        "!==": lambda a, b: not strict_equal(a, b),
        "<": less_than,
        "<=": less_equal,
        ">": lambda a, b: less_than(b, a),
        ">=": lambda a, b: less_equal(b, a),
    }[op]
    return lambda d, s: general(left(d, s), right(d, s))


def _equals_literal(op: str, left: Fn, literal: Any) -> Fn:
    """``==``/``===``/``!=``/``!==`` against a literal number, string or boolean.

    When the value has the literal's JSON type, JavaScript ``==`` and ``===`` both compare
    values, so Python ``==`` answers; other types take the general (coercing) path.
    """
    kinds = _NUMBER if type(literal) in _NUMBER else (type(literal),)
    general = strict_equal if op in ("===", "!==") else loose_equal
    if op in ("==", "==="):
        return lambda d, s: a == literal if type(a := left(d, s)) in kinds else general(a, literal)
    return lambda d, s: a != literal if type(a := left(d, s)) in kinds else not general(a, literal)


def _order_literal(op: str, left: Fn, limit: float) -> Fn:
    general = {
        "<": lambda a: less_than(a, limit),
        "<=": lambda a: less_equal(a, limit),
        ">": lambda a: less_than(limit, a),
        ">=": lambda a: less_equal(limit, a),
    }[op]
    if op == "<":
        return lambda d, s: (a < limit) if type(a := left(d, s)) in _NUMBER else general(a)
    if op == "<=":
        return lambda d, s: (a <= limit) if type(a := left(d, s)) in _NUMBER else general(a)
    if op == ">":
        return lambda d, s: (a > limit) if type(a := left(d, s)) in _NUMBER else general(a)
    return lambda d, s: (a >= limit) if type(a := left(d, s)) in _NUMBER else general(a)


def _order_var_literal(op: str, key: str, limit: float) -> Fn:
    """``{op: [{"var": key}, number]}`` in one closure (the commonest eligibility clause)."""
    compare = {
        "<": lambda a: less_than(a, limit),
        "<=": lambda a: less_equal(a, limit),
        ">": lambda a: less_than(limit, a),
        ">=": lambda a: less_equal(limit, a),
    }[op]
    fast = {
        "<": limit.__gt__,
        "<=": limit.__ge__,
        ">": limit.__lt__,
        ">=": limit.__le__,
    }[op]

    def order(d: Any, s: Any) -> Any:
        a = d.get(key) if type(d) is dict else read_var(d, key)
        if type(a) is int or type(a) is float:
            result = fast(a)
            if result is not NotImplemented:
                return result
        return compare(a)

    return order


def _membership(parts: list[Fn], args: list[Any]) -> Fn:
    needle, haystack = parts
    literal = args[1]
    if isinstance(literal, list) and literal and all(type(x) is str for x in literal):
        choices = frozenset(literal)
        return lambda d, s: (a in choices) if type(a := needle(d, s)) is str else False
    return lambda d, s: op_in(needle(d, s), haystack(d, s))


# --- loops -------------------------------------------------------------------------------


def _scoped(c: _Compiler, args: list[Any]) -> tuple[Fn, Fn, int]:
    return c.node(args[0]), c.node(args[1]), guard(args[1])


def _map(c: _Compiler, args: list[Any]) -> Fn:
    items, logic, cost = _scoped(c, args)

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        if type(xs) is not list:
            return []
        s.charge(cost * len(xs))
        return [logic(x, s) for x in xs]

    return run


def _filter(c: _Compiler, args: list[Any]) -> Fn:
    items, logic, cost = _scoped(c, args)

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        if type(xs) is not list:
            return []
        s.charge(cost * len(xs))
        return [x for x in xs if truthy(logic(x, s))]

    return run


def _quantifier(kind: str) -> Callable[[_Compiler, list[Any]], Fn]:
    def build(c: _Compiler, args: list[Any]) -> Fn:
        items, logic, cost = _scoped(c, args)

        def run(d: Any, s: Any) -> Any:
            xs = items(d, s)
            if type(xs) is not list or not xs:
                return kind == "none"
            for x in xs:
                s.charge(cost)
                hit = truthy(logic(x, s))
                if kind == "all" and not hit:
                    return False
                if kind != "all" and hit:
                    return kind == "some"
            return kind != "some"

        return run

    return build


def _reduce(c: _Compiler, args: list[Any]) -> Fn:
    items, logic, cost = _scoped(c, args)
    initial = c.node(args[2]) if len(args) > 2 else _constant(None)

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        accumulator = initial(d, s)
        if type(xs) is not list:
            return accumulator
        for x in xs:
            s.charge(cost)
            accumulator = logic({"current": x, "accumulator": accumulator}, s)
        return accumulator

    return run


_BUILDERS: dict[str, Callable[[_Compiler, list[Any]], Fn]] = {
    "var": _var,
    "missing": _missing,
    "missing_some": _missing_some,
    "if": _if,
    "?:": _if,
    "and": _and,
    "or": _or,
    "!": _not,
    "!!": _truthy,
    "map": _map,
    "filter": _filter,
    "all": _quantifier("all"),
    "some": _quantifier("some"),
    "none": _quantifier("none"),
    "reduce": _reduce,
}
