"""Allow-list, limits and budget: no rule can run code, crash the stack or hang the service."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import json_logic
import pytest

import rules
from rules import (
    RuleBudgetExceededError,
    RuleEvaluationError,
    RuleTooDeepError,
    RuleTooLargeError,
    UnknownOperatorError,
)

METHOD_RULE = {"method": ["echo hi", "upper"]}


def test_method_removed_from_json_logic_qubit() -> None:
    assert "method" not in json_logic.operations
    assert "method" not in json_logic._common_operations


def test_method_refused_by_evaluate_and_compile() -> None:
    with pytest.raises(UnknownOperatorError, match="method"):
        rules.evaluate(METHOD_RULE, {})
    with pytest.raises(UnknownOperatorError):
        rules.compile({"if": [False, METHOD_RULE, 1]})


def test_method_refused_by_check() -> None:
    problems = rules.check({"and": [True, METHOD_RULE]}, [])
    assert [(p.code, p.pointer) for p in problems] == [("unknown_operator", "/and/1")]


@pytest.mark.parametrize("op", ["Math.max", "__import__", "eval", "count", "toString"])
def test_operators_off_the_allow_list_are_refused(op: str) -> None:
    with pytest.raises(UnknownOperatorError):
        rules.evaluate({op: [1]}, {})
    assert rules.check({op: [1]}, [])[0].code == "unknown_operator"


def test_allow_list_is_the_documented_set() -> None:
    assert "method" not in rules.ALLOWED_OPERATORS
    assert {"var", "if", "tariff", "round_money", "working_days_between"} <= (
        rules.ALLOWED_OPERATORS
    )


def nested(depth: int) -> Any:
    rule: Any = {"var": "x"}
    for _ in range(depth):
        rule = {"!": [rule]}
    return rule


def test_rule_nested_100000_deep_is_refused() -> None:
    rule = nested(100_000)
    with pytest.raises(RuleTooDeepError):
        rules.evaluate(rule, {})
    with pytest.raises(RuleTooDeepError):
        rules.compile(rule)
    assert [p.code for p in rules.check(rule, ["x"], pointer="/rule")] == ["too_deep"]


def test_rule_with_a_million_nodes_is_refused() -> None:
    wide = {"+": list(range(1_000_000))}
    with pytest.raises(RuleTooLargeError):
        rules.evaluate(wide, {})
    assert [p.code for p in rules.check(wide, [])] == ["too_large"]


def test_rule_at_the_limits_is_accepted() -> None:
    assert rules.evaluate(nested(rules.MAX_DEPTH // 2 - 2), {"x": 1}) is True


def test_step_budget_stops_data_driven_loops() -> None:
    rule = {"map": [{"var": "xs"}, {"map": [{"var": ""}, {"+": [{"var": ""}, 1]}]}]}
    data = {"xs": [list(range(1000))] * 200}
    with pytest.raises(RuleBudgetExceededError):
        rules.evaluate(rule, data)


def test_quadratic_merge_is_charged() -> None:
    rule = {"reduce": [{"var": "xs"}, {"merge": [{"var": "accumulator"}, [1]]}, []]}
    with pytest.raises(RuleBudgetExceededError):
        rules.evaluate(rule, {"xs": list(range(5000))})


def test_hostile_data_gives_a_typed_error() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(RuleEvaluationError):
        rules.evaluate({"cat": [{"var": "d"}]}, {"d": deep})


def test_catastrophic_pattern_is_refused() -> None:
    with pytest.raises(RuleEvaluationError):
        rules.evaluate({"matches": [{"var": "s"}, "(a+)+$"]}, {"s": "a" * 40 + "!"})


def test_non_json_rule_is_a_rule_error() -> None:
    with pytest.raises(rules.RuleError):
        rules.evaluate({"==": [{1, 2}, 1]}, {})


def test_rules_imports_nothing_from_flask() -> None:
    code = (
        "import sys, rules, rules.parity\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug', 'jinja2')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("op", ["all", "some", "none"])
def test_step_budget_stops_quantifiers(op: str) -> None:
    # The per-item logic never decides early, so every item is visited and charged.
    decides = {"all": True, "some": False, "none": False}[op]
    rule = {op: [{"var": "xs"}, {"==": [{"+": [{"var": ""}, 0]}, {"var": ""}]}]}
    if not decides:
        rule = {op: [{"var": "xs"}, {"!": {"==": [{"+": [{"var": ""}, 0]}, {"var": ""}]}}]}
    with pytest.raises(RuleBudgetExceededError):
        rules.evaluate(rule, {"xs": list(range(20_000))})
    assert rules.evaluate(rule, {"xs": list(range(100))}) is (op != "some")


def test_step_budget_stops_a_long_reduce() -> None:
    rule = {"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]}
    assert rules.evaluate(rule, {"xs": list(range(100))}) == 4950
    with pytest.raises(RuleBudgetExceededError):
        rules.evaluate(rule, {"xs": list(range(40_000))})


def test_budget_is_per_evaluation() -> None:
    # A compiled rule reused many times never accumulates spending across calls.
    compiled = rules.compile({"map": [{"var": "xs"}, {"+": [{"var": ""}, 1]}]})
    for _ in range(100):
        assert compiled({"xs": list(range(10_000))})[-1] == 10_000
