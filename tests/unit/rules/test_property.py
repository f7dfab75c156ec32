"""Property: the compiled closures give exactly what the reference interpreter gives."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rules
from rules.interpreter import interpret

CTX = rules.EvalContext.with_definition_tables(
    {"t": {"label": {}, "rows": {"A": "3", "1": "1.5"}}},
    today=date(2025, 3, 14),
    holidays=[date(2025, 3, 31)],
)
NAMES = ["a", "b", "c", "items", "a.x", "items.0", "current", "accumulator", ""]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.sampled_from(
        ["", "0", "1", "1.5", "abc", "10", " 2 ", "2025-03-01", "A", "3201014506900001"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["x", "y"]), inner, max_size=2)
    ),
    max_leaves=8,
)
data = st.fixed_dictionaries(
    {"a": values, "b": values, "c": values, "items": st.lists(values, max_size=5)}
)

PLAIN_OPS = [
    "==",
    "===",
    "!=",
    "!==",
    "<",
    "<=",
    ">",
    ">=",
    "!!",
    "!",
    "%",
    "in",
    "cat",
    "substr",
    "+",
    "*",
    "-",
    "/",
    "min",
    "max",
    "merge",
    "if",
    "?:",
    "and",
    "or",
    "missing",
    "days_between",
    "add_days",
    "age",
    "year",
    "length",
    "valid_nik",
    "valid_npwp",
    "log",
    "working_days_between",
    "add_working_days",
    "today",
]
SCOPED_OPS = ["map", "filter", "all", "some", "none", "reduce"]


def operation(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    def build(op: str, args: list[Any]) -> Any:
        spec = rules.operators.ALL_OPERATORS[op]
        count = max(spec.min_args, min(len(args), spec.max_args or len(args)))
        padded = (args * 3)[:count] if args else [None] * count
        return {op: padded}

    plain = st.builds(build, st.sampled_from(PLAIN_OPS), st.lists(children, min_size=1, max_size=4))
    scoped = st.builds(
        lambda op, source, logic: {op: [source, logic] + ([0] if op == "reduce" else [])},
        st.sampled_from(SCOPED_OPS),
        st.one_of(st.just({"var": "items"}), children),
        children,
    )
    return st.one_of(plain, scoped)


leaves = st.one_of(scalars, st.builds(lambda n: {"var": n}, st.sampled_from(NAMES)))
rule_strategy = st.recursive(leaves, operation, max_leaves=25)


def run(fn: Any) -> Any:
    try:
        return ("value", fn())
    except rules.RuleError as exc:
        return ("error", type(exc).__name__)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule=rule_strategy, payload=data)
def test_compiled_equals_interpreter(rule: Any, payload: dict[str, Any]) -> None:
    assert run(lambda: rules.compile(rule)(payload, CTX)) == run(
        lambda: interpret(rule, payload, CTX)
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule=rule_strategy, payload=data)
def test_compiled_equals_interpreter_in_fee_arithmetic(rule: Any, payload: dict[str, Any]) -> None:
    assert run(lambda: rules.compile(rule, decimal=True)(payload, CTX)) == run(
        lambda: interpret(rule, payload, CTX, decimal=True)
    )
