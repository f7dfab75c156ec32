"""A trainer in Chromium: switches applicant → front office → section head with the training bar,
sees each one's inbox, then resets the workshop."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from runtime.extensions import db
from tests.training_support import seed_scenarios, training_app


@pytest.fixture()
def app(database_url: str, tmp_path: Any) -> Any:
    application = training_app(database_url, tmp_path)
    yield application
    with application.app_context():
        db.engine.dispose()


def _switch(page: Page, role: str, lands_on: str) -> None:
    page.select_option("#training-role", role)
    page.click("#training-switch")
    page.wait_for_url(f"**{lands_on}")
    expect(page.locator("#training-role")).to_have_value(role)


def test_a_trainer_switches_roles_and_resets(
    page: Page, live_server: str, app: Any, catalogue: Any
) -> None:
    numbers = {key: number for key, (_, number) in seed_scenarios(app).items()}
    page.goto(live_server + "/pelatihan/")
    expect(page.locator("#training-bar")).to_be_visible()
    expect(page.locator("#scenario-siup-verifikasi")).to_contain_text(numbers["siup-verifikasi"])

    _switch(page, "pemohon", "/permohonan/")
    for key in ("siup-dikembalikan", "siup-terbit", "ho-pembayaran"):
        expect(page.get_by_role("cell", name=numbers[key], exact=True)).to_be_visible()

    _switch(page, "front_office", "/kantor/")
    expect(page.get_by_role("link", name=numbers["siup-verifikasi"])).to_be_visible()
    expect(page.get_by_role("link", name=numbers["ho-verifikasi-bap"])).to_have_count(0)

    _switch(page, "kasi", "/kantor/")
    expect(page.get_by_role("link", name=numbers["ho-verifikasi-bap"])).to_be_visible()
    expect(page.get_by_role("link", name=numbers["siup-verifikasi"])).to_have_count(0)

    page.click("#training-scenarios")
    page.check("#reset-confirm")
    page.click("#reset-button")
    expect(page.locator("#reset-progress li[data-kind=done]")).to_be_visible(timeout=60_000)
    expect(page.locator("#reset-progress li[data-kind=ok]")).to_have_count(1 + len(numbers))
    page.click("#back-to-training")
    scenario = page.locator("#scenario-siup-verifikasi .reg")
    expect(scenario).to_be_visible()
    expect(scenario).not_to_have_text(numbers["siup-verifikasi"])
