"""The applicant's journey through the Flask test client: register, fill, upload, submit, track."""

from __future__ import annotations

from typing import Any

from tests.portal_support import (
    PAGE_USAHA,
    fill_all,
    post_page,
    register,
    start,
    submit,
)


def test_full_journey_submits_and_tracks(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    public_id = start(client)
    fill_all(client, public_id)
    review = client.get(f"/permohonan/{public_id}/periksa").get_data(as_text=True)
    assert "Rp720.000" in review  # kecil 2000 × 120 m² × lokal 1.5 × sedang 2
    response = submit(client, public_id)
    assert response.status_code == 302, response.get_data(as_text=True)[:4000]
    receipt = client.get(f"/permohonan/{public_id}/tanda-terima").get_data(as_text=True)
    assert "/2026/" in receipt or "/20" in receipt
    number = receipt.split('id="reg-number">')[1].split("<")[0]
    pdf = client.get(f"/permohonan/{public_id}/tanda-terima.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    client.post("/logout", data={})  # CSRF-protected: the stranger below uses a fresh client
    stranger = app.test_client()
    tracking = stranger.get(f"/lacak/{number}")
    assert tracking.status_code == 200
    text = tracking.get_data(as_text=True)
    assert "Pemeriksaan kelengkapan berkas" in text
    assert "Siti" not in text and "3171011501900001" not in text


def test_ineligible_is_explained_and_blocks_submit(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    public_id = start(client)
    fill_all(client, public_id, usaha={**PAGE_USAHA, "luas_usaha": "6000"})
    review = client.get(f"/permohonan/{public_id}/periksa").get_data(as_text=True)
    assert "di atas 5.000 m²" in review
    assert "Ajukan permohonan" not in review and "Submit application" not in review
    assert submit(client, public_id).status_code == 422
    post_page(client, public_id, "usaha", {**PAGE_USAHA, "luas_usaha": "120"})
    assert submit(client, public_id).status_code == 302


def test_validation_error_keeps_what_was_typed(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    public_id = start(client)
    response = post_page(client, public_id, "usaha", {**PAGE_USAHA, "nib": "12345"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "error-summary" in html and 'value="12345"' in html
    assert 'value="Bengkel Las Maju"' in html
    again = client.get(f"/permohonan/{public_id}/halaman/usaha").get_data(as_text=True)
    assert 'value="12345"' in again and 'value="Bengkel Las Maju"' in again
