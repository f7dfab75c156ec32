"""The compiler's specialised shapes give what the reference interpreter gives, on odd data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import rules
from rules.interpreter import interpret
from rules.limits import MAX_STEPS, guard

CTX = rules.EvalContext.with_definition_tables(
    {"t": {"label": {}, "rows": {"A": "3", "B": "1.5"}}}, today=date(2025, 3, 14)
)
ODD_VALUES: list[Any] = [
    None, True, False, 0, 1, -0.0, 2.5, "", "0", "1", " 2 ", "abc", "2025-03-01",
    [], [1], [1, 2], {}, {"x": 1}, 10**30, "A", "3201014506900001",
    "01.234.567.8-901.000", "٣٢٠١٠١٤٥٠٦٩٠٠٠٠١",
]  # fmt: skip
SHAPES: list[Any] = [
    {"==": [{"var": "a"}, "rejected"]},
    {"!=": [{"var": "a"}, 1]},
    {"===": [{"var": "a.x"}, True]},
    {"!==": [{"var": "a"}, ""]},
    {"<": [{"var": "a"}, 1]},
    {">=": [{"+": [{"var": "a"}, 0]}, 1]},
    {"<=": [{"var": "a"}, {"var": "b"}]},
    {">": [{"*": [{"var": "a"}, {"var": "b"}]}, {"var": "b"}]},
    {"==": [{"var": "a"}, {"var": "b"}]},
    {"in": [{"var": "a"}, ["A", "B", "1"]]},
    {"*": [2, 1.5, {"var": "a"}, 3]},
    {"+": ["1", {"var": "a"}, {"var": "b"}, 0.1]},
    {"*": [{"var": "a"}, {"var": "b.x"}]},
    {"+": [1, 2]},
    {"+": [{"var": "a.x"}, 1]},
    {"*": [{"var": "b"}, {"var": "a.x"}, 2]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current.x"}]}, 0]},
    {"if": [{"var": "a"}, {"var": "a"}, {"var": "b"}]},
    {"if": [{"==": [{"var": "a"}, 1]}, "one", {"<": [{"var": "b"}, 2]}, "small", "other"]},
    {"and": [{"<": [{"var": "a"}, 5]}, {"!": {"var": "b"}}]},
    {"or": [{"==": [{"var": "a"}, 0]}, {"!!": {"var": "b"}}]},
    {"and": [{"var": "a"}, {"var": "b"}]},
    {"!!": [{"==": [{"var": "a"}, 1]}]},
    {"valid_nik": [{"var": "a"}]},
    {"valid_npwp": [{"var": "a"}]},
    {"matches": [{"var": "a"}, "[0-9]{4}-.*"]},
    {"matches": [{"var": "a"}, "(a+)+"]},
    {"length": [{"var": "a"}]},
    {"+": [{"length": [{"var": "a"}]}, 1]},
    {"substr": [{"var": "a"}, 1]},
    {"tariff": ["t", {"var": "a"}]},
    {"days_between": [{"today": []}, {"var": "a"}]},
    {"age": [{"var": "a"}]},
    {"all": [{"var": "a"}, {"<=": [{"var": ""}, {"var": ""}]}]},
    {"some": [{"var": "a"}, {"==": [{"var": ""}, 1]}]},
    {"none": [{"var": "a"}, {"var": ""}]},
    {"filter": [{"var": "a"}, {"var": ""}]},
]


def outcome(fn: Any) -> Any:
    try:
        return ("value", fn())
    except rules.RuleError as exc:
        return ("error", type(exc).__name__)


@pytest.mark.parametrize("rule", SHAPES)
def test_specialised_shapes_match_the_interpreter(rule: Any) -> None:
    compiled = rules.compile(rule)
    for a in ODD_VALUES:
        for b in ODD_VALUES[::4]:
            data = {"a": a, "b": b}
            expected = outcome(lambda: interpret(rule, data, CTX))  # noqa: B023
            assert outcome(lambda: compiled(data, CTX)) == expected, (rule, data)  # noqa: B023


def test_context_rules_work_without_a_context() -> None:
    assert rules.evaluate({"today": []}, {}) == date.today().isoformat()
    assert rules.evaluate({"today": []}, {}, CTX) == "2025-03-14"
    assert CTX.reader is CTX.reader


# --- loops: running sums read the item directly; single-loop rules check the budget statically

ITEM_LISTS: list[Any] = [
    None, "ab", [], [None], [[1, 2], [3]], ["2", " 3", "x"], [1, 2.5, -0.0],
    [{"x": 1, "k": "A"}, {"x": None, "k": "B"}, {"x": "2", "k": ""}, {"k": "Z"}],
    [{"x": [1], "k": None}, {"x": {"y": 2}, "k": 3}, "str", True, {"x": 10**30}],
    [{"x": 1.5, "y": {"z": 2}}, {"y": {"z": "3"}}, {"y": [4]}],
]  # fmt: skip
ROW_OF_CURRENT = {"tariff": ["t", {"var": "current.k"}]}
LOOP_SHAPES: list[Any] = [
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current.x"}]}, 0]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "current"}, {"var": "accumulator"}]}, 0]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current.x"}]}]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current.0"}]}, "1"]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current.y.z"}]}, 0]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": ["current.x", 5]}]}, 0]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current..x"}]}, 0]},
    {
        "reduce": [
            {"var": "a"},
            {"+": [{"var": "accumulator"}, {"*": [{"var": "current.x"}, ROW_OF_CURRENT]}]},
            0,
        ]
    },
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "b"}]}, 0]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": ""}]}, 0]},
    {"reduce": [{"var": "a"}, {"*": [{"var": "accumulator"}, {"var": "current.x"}]}, 1]},
    {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"length": {"var": "current"}}]}, 0]},
    {"reduce": [{"filter": [{"var": "a"}, {"var": "x"}]}, {"+": [{"var": "accumulator"}, 1]}, 0]},
    {"*": [{"*": [{"var": "b"}, 2]}, {"var": "b"}, {"tariff": ["t", {"var": "b"}]}, 3]},
    {"+": [{"+": [{"+": ["1", {"var": "b"}]}, 0.1]}, {"var": "b"}]},
    {"tariff": ["t", {"var": "b"}]},
    {"tariff": ["t", {"if": [{"var": "b"}, {"var": "b"}, "A"]}]},
    {"tariff": ["nope", {"var": "b"}]},
    {"some": [{"var": "a"}, {"==": [{"var": "k"}, "B"]}]},
    {"all": [{"var": "a"}, {"var": "x"}]},
    {"none": [{"var": "a"}, {"var": "x"}]},
    {"merge": [{"var": "a"}, {"var": "b"}]},
]  # fmt: skip


@pytest.mark.parametrize("rule", LOOP_SHAPES)
@pytest.mark.parametrize("decimal", [False, True])
def test_loop_shapes_match_the_interpreter(rule: Any, decimal: bool) -> None:
    compiled = rules.compile(rule, decimal=decimal)
    for a in ITEM_LISTS:
        for b in [None, "A", "B", "C", "", 2, "3", [1], {"x": 1}]:
            data = {"a": a, "b": b}
            expected = outcome(lambda: interpret(rule, data, CTX, decimal=decimal))  # noqa: B023
            assert outcome(lambda: compiled(data, CTX)) == expected, (rule, data)  # noqa: B023


def test_a_single_loop_is_bounded_without_per_call_state() -> None:
    cost = guard({"var": "x"})  # per item
    budget = MAX_STEPS - guard({"map": [{"var": "a"}, {"var": "x"}]})  # less the rule's nodes
    fits, over = budget // cost, budget // cost + 1
    for op in ("map", "filter", "all", "none"):
        rule = {op: [{"var": "a"}, {"var": "x"}]}
        rules.compile(rule)({"a": [{"x": op != "all" and op != "none"}] * fits})
        with pytest.raises(rules.RuleBudgetExceededError):
            rules.compile(rule)({"a": [{"x": op == "all"}] * over})
    # ``some`` stops at the first true item, so a long list is fine when it stops early
    some = {"some": [{"var": "a"}, {"var": "x"}]}
    assert rules.compile(some)({"a": [{"x": True}] + [{"x": False}] * over}) is True
    with pytest.raises(rules.RuleBudgetExceededError):
        rules.compile(some)({"a": [{"x": False}] * over + [{"x": True}]})
    total = {"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]}
    per_item = guard(total["reduce"][1])
    items = (MAX_STEPS - guard(total)) // per_item
    assert rules.compile(total)({"a": [1] * items}) == items
    with pytest.raises(rules.RuleBudgetExceededError):
        rules.compile(total)({"a": [1] * (items + 1)})


def test_two_loops_share_one_budget() -> None:
    rule = {"+": [{"reduce": [{"var": "a"}, {"+": [{"var": "accumulator"}, 1]}, 0]}] * 2}
    half = [1] * 30_000  # 60,000 items of cost 5 > 100,000 steps, though each loop fits alone
    with pytest.raises(rules.RuleBudgetExceededError):
        rules.compile(rule)({"a": half})
    assert rules.compile(rule)({"a": half[:5_000]}) == 10_000
