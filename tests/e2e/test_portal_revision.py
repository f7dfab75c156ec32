"""Return for revision in Chromium: an officer returns the application (through the engine)
with a reason and a document to revise; the applicant reads the reason, fixes a field and the
document in the browser, sends it back; the task is back in the officer's inbox."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.backoffice_steps import login as officer_login
from tests.e2e.backoffice_steps import open_from_inbox
from tests.e2e.portal_steps import continue_, use_english
from tests.portal_support import PDF, fill_all, register, start, submit
from tests.revision_support import application, return_for_revision, tasks

pytestmark = pytest.mark.e2e

REASON = "Luas usaha tidak sesuai denah; foto KTP buram."


def login_as(page: Page, base: str, email: str, password: str) -> None:
    page.context.clear_cookies()
    use_english(page, base)
    page.goto(base + "/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button.primary")


def _returned_application(app: Any) -> tuple[str, str]:
    client = app.test_client()
    register(client, app)
    public_id = start(client)
    fill_all(client, public_id)
    assert submit(client, public_id).status_code == 302
    return_for_revision(app, public_id, REASON, {"ktp": "Foto KTP tidak terbaca."})
    with app.app_context():
        return public_id, str(application(public_id).registration_number)


def test_applicant_revises_and_the_officer_gets_it_back(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    public_id, number = _returned_application(app)
    login_as(page, live_server, "siti@example.id", "rahasia-sekali-1")
    page.goto(live_server + "/permohonan/")
    row = page.locator("tr", has_text=number)
    expect(row.locator("[data-reason]")).to_contain_text(REASON)
    row.get_by_role("link", name="Revise and send back").click()

    expect(page.locator("#officer-reason")).to_have_text(REASON)
    expect(page.get_by_role("button", name="Send the corrected application")).to_have_count(0)
    page.locator("section.summary").nth(1).get_by_role("link", name="Change").click()
    page.fill("#luas_usaha", "100")
    continue_(page)
    continue_(page)  # declaration kept

    ktp = page.locator("#doc-ktp")
    expect(ktp.locator(".revise-reason")).to_contain_text("Foto KTP tidak terbaca.")
    ktp.locator("input[type=file]").set_input_files(
        {"name": "ktp-jelas.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    ktp.get_by_role("button", name="Upload").click()
    expect(page.locator("#doc-ktp .ok")).to_contain_text("ktp-jelas.pdf")
    expect(page.locator("#doc-ktp .revise-reason")).to_have_count(0)
    page.get_by_role("link", name="Continue").click()
    expect(page.locator("#fee-total")).to_have_text("Rp600.000")  # 2000 × 100 × 1.5 × 2
    page.get_by_role("button", name="Send the corrected application").click()
    expect(page.locator(".flash.success")).to_contain_text("sent back to the officer")

    assert tasks(app, public_id)[-1] == ("verifikasi", "front_office", "open")
    officer_login(page, live_server, "front_office")
    open_from_inbox(page, live_server, number)
    expect(page.locator("#step-verifikasi")).to_be_visible()
