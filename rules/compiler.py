"""Compile a rule once into nested Python closures, so evaluating it never re-walks the JSON.

Each node becomes a function ``f(data, state)``. Common shapes get a specialised closure (a ``var``
with a literal path, a comparison against a literal number or string, ``in`` against a literal
list, arithmetic with literal operands, a test that is known to give a boolean), which is where
most of the speed comes from. Literal arguments are bound at compile time instead of being
wrapped in closures. Results are those of :mod:`rules.interpreter` (checked by a property test).
No ``eval``/``exec`` is used.

The compiler also records what a rule needs from its :class:`~rules.context.EvalState`: a step
budget (only loops and ``merge`` spend it), the context (``today``, ``age``, ``tariff`` …), or
nothing at all, so :mod:`rules.engine` sets up no more per call than the rule needs.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from rules.context import budget_exceeded
from rules.domain_ops import tariff_value
from rules.errors import RuleEvaluationError
from rules.jsvalues import (
    less_equal,
    less_than,
    loose_equal,
    normalize,
    parse_float,
    strict_equal,
    truthy,
)
from rules.limits import MAX_STEPS, guard
from rules.operators import Operator, operator_table
from rules.patterns import compile_pattern
from rules.standard_ops import missing, missing_some, op_add, op_in, op_mul, read_var
from rules.validate import operation

Fn = Callable[[Any, Any], Any]
_INDEX = re.compile(r"(?:0|[1-9][0-9]*)\Z")

#: Operators whose result is always a Python ``bool`` (so ``truthy`` of it is the value itself).
_BOOLEAN_OPS = frozenset(
    {"==", "!=", "===", "!==", "<", "<=", ">", ">=", "!", "!!", "in", "all", "some", "none"}
    | {"matches", "valid_nik", "valid_npwp"}
)


class CompiledNode(NamedTuple):
    """A compiled rule: its root closure and what its ``state`` argument must provide."""

    fn: Fn
    needs_budget: bool  # two or more loops/``merge``: a fresh EvalState per call
    needs_context: bool  # an operator reads ``state.ctx``


#: Operators that spend the step budget at run time.
_SPENDERS = frozenset({"map", "filter", "reduce", "all", "some", "none", "merge"})


def compile_node(node: Any, decimal: bool, budget: int = MAX_STEPS) -> CompiledNode:
    """The closure for a validated rule (see :func:`rules.validate.validate`).

    ``budget`` is what is left of the step budget once the rule's own node count is paid. A rule
    with a single loop (or ``merge``) checks that loop against ``budget`` directly, with no
    per-call state; only a rule with several of them counts down a per-call ``EvalState``.
    """
    static = budget if _count_spenders(node) <= 1 else None
    compiler = _Compiler(operator_table(decimal), static)
    root = compiler.node(node)
    return CompiledNode(root, compiler.needs_budget, compiler.needs_context)


def _count_spenders(node: Any) -> int:
    """How many loop/``merge`` operations ``node`` contains (at any depth)."""
    if isinstance(node, list):
        return sum(_count_spenders(item) for item in node)
    found = operation(node)
    if found is None:
        return 0
    op, args = found
    return (op in _SPENDERS) + sum(_count_spenders(a) for a in args)


def is_literal(node: Any) -> bool:
    """True for a JSON value that evaluates to itself (not an operation, not an array)."""
    return not isinstance(node, list) and operation(node) is None


def simple_key(node: Any) -> str | None:
    """The key of ``{"var": "key"}`` (a literal, undotted, non-empty path), else None."""
    found = operation(node)
    if found is None or found[0] != "var" or len(found[1]) != 1:
        return None
    path = found[1][0]
    return path if type(path) is str and path and "." not in path else None


class _Compiler:
    def __init__(self, table: dict[str, Operator], static_budget: int | None) -> None:
        self.table = table
        self.static_budget = static_budget  # None: loops count down the per-call EvalState
        self.needs_budget = False
        self.needs_context = False
        self.boolean: set[Fn] = set()  # closures known to return a bool

    def node(self, node: Any) -> Fn:
        if isinstance(node, list):
            return self.array(node)
        found = operation(node)
        if found is None:
            return _constant(node)
        op, args = found
        builder = _BUILDERS.get(op)
        fn = builder(self, args) if builder is not None else self.call(op, args)
        if op in _BOOLEAN_OPS:
            self.boolean.add(fn)
        return fn

    def test(self, node: Any) -> Fn:
        """A closure giving ``truthy(value of node)`` as a bool."""
        key = simple_key(node)
        if key is not None:
            return lambda d, s: (
                (v := d.get(key) if type(d) is dict else read_var(d, key)) is True
                or (v is not False and truthy(v))
            )
        fn = self.node(node)
        if fn in self.boolean:
            return fn
        return lambda d, s: (v := fn(d, s)) is True or (v is not False and truthy(v))

    def array(self, items: list[Any]) -> Fn:
        parts = [self.node(item) for item in items]
        if all(is_literal(item) for item in items):
            frozen = list(items)
            return lambda d, s: list(frozen)  # a fresh array each time, as in JavaScript
        return lambda d, s: [p(d, s) for p in parts]

    def call(self, op: str, args: list[Any]) -> Fn:
        spec = self.table[op]
        fn = spec.fn
        assert fn is not None
        if op in _COMPARISONS and len(args) == 2:
            return _comparison(self, op, args)
        if op == "in":
            return _membership(self, args)
        if op == "merge":
            return _merge(self, fn, [self.node(a) for a in args])
        if fn is op_add or fn is op_mul:
            return _arithmetic(self, fn is op_mul, args)
        if op == "matches" and (pattern := _safe_pattern(args[1])) is not None:
            return _matches(self.node(args[0]), pattern)
        if spec.needs_state:
            self.needs_context = True
            convert = tariff_value(fn) if op == "tariff" and type(args[0]) is str else None
            if convert is not None:
                return _tariff(fn, convert, args[0], _reader(self, args[1]))
            return _stateful_call(fn, [self.node(a) for a in args], args)
        return _plain_call(fn, [self.node(a) for a in args], args)


def _plain_call(fn: Callable[..., Any], parts: list[Fn], args: list[Any]) -> Fn:
    """``fn(*values)``; a literal argument is passed as is, a ``{"var": key}`` is read inline."""
    key = simple_key(args[0]) if args else None
    if len(parts) == 1:
        (p0,) = parts
        if key is not None:
            return lambda d, s: fn(d.get(key) if type(d) is dict else read_var(d, key))
        return lambda d, s: fn(p0(d, s))
    if len(parts) == 2:
        p0, p1 = parts
        if is_literal(args[1]):
            c1 = args[1]
            if key is not None:
                return lambda d, s: fn(d.get(key) if type(d) is dict else read_var(d, key), c1)
            return lambda d, s: fn(p0(d, s), c1)
        return lambda d, s: fn(p0(d, s), p1(d, s))
    return lambda d, s: fn(*[p(d, s) for p in parts])


def _stateful_call(fn: Callable[..., Any], parts: list[Fn], args: list[Any]) -> Fn:
    """``fn(state, *values)`` for operators that read the context (today, tables, holidays)."""
    if not parts:
        return lambda d, s: fn(s)
    if len(parts) == 1:
        (p0,) = parts
        return lambda d, s: fn(s, p0(d, s))
    if len(parts) == 2 and is_literal(args[0]):
        c0, p1 = args[0], parts[1]
        key = simple_key(args[1])
        if key is not None:
            return lambda d, s: fn(s, c0, d.get(key) if type(d) is dict else read_var(d, key))
        return lambda d, s: fn(s, c0, p1(d, s))
    return lambda d, s: fn(s, *[p(d, s) for p in parts])


def _tariff(fn: Callable[..., Any], convert: Callable[[str], Any], table: str, key: Fn | str) -> Fn:
    """``tariff`` of a literal table: a present row is read inline (its value cached); a null or
    empty key, an unknown table or row and a non-text key are left to the operator itself.
    """
    if isinstance(key, str):
        name = key

        def tariff_key(d: Any, s: Any) -> Any:
            k = d.get(name) if type(d) is dict else read_var(d, name)
            if type(k) is str and k and (rows := s.ctx.tables.get(table)) is not None:
                row = rows.get(k)
                if type(row) is str:
                    return convert(row)
            return fn(s, table, k)

        return tariff_key
    read = key

    def tariff(d: Any, s: Any) -> Any:
        k = read(d, s)
        if type(k) is str and k and (rows := s.ctx.tables.get(table)) is not None:
            row = rows.get(k)
            if type(row) is str:
                return convert(row)
        return fn(s, table, k)

    return tariff


def _safe_pattern(node: Any) -> re.Pattern[str] | None:
    """The compiled literal ``matches`` pattern; None (decide at run time) if not a safe one."""
    if type(node) is not str:
        return None
    try:
        return compile_pattern(node)
    except RuleEvaluationError:
        return None  # raised when (and only if) the operator is evaluated, as before


def _matches(value: Fn, pattern: re.Pattern[str]) -> Fn:
    return lambda d, s: type(v := value(d, s)) is str and pattern.fullmatch(v) is not None


# --- arithmetic --------------------------------------------------------------------------

_CONST, _KEY, _PAIR, _FN = 0, 1, 2, 3
Doubles = tuple[float, ...]


def _operand(c: _Compiler, node: Any) -> tuple[int, Any]:
    """How ``+``/``*`` reads one argument: a pre-parsed literal, a data key, a two-key path
    (``current.luas`` in a ``reduce``) or a closure."""
    if is_literal(node):
        return _CONST, _as_double(node)
    key = simple_key(node)
    if key is not None:
        return _KEY, key
    found = operation(node)
    if found and found[0] == "var" and len(found[1]) == 1 and type(path := found[1][0]) is str:
        keys = path.split(".")
        if len(keys) == 2 and all(k and not _INDEX.match(k) for k in keys):
            return _PAIR, tuple(keys)
    return _FN, c.node(node)


def _flatten_leading(op: str, args: list[Any]) -> list[Any]:
    """``{"*": [{"*": [a, b]}, c]}`` → ``[a, b, c]``: the doubles are combined in the same order,
    and an inner NaN/±Infinity (null once normalised) still makes the whole result null.
    """
    while args and (inner := operation(args[0])) is not None and inner[0] == op and inner[1]:
        args = [*inner[1], *args[1:]]
    return args


def _as_double(value: Any) -> float:
    return float(value) if type(value) in _NUMBER else parse_float(value)


def _arithmetic(c: _Compiler, product: bool, args: list[Any]) -> Fn:
    """``+``/``*`` on doubles without building an argument list (same result as op_add/op_mul).

    Leading literals are folded into the start value (evaluation order is kept, so the doubles
    round exactly as they would one by one).
    """
    if product and not args:
        return lambda d, s: None
    operands = [_operand(c, a) for a in _flatten_leading("*" if product else "+", args)]
    start = 1.0 if product else 0.0
    while operands and operands[0][0] == _CONST:
        value = operands.pop(0)[1]
        start = start * value if product else start + value
    if not operands:
        folded = normalize(start)
        return lambda d, s: folded
    dynamic = [op for op in operands if op[0] != _CONST]
    tail = tuple(how for _, how in operands[len(dynamic) :])
    if operands[: len(dynamic)] == dynamic:  # literals (if any) only after the data values
        if all(kind == _KEY for kind, _ in dynamic):
            return _arithmetic_keys(product, start, tuple(k for _, k in dynamic), tail)
        if len(dynamic) == 1 and dynamic[0][0] == _FN:
            return _arithmetic_fn(product, start, dynamic[0][1], tail)
    steps = tuple(operands)

    def arithmetic(d: Any, s: Any) -> Any:
        total = start
        for kind, how in steps:
            if kind is _KEY:
                x = d.get(how) if type(d) is dict else read_var(d, how)
            elif kind is _FN:
                x = how(d, s)
            elif kind is _PAIR:  # "current.luas": two dict levels, else null
                outer = d.get(how[0]) if type(d) is dict else None
                x = outer.get(how[1]) if type(outer) is dict else None
            else:
                x = how
            if type(x) is not int and type(x) is not float:
                x = parse_float(x)
            total = total * x if product else total + x
        return normalize(total)

    return arithmetic


def _arithmetic_keys(product: bool, start: float, keys: tuple[str, ...], tail: Doubles) -> Fn:
    """``+``/``*`` of data keys then literals, e.g. ``{"*": [{"var": "a"}, {"var": "b"}, 1.5]}``."""

    def arithmetic(d: Any, s: Any) -> Any:
        total = start
        for key in keys:
            x = d.get(key) if type(d) is dict else read_var(d, key)
            if type(x) is not int and type(x) is not float:
                x = parse_float(x)
            total = total * x if product else total + x
        for x in tail:
            total = total * x if product else total + x
        return normalize(total)

    return arithmetic


def _arithmetic_fn(product: bool, start: float, fn: Fn, tail: Doubles) -> Fn:
    """``+``/``*`` of one computed value then literals, e.g. ``{"+": [{"length": …}, 1]}``."""

    def arithmetic(d: Any, s: Any) -> Any:
        x = fn(d, s)
        if type(x) is not int and type(x) is not float:
            x = parse_float(x)
        total = start * x if product else start + x
        for x in tail:
            total = total * x if product else total + x
        return normalize(total)

    return arithmetic


def _constant(value: Any) -> Fn:
    return lambda d, s: value


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
        return lambda d, s: d.get(key) if type(d) is dict else read_var(d, key)
    if any(_INDEX.match(k) for k in keys):
        return lambda d, s: read_var(d, path)
    if len(keys) == 2:
        k0, k1 = keys
        return lambda d, s: d.get(k1) if type(d) is dict and type(d := d.get(k0)) is dict else None

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
    if len(args) == 3:
        cond, yes, no = c.test(args[0]), c.node(args[1]), c.node(args[2])
        return lambda d, s: yes(d, s) if cond(d, s) else no(d, s)
    pairs = [(c.test(args[i]), c.node(args[i + 1])) for i in range(0, len(args) - 1, 2)]
    otherwise = c.node(args[-1]) if len(args) % 2 else None

    def chain(d: Any, s: Any) -> Any:
        for cond, then in pairs:
            if cond(d, s):
                return then(d, s)
        return otherwise(d, s) if otherwise is not None else None

    return chain


def _and(c: _Compiler, args: list[Any]) -> Fn:
    parts = tuple(c.node(a) for a in args)
    if len(parts) == 1:
        return parts[0]
    if all(p in c.boolean for p in parts):
        return _all_true(c, parts)

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
    if all(p in c.boolean for p in parts):
        return _any_true(c, parts)

    def disj(d: Any, s: Any) -> Any:
        current = None
        for p in parts:
            current = p(d, s)
            if current is True or truthy(current):
                return current
        return current

    return disj


def _all_true(c: _Compiler, parts: tuple[Fn, ...]) -> Fn:
    """``and`` of boolean tests: the first false one, else the last (true)."""

    def conj(d: Any, s: Any) -> bool:
        for p in parts:  # noqa: SIM110 - a loop is faster than all() over a generator
            if not p(d, s):
                return False
        return True

    c.boolean.add(conj)
    return conj


def _any_true(c: _Compiler, parts: tuple[Fn, ...]) -> Fn:
    """``or`` of boolean tests: the first true one, else the last (false)."""

    def disj(d: Any, s: Any) -> bool:
        for p in parts:  # noqa: SIM110 - a loop is faster than any() over a generator
            if p(d, s):
                return True
        return False

    c.boolean.add(disj)
    return disj


def _not(c: _Compiler, args: list[Any]) -> Fn:
    p0 = c.test(args[0])
    return lambda d, s: not p0(d, s)


def _truthy(c: _Compiler, args: list[Any]) -> Fn:
    return c.test(args[0])


# --- comparisons -------------------------------------------------------------------------

_COMPARISONS = frozenset({"==", "!=", "===", "!==", "<", "<=", ">", ">="})
_NUMBER = (int, float)
_GENERAL: dict[str, Callable[[Any, Any], bool]] = {
    "==": loose_equal,
    "===": strict_equal,
    "!=": lambda a, b: not loose_equal(a, b),
    "!==": lambda a, b: not strict_equal(a, b),
    "<": less_than,
    "<=": less_equal,
    ">": lambda a, b: less_than(b, a),
    ">=": lambda a, b: less_equal(b, a),
}


_NUMERIC: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "===": operator.eq,
    "!=": operator.ne,
    "!==": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _is_plain_number(value: Any) -> bool:
    return type(value) in _NUMBER


def _comparison(c: _Compiler, op: str, args: list[Any]) -> Fn:
    literal = args[1]
    if op in ("==", "===", "!=", "!==") and (
        _is_plain_number(literal) or type(literal) in (str, bool)
    ):
        return _equals_literal(op, _reader(c, args[0]), literal)
    if op in ("<", "<=", ">", ">=") and _is_plain_number(literal):
        return _order_literal(op, _reader(c, args[0]), float(literal))
    return _compare(op, c.node(args[0]), c.node(args[1]))


def _compare(op: str, left: Fn, right: Fn) -> Fn:
    """Two computed operands: plain numbers compare directly, anything else as JavaScript."""
    general, fast = _GENERAL[op], _NUMERIC[op]

    def compare(d: Any, s: Any) -> bool:
        a, b = left(d, s), right(d, s)
        if (type(a) is int or type(a) is float) and (type(b) is int or type(b) is float):
            return fast(a, b)
        return general(a, b)

    return compare


def _reader(c: _Compiler, node: Any) -> Fn | str:
    """A data key (read inline by the caller) for ``{"var": key}``, else the node's closure."""
    key = simple_key(node)
    return key if key is not None else c.node(node)


