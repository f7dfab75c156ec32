"""Tests that read English UI text ask for English first (Indonesian is the default)."""

from __future__ import annotations

from typing import Any


def english(client: Any) -> None:
    """Switch a Flask test client's session to English."""
    with client.session_transaction() as session:
        session["lang"] = "en"
