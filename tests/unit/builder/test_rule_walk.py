from __future__ import annotations

from typing import Any

import pytest

from builder.rule_walk import is_constant_false, iter_vars, numeric_vars, tariff_tables


@pytest.mark.parametrize(
    "rule", [False, 0, "", None, [], {"!": True}, {"!": [1]}, {"and": [True, False]}]
)
def test_constant_false(rule: Any) -> None:
    assert is_constant_false(rule)


@pytest.mark.parametrize(
    "rule", [True, 1, "x", {"var": "a"}, {"!": {"var": "a"}}, [1], {"==": [1, 2]}]
)
def test_not_constant_false(rule: Any) -> None:
    assert not is_constant_false(rule)


def test_iter_vars_skips_per_item_logic() -> None:
    rule = {
        "reduce": [
            {"var": "bangunan"},
            {"+": [{"var": "accumulator"}, {"var": "current.luas"}]},
            {"var": "awal"},
        ]
    }
    assert list(iter_vars(rule, "/r")) == [("bangunan", "/r/reduce/0"), ("awal", "/r/reduce/2")]
    assert list(iter_vars({"var": ["a.b", 0]})) == [("a.b", "")]


def test_numeric_positions() -> None:
    rule = {
        "*": [
            {"var": "luas"},
            {"tariff": ["indeks", {"var": "kelas"}]},
            {"if": [{"==": [{"var": "jenis"}, "toko"]}, 2, {"var": "faktor"}]},
        ]
    }
    assert [n for n, _ in numeric_vars(rule)] == ["luas", "faktor"]
    assert list(tariff_tables(rule, "/f")) == [("indeks", "/f/*/1/tariff/0")]