def _equals_literal(op: str, left: Fn | str, literal: Any) -> Fn:
    """``==``/``===``/``!=``/``!==`` against a literal number, string or boolean.

    When the value has the literal's JSON type, JavaScript ``==`` and ``===`` both compare
    values, so Python ``==`` answers; null equals none of these literals (not even loosely);
    other types take the general (coercing) path.
    """
    kinds = _NUMBER if type(literal) in _NUMBER else (type(literal),)
    general = strict_equal if op in ("===", "!==") else loose_equal
    negate = op in ("!=", "!==")

    if isinstance(left, str):
        key = left

        def equal_key(d: Any, s: Any) -> bool:
            a = d.get(key) if type(d) is dict else read_var(d, key)
            if type(a) in kinds:
                return (a == literal) is not negate
            return (a is not None and general(a, literal)) is not negate

        return equal_key

    def equal(d: Any, s: Any) -> bool:
        a = left(d, s)
        if type(a) in kinds:
            return (a == literal) is not negate
        return (a is not None and general(a, literal)) is not negate

    return equal


def _order_literal(op: str, left: Fn | str, limit: float) -> Fn:
    """``<``/``<=``/``>``/``>=`` against a literal number (the commonest eligibility clause)."""
    general: Callable[[Any], bool] = {
        "<": lambda a: less_than(a, limit),
        "<=": lambda a: less_equal(a, limit),
        ">": lambda a: less_than(limit, a),
        ">=": lambda a: less_equal(limit, a),
    }[op]
    fast: Callable[[Any], bool] = {  # the float method answers for any int or float
        "<": limit.__gt__,
        "<=": limit.__ge__,
        ">": limit.__lt__,
        ">=": limit.__le__,
    }[op]

    if isinstance(left, str):
        key = left

        def order_key(d: Any, s: Any) -> bool:
            a = d.get(key) if type(d) is dict else read_var(d, key)
            return fast(a) if type(a) is int or type(a) is float else general(a)

        return order_key

    def order(d: Any, s: Any) -> bool:
        a = left(d, s)
        return fast(a) if type(a) is int or type(a) is float else general(a)

    return order


