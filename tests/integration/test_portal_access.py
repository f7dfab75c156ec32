"""Applicants see only their own applications, files and receipts; uploads are checked by
content; the public tracking page shows nothing personal."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.portal_support import (
    EXE,
    NIK_2,
    PDF,
    fill_all,
    register,
    start,
    submit,
    upload,
)


@pytest.fixture()
def two_applicants(app: Any, catalogue: Any) -> tuple[Any, Any, str, str]:
    """Siti with a submitted application (and its files), Budi logged in on another client."""
    siti, budi = app.test_client(), app.test_client()
    register(siti, app)
    public_id = start(siti)
    fill_all(siti, public_id)
    assert submit(siti, public_id).status_code == 302
    receipt = siti.get(f"/permohonan/{public_id}/tanda-terima").get_data(as_text=True)
    doc_id = re.search(r"/berkas/([\w-]+)", receipt).group(1)
    register(budi, app, nik=NIK_2, email="budi@example.id")
    return siti, budi, public_id, doc_id


def test_owner_can_open_everything(two_applicants: Any) -> None:
    siti, _budi, public_id, doc_id = two_applicants
    assert siti.get(f"/permohonan/{public_id}/tanda-terima").status_code == 200
    assert siti.get(f"/permohonan/{public_id}/tanda-terima.pdf").status_code == 200
    file = siti.get(f"/permohonan/{public_id}/berkas/{doc_id}")
    assert file.status_code == 200 and file.data.startswith(b"%PDF")
    assert file.headers["Content-Type"] == "application/pdf"
    file.close()


@pytest.mark.parametrize(
    "path",
    [
        "/permohonan/{pid}",
        "/permohonan/{pid}/tanda-terima",
        "/permohonan/{pid}/tanda-terima.pdf",
        "/permohonan/{pid}/berkas/{doc}",
        "/permohonan/{pid}/halaman/pemohon",
        "/permohonan/{pid}/dokumen",
        "/permohonan/{pid}/periksa",
    ],
)
def test_another_applicant_gets_404(two_applicants: Any, path: str) -> None:
    _siti, budi, public_id, doc_id = two_applicants
    assert budi.get(path.format(pid=public_id, doc=doc_id)).status_code == 404


def test_another_applicant_cannot_post_to_it(two_applicants: Any) -> None:
    _siti, budi, public_id, _doc = two_applicants
    own = start(budi)
    token = re.search(
        r'name="csrf_token"[^>]*value="([^"]+)"',
        budi.get(f"/permohonan/{own}/dokumen").get_data(as_text=True),
    ).group(1)
    assert (
        budi.post(f"/permohonan/{public_id}/ajukan", data={"csrf_token": token}).status_code == 404
    )
    assert (
        budi.post(
            f"/permohonan/{public_id}/halaman/pemohon/simpan", data={"csrf_token": token}
        ).status_code
        == 404
    )


def test_anonymous_is_sent_to_login(app: Any, two_applicants: Any) -> None:
    _siti, _budi, public_id, doc_id = two_applicants
    anonymous = app.test_client()
    response = anonymous.get(f"/permohonan/{public_id}/berkas/{doc_id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_disguised_upload_is_refused_with_a_clear_message(
    app: Any, client: Any, catalogue: Any
) -> None:
    register(client, app)
    public_id = start(client)
    response = upload(client, public_id, "ktp", "ktp.pdf", EXE)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "not a real PDF, JPG, PNG file" in html or "bukan berkas PDF, JPG, PNG" in html
    assert upload(client, public_id, "foto_lokasi", "foto.png", PDF).status_code == 422
    assert upload(client, public_id, "ktp", "ktp.pdf", PDF).status_code == 302


def test_replacing_a_file_supersedes_the_old_one(app: Any, client: Any, catalogue: Any) -> None:
    from runtime.extensions import db
    from runtime.models import UploadedDocument

    register(client, app)
    public_id = start(client)
    upload(client, public_id, "ktp", "first.pdf", PDF)
    upload(client, public_id, "ktp", "second.pdf", PDF)
    with app.app_context():
        rows = db.session.query(UploadedDocument).order_by(UploadedDocument.id).all()
        assert [r.superseded_at is not None for r in rows] == [True, False]
        assert all(r.stored_name not in ("first.pdf", "second.pdf") for r in rows)


def test_tracking_shows_no_personal_data(app: Any, two_applicants: Any) -> None:
    siti, _budi, public_id, _doc = two_applicants
    receipt = siti.get(f"/permohonan/{public_id}/tanda-terima").get_data(as_text=True)
    number = receipt.split('id="reg-number">')[1].split("<")[0]
    html = app.test_client().get(f"/lacak/{number}").get_data(as_text=True)
    for secret in ("Siti", "3171011501900001", "siti@example.id", "Bengkel", "ktp.pdf"):
        assert secret not in html
    assert app.test_client().get("/lacak/DPMPTSP/1999/000001").status_code == 404
