"""The test-bench runner compares every expectation of every case and lists the conditional
rules no case makes bite. Engines are fakes: no rules engine, no Flask, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from admin.test_bench import fee_lines, run_test_cases


@dataclass
class Outcome:
    id: str
    passed: bool


@dataclass
class Doc:
    code: str
    required: bool


@dataclass
class Line:
    id: str
    amount: Decimal


@dataclass
class Fees:
    items: list[Line]
    total: Decimal


@dataclass
class Evaluation:
    eligibility: list[Outcome]
    documents: list[Doc]
    fees: Any
    visible_fields: set[str] = field(default_factory=set)
    required_fields: set[str] = field(default_factory=set)


DEFINITION = {
    "form": {
        "pages": [
            {
                "id": "p",
                "fields": [
                    {"id": "luas", "type": "number"},
                    {
                        "id": "nib",
                        "type": "nib",
                        "visible_if": {"var": "punya_nib"},
                        "required_if": {"var": "punya_nib"},
                    },
                ],
            }
        ]
    },
    "documents": [
        {"code": "ktp", "required": True},
        {"code": "nib_dok", "required": False, "required_if": {"var": "punya_nib"}},
    ],
    "eligibility": [{"id": "luas_wajar"}, {"id": "umur"}],
    "fees": {"items": [{"id": "retribusi"}, {"id": "denda", "when": {"var": "terlambat"}}]},
    "workflow": {
        "steps": [
            {"id": "verifikasi"},
            {"id": "survei", "skip_if": {"var": "kecil"}},
            {"id": "ttd"},
        ]
    },
    "test_cases": [
        {
            "id": "besar",
            "data": {"luas": 900},
            "expect": {
                "eligible": False,
                "failed_rules": ["luas_wajar"],
                "fees": {"items": {"retribusi": "1500"}, "total": "1500.00"},
                "documents": ["ktp"],
                "route": ["verifikasi", "survei", "ttd"],
            },
        },
        {
            "id": "salah",
            "data": {"luas": 10},
            "expect": {
                "eligible": False,
                "documents": ["ktp", "nib_dok"],
                "route": ["verifikasi", "ttd"],
            },
        },
    ],
}


def fake_evaluate(definition, data, ctx, *, kind="new"):
    big = data["luas"] > 100
    return Evaluation(
        eligibility=[Outcome("luas_wajar", not big), Outcome("umur", True)],
        documents=[Doc("ktp", True), Doc("nib_dok", False)],
        fees=Fees([Line("retribusi", Decimal("1500"))], Decimal("1500")),
        visible_fields={"luas", "nib"},
    )


def fake_route(definition, data, ctx):
    return ["verifikasi", "survei", "ttd"]


def run():
    return run_test_cases(DEFINITION, None, evaluate=fake_evaluate, simulate_route=fake_route)


def test_every_expectation_is_one_check_and_decimals_compare_by_value():
    first = run().cases[0]
    assert [c.name for c in first.checks] == [
        "eligible",
        "failed_rules",
        "fees.items",
        "fees.total",
        "documents",
        "route",
    ]
    assert first.passed


def test_a_failing_case_reports_which_check_failed_with_expected_and_actual():
    report = run()
    second = report.cases[1]
    assert not report.passed and report.failed == [second]
    failed = {c.name: (c.expected, c.actual) for c in second.checks if not c.passed}
    assert failed == {
        "eligible": (False, True),
        "documents": (["ktp", "nib_dok"], ["ktp"]),
        "route": (["verifikasi", "ttd"], ["verifikasi", "survei", "ttd"]),
    }


def test_rules_no_case_makes_bite_are_listed_with_their_pointers():
    uncovered = {(u.kind, u.id, u.pointer) for u in run().uncovered}
    assert uncovered == {
        ("eligibility", "umur", "/eligibility/1/rule"),
        ("document_required_if", "nib_dok", "/documents/1/required_if"),
        ("field_required_if", "nib", "/form/pages/0/fields/1/required_if"),
        ("field_visible_if", "nib", "/form/pages/0/fields/1/visible_if"),
        ("fee_when", "denda", "/fees/items/1/when"),
        ("step_skip_if", "survei", "/workflow/steps/1/skip_if"),
    }


def test_an_engine_error_fails_the_case_without_breaking_the_bench():
    def broken(*args, **kwargs):
        raise ValueError("tariff table missing")

    report = run_test_cases(DEFINITION, None, evaluate=broken, simulate_route=fake_route)
    assert [c.error for c in report.cases] == ["ValueError: tariff table missing"] * 2
    assert not report.passed


def test_no_cases_means_nothing_fails_but_every_rule_is_uncovered():
    definition = {**DEFINITION, "test_cases": []}
    report = run_test_cases(definition, None, evaluate=fake_evaluate, simulate_route=fake_route)
    assert report.passed and len(report.uncovered) == 7


def test_fee_lines_accept_objects_dicts_and_free_or_unassessed_fees():
    assert fee_lines(None) == ({}, None)
    assert fee_lines({"items": [{"id": "a", "amount": "10"}], "total": "10"}) == ({"a": "10"}, "10")
    assert fee_lines(Fees([], Decimal("0"))) == ({}, "0")


def test_report_serialises_to_json_safe_data():
    import json

    json.dumps(run().to_dict())
