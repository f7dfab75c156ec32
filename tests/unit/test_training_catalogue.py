"""Training mode without a database: the scenarios name real, eligible sample data and steps on
their route; the reset's table list spares the setup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.roles import ROLES
from runtime.seed.demo import DEMO_USERS
from runtime.seed.scenarios import END, SCENARIOS, scenario
from runtime.training.reset import workshop_tables
from runtime.workflow.steps import all_steps

PERMITS = Path(__file__).resolve().parents[2] / "form_schemas" / "permits"


@pytest.mark.parametrize("item", SCENARIOS, ids=lambda s: s.id)
def test_each_scenario_uses_an_eligible_test_case_and_a_step_of_its_chain(item) -> None:
    definition = json.loads((PERMITS / f"{item.permit}.json").read_text())
    case = next(c for c in definition["test_cases"] if c["id"] == item.case)
    assert case["expect"]["eligible"] is True
    if item.until != END:
        assert item.until in all_steps(definition)
        assert item.until in case["expect"]["route"]
    assert item.next_role in ROLES and item.next_role in {d.role for d in DEMO_USERS}
    assert item.title["id"] and item.title["en"] and item.todo["id"] and item.todo["en"]


def test_scenario_ids_are_unique_and_unknown_ones_fail_loudly() -> None:
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS)
    with pytest.raises(KeyError, match="known: ho-penjadwalan"):
        scenario("nope")


def test_the_reset_wipes_the_workshop_tables_and_spares_the_setup() -> None:
    names = [t.name for t in workshop_tables()]
    assert {
        "application",
        "task",
        "uploaded_document",
        "skrd",
        "issued_document",
        "outbox_message",
        "audit_event",
    } <= set(names)
    spared = {
        "definition_version",
        "permit_type",
        "user_account",
        "user_role",
        "holiday",
        "reference_item",
        "office",
        "number_sequence",
    }
    assert not spared & set(names)
    assert names.index("application") < names.index("task")  # parents first
