"""The compiler's specialised shapes give what the reference interpreter gives, on odd data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import rules
from rules.interpreter import interpret

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
