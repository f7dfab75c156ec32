"""Nothing typed is lost when the connection drops; a disguised upload is refused clearly."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.portal_steps import continue_, fill_applicant, find_and_start, register
from tests.portal_support import EXE

pytestmark = pytest.mark.e2e


def test_offline_mid_step_loses_nothing(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    register(page, app, live_server)
    find_and_start(page, live_server)
    fill_applicant(page)
    continue_(page)
    page.fill("#nama_usaha", "Bengkel Las Maju")
    expect(page.locator("#save-state")).to_contain_text("Saved", timeout=10_000)

    page.context.set_offline(True)
    page.fill("#jenis_usaha", "Bengkel las dan bubut")
    page.fill("#luas_usaha", "85")
    expect(page.locator("#save-state")).to_contain_text("No connection", timeout=10_000)
    page.get_by_role("button", name="Save and continue").click()  # kept on the page, not lost
    expect(page.locator("#jenis_usaha")).to_have_value("Bengkel las dan bubut")

    page.context.set_offline(False)
    expect(page.locator("#save-state")).to_contain_text("Saved", timeout=15_000)
    page.reload()
    expect(page.locator("#nama_usaha")).to_have_value("Bengkel Las Maju")
    expect(page.locator("#jenis_usaha")).to_have_value("Bengkel las dan bubut")
    expect(page.locator("#luas_usaha")).to_have_value("85")


def test_dropped_saves_are_restored_from_the_device_after_a_reload(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    """Every autosave request is dropped; the tab is then reloaded: the device's copy is
    restored into the form and sent."""
    register(page, app, live_server)
    find_and_start(page, live_server)
    page.route("**/simpan", lambda route: route.abort())
    page.fill("#nama_pemohon", "Siti Rahayu")
    expect(page.locator("#save-state")).to_contain_text("No connection", timeout=10_000)
    page.unroute("**/simpan")
    page.reload()
    expect(page.locator("#nama_pemohon")).to_have_value("Siti Rahayu")
    expect(page.locator("#save-state")).to_contain_text("Saved", timeout=10_000)
    page.reload()
    expect(page.locator("#nama_pemohon")).to_have_value("Siti Rahayu")


def test_disguised_upload_is_refused(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    register(page, app, live_server)
    find_and_start(page, live_server)
    page.goto(page.url.replace("/halaman/pemohon", "/dokumen"))
    item = page.locator("#doc-ktp")
    item.locator("input[type=file]").set_input_files(
        {"name": "ktp.pdf", "mimeType": "application/pdf", "buffer": EXE}
    )
    item.get_by_role("button", name="Upload").click()
    expect(item.locator(".error")).to_contain_text("not a real PDF, JPG, PNG file")
    expect(item.locator(".ok")).to_have_count(0)
