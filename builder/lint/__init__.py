"""Semantic checks of a permit-type definition: `lint_definition(defn) -> list[Problem]`.

The JSON Schema runs first; the semantic checks run only on a schema-valid document, because
they rely on its shape (so a broken document reports its schema problems, never a crash).
Each check lives in a small module of this package and yields `Problem`s with JSON pointers.
"""

from __future__ import annotations

from typing import Any

from builder.lint.computed import check_computed_cycles
from builder.lint.form import check_always_hidden, check_fields
from builder.lint.ids import check_duplicate_ids
from builder.lint.index import DefinitionIndex, iter_page_fields, step_form_fields
from builder.lint.references import check_outputs, check_test_cases
from builder.lint.rule_usage import check_rules
from builder.lint.workflow import check_workflow
from builder.problems import Problem
from builder.validate import validate_schema

__all__ = ["lint_definition", "semantic_problems"]


def lint_definition(defn: Any) -> list[Problem]:
    """All problems of `defn`: schema problems if any, else the semantic ones (errors and warnings).

    Never raises for bad content. The order is stable: document order within each check.
    """
    problems = validate_schema(defn)
    if problems:
        return problems
    return semantic_problems(defn)


def semantic_problems(defn: dict[str, Any]) -> list[Problem]:
    """The semantic checks alone. `defn` must be schema-valid (see `validate_schema`)."""
    index = DefinitionIndex(defn)
    page_fields = iter_page_fields(defn)
    step_fields = [ref for step in index.steps.values() for ref in step_form_fields(step)]
    found = [
        *check_duplicate_ids(defn),
        *check_fields(page_fields),
        *check_fields(step_fields),
        *check_always_hidden(defn, page_fields),
        *check_computed_cycles(index),
        *check_rules(index),
        *check_workflow(index),
        *check_outputs(index),
        *check_test_cases(index),
    ]
    return list(dict.fromkeys(found))
