"""Every sample permit shipped in form_schemas/permits passes the schema and the lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.check import check_definition
from builder.load import load_file

PERMITS = Path(__file__).resolve().parents[3] / "form_schemas" / "permits"
FILES = sorted(PERMITS.glob("*.json"))


def test_the_catalogue_has_the_sample_permits() -> None:
    assert len(FILES) >= 9, f"expected at least 9 sample permits in {PERMITS}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_sample_permit_is_valid(path: Path) -> None:
    loaded = load_file(path)
    assert loaded.definition is not None, loaded.problems
    problems = check_definition(loaded.definition)[1]
    errors = [f"{p.pointer}: {p.code}: {p.message_en}" for p in problems if p.is_error]
    assert errors == []
    assert loaded.definition["code"] == path.stem
