"""Steps of the applicant journey in Chromium, shared by the portal's end-to-end tests."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.portal_support import DOCUMENTS, NIK, verification_link


def use_english(page: Page, base: str) -> None:
    """Tests read the English msgids, which do not depend on the translation catalogue."""
    page.goto(base + "/")
    page.get_by_role("button", name="English").click()


def register(page: Page, app: Any, base: str, email: str = "siti@example.id") -> None:
    use_english(page, base)
    page.goto(base + "/akun/daftar")
    page.fill("#nik", NIK)
    page.fill("#name", "Siti Rahayu")
    page.fill("#email", email)
    page.fill("#phone", "081234567890")
    page.fill("#password", "rahasia-sekali-1")
    page.fill("#confirm", "rahasia-sekali-1")
    page.click("button.primary")
    expect(page.locator("h1")).to_contain_text("My applications")
    page.goto(base + verification_link(app, email))
    expect(page.locator(".flash.success")).to_be_visible()


def find_and_start(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.fill("#q", "gangguan")
    page.locator("form.search button").click()
    page.get_by_role("link", name="Nuisance Permit (HO)").click()
    expect(page.locator("h1")).to_have_text("Nuisance Permit (HO)")
    page.click("#start")
    page.get_by_role("button", name="Start the application").click()
    expect(page.locator("h1")).to_have_text("Applicant")


def fill_applicant(page: Page) -> None:
    page.check("#bentuk_pemohon-0")  # perorangan
    page.fill("#nama_pemohon", "Siti Rahayu")
    page.fill("#nik", NIK)
    page.fill("#tanggal_lahir", "1990-01-15")
    page.fill("#email", "siti@example.id")
    page.fill("#telepon", "081234567890")
    choose_address(page, "alamat_pemohon", "Jl. Sudirman 1")


#: Manggar, Balikpapan Timur, Kota Balikpapan, Kalimantan Timur (in the tests' regions subset)
REGIONS = (
    ("province", "64"),
    ("regency", "64.71"),
    ("district", "64.71.01"),
    ("village", "64.71.01.1001"),
)


def choose_address(page: Page, field: str, street: str) -> None:
    """Pick the regions level by level: with JavaScript the next select fills itself from
    /wilayah/; without, the page's "show the choices" button saves and re-renders it."""
    refresh = page.locator(f"#f-{field} .nojs button")
    for level, code in REGIONS:
        page.select_option(f"#{field}-{level}", code)
        if level != "village" and refresh.is_visible():
            refresh.click()
    page.fill(f"#{field}-street", street)


def fill_business(page: Page, area: str) -> None:
    page.fill("#nama_usaha", "Bengkel Las Maju")
    page.fill("#nib", "1234567890123")
    page.fill("#jenis_usaha", "Bengkel las")
    page.select_option("#skala_usaha", "kecil")
    page.select_option("#kelas_lokasi", "lokal")
    page.select_option("#tingkat_gangguan", "sedang")
    page.check("#jenis_gangguan-0")
    choose_address(page, "alamat_usaha", "Jl. Mulawarman 9")
    page.fill("#lokasi_usaha-lat", "-1.2654")
    page.fill("#lokasi_usaha-lng", "116.8312")
    page.check("#status_tempat-0")  # milik sendiri
    page.fill("#luas_usaha", area)


def fill_declaration(page: Page) -> None:
    page.check("#setuju_pernyataan")
    page.check("#cara_pengambilan-0")


def continue_(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def upload_documents(page: Page) -> None:
    expect(page.locator("h1")).to_have_text("Documents")
    for code, (name, content) in DOCUMENTS.items():
        mime = "image/png" if name.endswith(".png") else "application/pdf"
        item = page.locator(f"#doc-{code}")
        item.locator("input[type=file]").set_input_files(
            {"name": name, "mimeType": mime, "buffer": content}
        )
        item.get_by_role("button", name="Upload").click()
        expect(page.locator(f"#doc-{code} .ok")).to_contain_text(name)