def _membership(c: _Compiler, args: list[Any]) -> Fn:
    literal = args[1]
    if isinstance(literal, list) and literal and all(type(x) is str for x in literal):
        choices = frozenset(literal)
        key = simple_key(args[0])
        if key is not None:
            return lambda d, s: (
                (a in choices)
                if type(a := (d.get(key) if type(d) is dict else read_var(d, key))) is str
                else False
            )
        needle = c.node(args[0])
        return lambda d, s: (a in choices) if type(a := needle(d, s)) is str else False
    needle, haystack = c.node(args[0]), c.node(args[1])
    return lambda d, s: op_in(needle(d, s), haystack(d, s))


# --- loops -------------------------------------------------------------------------------
#
# The step budget is spent here only: loops are the one place where data can make a rule do
# unbounded work. A rule with a single loop (or ``merge``) checks it against the budget left at
# compile time (``static_budget``), with no per-call state; otherwise the loops count down the
# per-call ``EvalState``. ``map``/``filter``/``reduce`` visit every item, so they charge
# ``items × per-item cost`` up front; ``all``/``some``/``none`` may stop early, so they pay per
# item visited (an inline decrement) or, with a static budget, visit at most ``budget // cost``.

Charge = Callable[[Any, int], None]


def _charger(c: _Compiler) -> Charge:
    """``charge(state, steps)``: spend ``steps`` of the budget, or raise once it is exhausted."""
    limit = c.static_budget
    if limit is None:
        c.needs_budget = True
        return _charge_state

    def check(s: Any, steps: int) -> None:
        if steps > limit:
            budget_exceeded()

    return check


