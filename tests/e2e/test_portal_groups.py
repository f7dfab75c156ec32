"""Repeating groups with JavaScript: rows are cloned and removed in the page, renumbered, and
the limits hide the buttons; what the page posts is what the server expects."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.portal_steps import register

pytestmark = pytest.mark.e2e


def test_rows_are_added_and_removed_in_the_page(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    register(page, app, live_server)
    page.goto(live_server + "/permohonan/mulai/izin-reklame")
    page.get_by_role("button", name="Start the application").click()
    page.goto(page.url.replace("/halaman/pemohon", "/halaman/reklame"))
    group = page.locator("[data-group=reklame]")
    expect(group.locator("[data-remove-row]").first).to_be_hidden()  # never below one row
    page.fill("#reklame-0-naskah", "Satu")
    group.get_by_role("button", name="Add a row").click()
    expect(page.locator("#reklame-1-naskah")).to_have_value("")
    page.fill("#reklame-1-naskah", "Dua")
    group.locator("[data-row]").nth(0).get_by_role("button", name="Remove this row").click()
    expect(group.locator("[data-row]")).to_have_count(1)
    expect(page.locator("#reklame-0-naskah")).to_have_value("Dua")  # renumbered
    expect(page.locator("[data-row-number]")).to_have_text("1")
