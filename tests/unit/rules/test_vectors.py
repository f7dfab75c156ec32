"""The shared parity vectors (rules/vectors/domain.json) on the Python side."""

from __future__ import annotations

from typing import Any

import pytest

from rules.parity import expected, load_vectors, outcome

DOC = load_vectors()


@pytest.mark.parametrize("case", DOC["cases"], ids=[c["name"] for c in DOC["cases"]])
def test_vector(case: dict[str, Any]) -> None:
    assert outcome(case, DOC["ctx"]) == expected(case)


def test_vector_names_are_unique() -> None:
    names = [c["name"] for c in DOC["cases"]]
    assert len(names) == len(set(names))
