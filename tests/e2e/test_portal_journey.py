"""The applicant's journey in Chromium: register, find Izin Gangguan, fill a multi-step form with
a conditional field and a live fee, upload, be told of ineligibility, fix it, submit, download
the receipt, track. Then the same with JavaScript disabled."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.portal_steps import (
    continue_,
    fill_applicant,
    fill_business,
    fill_declaration,
    find_and_start,
    register,
    upload_documents,
)

pytestmark = pytest.mark.e2e


def test_applicant_journey(page: Page, live_server: str, app: Any, catalogue: Any) -> None:
    register(page, app, live_server)
    find_and_start(page, live_server)
    # a field that appears only after a choice
    expect(page.locator("#f-jabatan")).to_be_hidden()
    page.check("#bentuk_pemohon-1")  # badan usaha
    expect(page.locator("#f-jabatan")).to_be_visible()
    fill_applicant(page)  # back to perorangan
    expect(page.locator("#f-jabatan")).to_be_hidden()
    continue_(page)

    expect(page.locator("h1")).to_have_text("Business and premises")
    fill_business(page, "120")
    expect(page.locator("#fee-total")).to_have_text("Rp720.000", timeout=10_000)
    page.fill("#luas_usaha", "6000")  # the fee follows the area as it is typed
    expect(page.locator("#fee-total")).to_have_text("Rp36.000.000", timeout=10_000)
    continue_(page)
    fill_declaration(page)
    continue_(page)
    upload_documents(page)
    page.get_by_role("link", name="Continue").click()

    # over 5,000 m²: told why, and no submit button
    expect(page.locator("#ineligible")).to_contain_text("Premises over 5,000 m²")
    expect(page.get_by_role("button", name="Submit application")).to_have_count(0)
    page.locator("section.summary").nth(1).get_by_role("link", name=re.compile("Change")).click()
    page.fill("#luas_usaha", "120")
    continue_(page)
    continue_(page)  # declaration kept
    page.get_by_role("link", name="Continue").click()
    expect(page.locator("#ineligible")).to_have_count(0)
    expect(page.locator("#fee-total")).to_have_text("Rp720.000")
    page.get_by_role("button", name="Submit application").click()

    number = page.locator("#reg-number").inner_text()
    assert re.fullmatch(r"[A-Z0-9-]+/\d{4}/\d{6}", number)
    with page.expect_download() as download:
        page.click("#download-receipt")
    assert download.value.suggested_filename.endswith(".pdf")
    page.get_by_role("link", name="Follow the application").click()
    expect(page.locator("h1")).to_contain_text(number)
    expect(page.locator(".stages")).to_contain_text("Completeness check")


def test_journey_without_javascript(
    browser: Browser, live_server: str, app: Any, catalogue: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    register(page, app, live_server, email="budi@example.id")
    find_and_start(page, live_server)
    # without JavaScript the conditional field is shown with its condition in words
    expect(page.locator("#f-jabatan")).to_contain_text("Only if")
    fill_applicant(page)
    continue_(page)
    fill_business(page, "120")
    continue_(page)
    fill_declaration(page)
    continue_(page)
    upload_documents(page)
    page.get_by_role("link", name="Continue").click()
    expect(page.locator("#fee-total")).to_have_text("Rp720.000")
    page.get_by_role("button", name="Submit application").click()
    expect(page.locator("#reg-number")).to_have_text(re.compile(r"/\d{4}/\d{6}$"))
    context.close()
