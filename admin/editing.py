"""What the editor page shows about a definition text: problems (with JSON pointers, and a
character offset for JSON syntax errors) and the test-bench report. No Flask."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from admin.test_bench import BenchReport, run_test_cases
from builder.check import check_definition
from builder.load import loads
from builder.problems import Problem, has_errors


def problem_dict(problem: Problem, lang: str) -> dict[str, Any]:
    return {
        "pointer": problem.pointer,
        "code": problem.code,
        "severity": problem.severity,
        "message": problem.message(lang),
        "message_id": problem.message_id,
        "message_en": problem.message_en,
    }


def check_text(text: str, lang: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """Parse and check definition text: `(definition or None, problem dicts)`."""
    loaded = loads(text)
    if loaded.definition is None:
        found = [problem_dict(p, lang) for p in loaded.problems]
        offset = _syntax_error_offset(text)
        for item in found:
            item["offset"] = offset
        return None, found
    _upgraded, problems = check_definition(loaded.definition)
    return loaded.definition, [problem_dict(p, lang) for p in problems]


def bench_for(
    definition: dict[str, Any] | None, context_for: Callable[[dict[str, Any]], Any]
) -> BenchReport | None:
    """The test-bench report, or None when the definition has errors (cases would not mean
    anything on a broken definition)."""
    if definition is None:
        return None
    upgraded, problems = check_definition(definition)
    if has_errors(problems):
        return None
    return run_test_cases(upgraded, context_for(upgraded))


def _syntax_error_offset(text: str) -> int | None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return exc.pos
    except ValueError:
        return None
    return None
