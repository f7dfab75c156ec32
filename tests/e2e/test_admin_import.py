"""In Chromium: importing a broken definition is refused with its problems listed, nothing
is stored; a non-admin sees 403 on the admin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from runtime.extensions import db
from runtime.models import PermitType
from runtime.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

SIUP = Path(__file__).resolve().parents[2] / "form_schemas" / "permits" / "siup.json"


def _login(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button.primary")
    page.wait_for_load_state()


def test_a_broken_import_is_refused_and_nothing_is_stored(
    app, live_server, catalogue, page, tmp_path
):
    broken = json.loads(SIUP.read_text())
    broken["code"] = "siup-impor"
    broken["eligibility"][0]["rule"] = {">=": [{"var": "umur_pemohon"}, 17]}
    del broken["workflow"]["start"]
    path = tmp_path / "siup-impor.json"
    path.write_text(json.dumps(broken))
    with app.app_context():
        before = db.session.scalar(select(func.count(PermitType.id)))

    _login(page, live_server, "admin@demo.rakit.id")
    page.goto(f"{live_server}/admin/transfer/")
    page.set_input_files("#import-file", str(path))
    page.click("#import")
    expect(page.locator("#import-refused")).to_be_visible()
    expect(page.locator("#import-problems")).to_contain_text("start")
    with app.app_context():
        assert db.session.scalar(select(func.count(PermitType.id))) == before
        assert db.session.scalar(select(PermitType).where(PermitType.code == "siup-impor")) is None


def test_a_non_admin_gets_403(live_server, catalogue, page):
    _login(page, live_server, "kasi@demo.rakit.id")
    for url in ("/admin/", "/admin/permit_types/", "/admin/users/"):
        response = page.goto(f"{live_server}{url}")
        assert response is not None and response.status == 403
