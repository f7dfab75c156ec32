"""The shared JSON Logic conformance suite (277 cases) through every Python evaluator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rules
from rules.interpreter import interpret

SUITE = Path(__file__).resolve().parents[3].parent / "shared" / "jsonlogic" / "tests.json"


def load_cases() -> list[tuple[Any, Any, Any]]:
    entries = json.loads(SUITE.read_text(encoding="utf-8"))
    return [tuple(entry) for entry in entries if not isinstance(entry, str)]


CASES = load_cases()
IDS = [f"{i}:{json.dumps(rule)[:60]}" for i, (rule, _, _) in enumerate(CASES)]


def test_suite_has_277_cases() -> None:
    assert len(CASES) == 277


@pytest.mark.parametrize(("rule", "data", "expected"), CASES, ids=IDS)
def test_evaluate(rule: Any, data: Any, expected: Any) -> None:
    assert rules.evaluate(rule, data) == expected


@pytest.mark.parametrize(("rule", "data", "expected"), CASES, ids=IDS)
def test_compiled_and_reference_interpreter(rule: Any, data: Any, expected: Any) -> None:
    assert rules.compile(rule)(data) == expected
    assert interpret(rule, data) == expected
