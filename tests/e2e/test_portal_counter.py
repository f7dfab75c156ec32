"""Counter service in Chromium: the front office logs in, finds the applicant by NIK, fills the
same generated form, attaches scanned documents and submits; the applicant then sees the
application in their own account."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from runtime.seed.demo import DEMO_PASSWORD
from tests.e2e.portal_steps import (
    continue_,
    fill_applicant,
    fill_business,
    fill_declaration,
    upload_documents,
)
from tests.e2e.test_portal_revision import login_as

pytestmark = pytest.mark.e2e

DEMO_NIK = "6471054107900001"  # pemohon@demo.rakit.id


def test_front_office_files_for_a_walk_in_applicant(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    login_as(page, live_server, "loket@demo.rakit.id", DEMO_PASSWORD)
    page.click("#nav-loket")
    expect(page.locator("h1")).to_have_text("Counter service")
    page.select_option("#permit", "izin-gangguan")
    page.fill("#nik", DEMO_NIK)
    page.get_by_role("button", name="Start the application").click()
    expect(page.locator(".crumbs")).to_contain_text("filed at the counter for Siti Rahmawati")

    fill_applicant(page)
    continue_(page)
    fill_business(page, "120")
    continue_(page)
    fill_declaration(page)
    continue_(page)
    upload_documents(page)  # the scans of the originals the applicant brought
    page.get_by_role("link", name="Continue").click()
    page.get_by_role("button", name="Submit application").click()
    number = page.locator("#reg-number").inner_text()

    login_as(page, live_server, "pemohon@demo.rakit.id", DEMO_PASSWORD)
    page.goto(live_server + "/permohonan/")
    row = page.locator("tr", has_text=number)
    expect(row).to_contain_text("In progress")
    row.get_by_role("link", name="View").click()
    expect(page.locator("#reg-number")).to_have_text(number)
