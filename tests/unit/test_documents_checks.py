"""Upload checks by content and size (no Flask, no database)."""

from __future__ import annotations

import io

import pytest

from runtime.documents.storage import UploadRefused, read_limited, sniff
from tests.portal_support import EXE, PDF, PNG


def test_type_is_read_from_the_content() -> None:
    assert sniff(PDF, ["pdf"]) == "application/pdf"
    assert sniff(PNG, ["jpg", "png"]) == "image/png"


@pytest.mark.parametrize(
    ("content", "accept"), [(EXE, ["pdf"]), (PDF, ["jpg", "png"]), (b"just text", ["pdf"])]
)
def test_other_types_are_refused(content: bytes, accept: list[str]) -> None:
    with pytest.raises(UploadRefused) as refused:
        sniff(content, accept)
    assert refused.value.code == "wrong_type"


def test_size_is_checked_while_reading() -> None:
    class Endless:
        reads = 0

        def read(self, size: int) -> bytes:
            Endless.reads += 1
            return b"0" * size

    with pytest.raises(UploadRefused) as refused:
        read_limited(Endless(), 1024 * 1024)  # type: ignore[arg-type]
    assert refused.value.code == "too_large"
    assert Endless.reads < 100  # stopped right after the limit, not at the end of the stream


def test_empty_file_is_refused() -> None:
    with pytest.raises(UploadRefused):
        read_limited(io.BytesIO(b""), 100)
