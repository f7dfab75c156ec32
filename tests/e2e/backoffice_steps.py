"""Officer steps in Chromium: log in as a demo role, open the application, fill the step's form,
press the action. Shared by the back-office end-to-end tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from playwright.sync_api import Page, expect

from runtime.seed.demo import DEMO_PASSWORD, DEMO_USERS


def login(page: Page, base: str, role: str) -> None:
    page.context.clear_cookies()
    email = next(d.email for d in DEMO_USERS if d.role == role)
    page.goto(base + "/login")
    page.fill("#email", email)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button.primary")
    expect(page.locator("#nav-kantor")).to_be_visible()
    page.get_by_role("button", name="English").click()


def open_from_inbox(page: Page, base: str, registration: str) -> None:
    page.goto(base + "/kantor/")
    page.get_by_role("link", name=registration).click()
    expect(page.locator("h1")).to_contain_text(registration)


def fill_step(page: Page, step_id: str, today: dt.date, amount: str = "") -> None:
    iso = today.isoformat()
    if step_id == "penjadwalan":
        page.fill("#f-nomor_surat_tugas", "800/123/DPMPTSP")
        page.fill("#f-tanggal_pemeriksaan", iso)
        for i, (name, unsur) in enumerate(
            [("Budi Santoso", "dpmptsp"), ("Agus Salim", "satpol_pp")]
        ):
            page.fill(f"#f-petugas-{i}-nama", name)
            page.select_option(f"#f-petugas-{i}-unsur", unsur)
    elif step_id == "inspeksi_lapangan":
        page.fill("#f-tanggal_bap", iso)
        page.fill("#f-luas_terukur", "120")
        page.select_option("#f-tingkat_gangguan", "sedang")
        page.check("input[name=f-jenis_gangguan_ditemukan][value=kebisingan]")
        page.fill("#f-titik_lokasi-lat", "-1.2379")
        page.fill("#f-titik_lokasi-lng", "116.8529")
        page.fill("#f-temuan", "Sesuai dengan permohonan.")
        page.check("input[name=f-rekomendasi][value=layak]")
    elif step_id == "pembayaran":
        page.fill("#amount", amount)
        page.fill("#reference", "BPD-0001")
        page.fill("#paid_on", iso)


def act(
    page: Page,
    base: str,
    role: str,
    registration: str,
    step_id: str,
    action: str = "approve",
    *,
    comment: str = "",
    today: dt.date | None = None,
) -> None:
    """As `role`, take `action` on `step_id` of the application through the browser."""
    login(page, base, role)
    open_from_inbox(page, base, registration)
    section = page.locator(f"#step-{step_id}")
    expect(section).to_be_visible()
    amount = ""
    if step_id == "pembayaran":
        amount = page.locator("#skrd-total").get_attribute("data-total") or ""
    fill_step(page, step_id, today or dt.date.today(), amount)
    if comment:
        section.locator("textarea[name=comment]").fill(comment)
    section.locator(f"button[data-action={action}]").click()
    expect(page.locator(".flash.success")).to_be_visible()


def registration_of(app: Any, application_id: int) -> str:
    from runtime.extensions import db
    from runtime.models import Application

    with app.app_context():
        return str(db.session.get(Application, application_id).registration_number)