def _charge_state(s: Any, steps: int) -> None:
    s.remaining -= steps
    if s.remaining < 0:
        s.exhausted()


def _merge(c: _Compiler, fn: Callable[..., Any], parts: list[Fn]) -> Fn:
    charge = _charger(c)

    def merge(d: Any, s: Any) -> Any:
        result = fn(*[p(d, s) for p in parts])
        charge(s, len(result))
        return result

    return merge


def _map(c: _Compiler, args: list[Any]) -> Fn:
    items, logic, cost, charge = c.node(args[0]), c.node(args[1]), guard(args[1]), _charger(c)

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        if type(xs) is not list:
            return []
        charge(s, cost * len(xs))
        return [logic(x, s) for x in xs]

    return run


def _filter(c: _Compiler, args: list[Any]) -> Fn:
    items, logic, cost, charge = c.node(args[0]), c.test(args[1]), guard(args[1]), _charger(c)

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        if type(xs) is not list:
            return []
        charge(s, cost * len(xs))
        return [x for x in xs if logic(x, s)]

    return run


def _quantifier(kind: str) -> Callable[[_Compiler, list[Any]], Fn]:
    """``all`` (every item true, false for no items), ``some``, ``none``."""
    stop_on = kind != "all"  # the test result that decides early
    decided = kind == "some"  # what an early stop returns (all: False, some: True, none: False)
    empty = kind == "none"

    def build(c: _Compiler, args: list[Any]) -> Fn:
        items, logic, cost = c.node(args[0]), c.test(args[1]), guard(args[1])
        if c.static_budget is None:
            c.needs_budget = True
            return counted(items, logic, cost)
        return bounded(items, logic, c.static_budget // cost)

    def counted(items: Fn, logic: Fn, cost: int) -> Fn:
        def run(d: Any, s: Any) -> bool:
            xs = items(d, s)
            if type(xs) is not list or not xs:
                return empty
            for x in xs:
                s.remaining -= cost
                if s.remaining < 0:
                    s.exhausted()
                if logic(x, s) is stop_on:
                    return decided
            return not decided

        return run

    def bounded(items: Fn, logic: Fn, limit: int) -> Fn:
        """The budget pays for ``limit`` items: visiting one more raises."""

        def run(d: Any, s: Any) -> bool:
            xs = items(d, s)
            if type(xs) is not list or not xs:
                return empty
            over = len(xs) > limit
            for x in xs[:limit] if over else xs:
                if logic(x, s) is stop_on:
                    return decided
            if over:
                budget_exceeded()
            return not decided

        return run

    return build


def _reduce(c: _Compiler, args: list[Any]) -> Fn:
    items, cost, charge = c.node(args[0]), guard(args[1]), _charger(c)
    initial = c.node(args[2]) if len(args) > 2 else _constant(None)
    running_sum = _running_sum(args[1])
    if running_sum is not None:
        term, accumulator_first = running_sum
        add = c.table["+"].fn
        per_item = c.node(term)  # reads the item itself, not {"current": …}
        if add is op_add:
            return _reduce_sum(items, initial, per_item, cost, charge)
        assert add is not None
        return _reduce_add(items, initial, per_item, cost, charge, add, accumulator_first)
    logic = c.node(args[1])

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        accumulator = initial(d, s)
        if type(xs) is not list:
            return accumulator
        charge(s, cost * len(xs))
        for x in xs:
            accumulator = logic({"current": x, "accumulator": accumulator}, s)
        return accumulator

    return run


def _reduce_sum(items: Fn, initial: Fn, term: Fn, cost: int, charge: Charge) -> Fn:
    """``reduce`` with ``{"+": [accumulator, term]}`` in doubles: op_add inline, no item dict.

    ``0.0 + a + b`` is what op_add computes for either order of the two operands.
    """

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        accumulator = initial(d, s)
        if type(xs) is not list:
            return accumulator
        charge(s, cost * len(xs))
        for x in xs:
            a, b = accumulator, term(x, s)
            if type(a) is not int and type(a) is not float:
                a = parse_float(a)
            if type(b) is not int and type(b) is not float:
                b = parse_float(b)
            accumulator = normalize(0.0 + a + b)
        return accumulator

    return run


def _reduce_add(
    items: Fn,
    initial: Fn,
    term: Fn,
    cost: int,
    charge: Charge,
    add: Callable[..., Any],
    accumulator_first: bool,
) -> Fn:
    """``reduce`` with ``{"+": [accumulator, term]}`` through the table's ``+`` (Decimal)."""

    def run(d: Any, s: Any) -> Any:
        xs = items(d, s)
        accumulator = initial(d, s)
        if type(xs) is not list:
            return accumulator
        charge(s, cost * len(xs))
        for x in xs:
            value = term(x, s)
            accumulator = add(accumulator, value) if accumulator_first else add(value, accumulator)
        return accumulator

    return run


_ITEM_BLIND = frozenset(
    {"map", "filter", "reduce", "all", "some", "none", "missing", "missing_some"}
)


class _NotItemOnly(Exception):
    """The logic reads something besides ``current`` (see :func:`_item_only`)."""


def _running_sum(logic: Any) -> tuple[Any, bool] | None:
    """For ``{"+": [{"var": "accumulator"}, term]}`` (either order) whose ``term`` reads only
    ``current``: ``term`` rewritten to read the item as its data, and whether the accumulator
    comes first. None for any other per-item logic.
    """
    found = operation(logic)
    if found is None or found[0] != "+" or len(found[1]) != 2:
        return None
    first, second = found[1]
    if operation(first) == ("var", ["accumulator"]):
        term, accumulator_first = second, True
    elif operation(second) == ("var", ["accumulator"]):
        term, accumulator_first = first, False
    else:
        return None
    try:
        return _item_only(term), accumulator_first
    except _NotItemOnly:
        return None


def _item_only(node: Any) -> Any:
    """``node`` with ``{"var": "current.path"}`` → ``{"var": "path"}`` (``current`` → ``""``).

    Raises:
        _NotItemOnly: ``node`` reads anything else (``accumulator``, other paths, computed paths,
            ``missing``) or has a loop of its own (its ``current`` is another item).
    """
    if isinstance(node, list):
        return [_item_only(item) for item in node]
    found = operation(node)
    if found is None:
        return node
    op, args = found
    if op in _ITEM_BLIND:
        raise _NotItemOnly(op)
    if op != "var":
        return {op: [_item_only(a) for a in args]}
    path = args[0] if args else None
    if type(path) is not str or not (path == "current" or path.startswith("current.")):
        raise _NotItemOnly(path)
    rest = path[len("current.") :]
    if path != "current" and not all(rest.split(".")):
        raise _NotItemOnly(path)  # an empty segment ("current..x") is not a plain path
    return {"var": [rest, *(_item_only(a) for a in args[1:])]}


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
