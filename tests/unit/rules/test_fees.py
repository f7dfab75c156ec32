"""Fee assessment in exact decimals with the item's rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest

import rules

TABLES = {
    "indeks_lokasi": {"label": {"id": "Indeks", "en": "Index"}, "rows": {"A": "3", "C": "1.5"}}
}
CTX = rules.EvalContext.with_definition_tables(TABLES)


def item(formula: object, mode: str = "half_up", to: int = 1, **extra: object) -> dict:
    return {
        "id": extra.pop("id", "retribusi"),
        "label": {"id": "Retribusi", "en": "Levy"},
        "formula": formula,
        "rounding": {"mode": mode, "to": to},
        "legal_basis": "Perda 1/2024",
        **extra,
    }


def assess(*items: dict, data: dict | None = None) -> rules.FeeAssessment:
    return rules.assess_fees({"free": False, "items": list(items)}, data or {}, CTX)


def test_free_permit() -> None:
    result = rules.assess_fees({"free": True}, {}, CTX)
    assert result.lines == [] and result.total == Decimal("0")


def test_no_float_errors_reach_the_amount() -> None:
    result = assess(item({"*": [{"+": [0.1, 0.2]}, 10]}, "down", 1))
    assert result.lines[0].amount == Decimal("3")  # float: 3.0000000000000004 → 3, 0.1*3 → 2.99…
    tenth = assess(item({"*": [{"var": "n"}, 0.1]}, "down", 1), data={"n": 30})
    assert tenth.total == Decimal("3")


def test_line_items_labels_and_total() -> None:
    result = assess(
        item(
            {"*": [{"var": "luas"}, {"tariff": ["indeks_lokasi", {"var": "kelas"}]}, 1234.5]},
            "up",
            100,
        ),
        item(25000, id="papan", when={"var": "papan"}),
        item(1, id="skip", when=False),
        data={"luas": 120.5, "kelas": "C", "papan": True},
    )
    assert [(line.id, line.amount) for line in result.lines] == [
        ("retribusi", Decimal("223200")),  # 223134.375 rounded up to 100
        ("papan", Decimal("25000")),
    ]
    assert result.total == Decimal("248200")
    assert result.lines[0].label == {"id": "Retribusi", "en": "Levy"}
    assert result.lines[0].legal_basis == "Perda 1/2024"
    assert all(isinstance(line.amount, Decimal) for line in result.lines)


@pytest.mark.parametrize(
    ("value", "mode", "to", "expected"),
    [
        (1250, "half_up", 100, "1300"),
        (1249.99, "half_up", 100, "1200"),
        (1201, "up", 100, "1300"),
        (1999, "down", 1000, "1000"),
        (1234.5, "half_up", 1, "1235"),
        (1234.5, "down", 1, "1234"),
    ],
)
def test_rounding(value: float, mode: str, to: int, expected: str) -> None:
    assert assess(item(value, mode, to)).total == Decimal(expected)


def test_non_numeric_formula_names_the_item() -> None:
    with pytest.raises(rules.RuleEvaluationError, match="'retribusi'"):
        assess(item({"var": "tidak_ada"}))
    with pytest.raises(rules.RuleEvaluationError, match="'retribusi'.*'Z'"):
        assess(item({"tariff": ["indeks_lokasi", "Z"]}))
