"""The signed permit: its QR opens the verification page (valid), an altered byte fails, a
revoked permit shows revoked."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image
from pypdf import PdfReader

from runtime.extensions import db
from runtime.models import IssuedDocument
from runtime.workflow.settings import WorkflowSettings
from tests.integration.test_workflow_calendar_and_roles import login
from tests.language import english
from tests.unit.workflow.setup_app import advance, submitted


def _signed_permit(app: Any, catalogue: Any) -> tuple[str, bytes]:
    with app.app_context():
        application = submitted(db.session, catalogue["siup"].id, "siup")
        advance(db.session, application, "arsip")
        permit = (
            db.session.query(IssuedDocument)
            .filter_by(application_id=application.id, kind="permit")
            .filter(IssuedDocument.signed_at.isnot(None))
            .one()
        )
        folder = WorkflowSettings.from_config(app.config).issued_folder
        return permit.public_id, (folder / permit.stored_name).read_bytes()


def _qr_text(pdf: bytes, tmp_path: Path, *, first_page_only: bool = False) -> str:
    source = tmp_path / "permit.pdf"
    source.write_bytes(pdf)
    only_first = ["-f", "1", "-l", "1"] if first_page_only else []
    subprocess.run(
        ["pdftoppm", "-r", "150", *only_first, "-png", str(source), str(tmp_path / "page")],
        check=True,
    )
    found = [
        code.text
        for png in sorted(tmp_path.glob("page*.png"))
        for code in zxingcpp.read_barcodes(Image.open(png))
    ]
    assert len(found) == 1, found
    return found[0]


def test_the_signed_permit_is_one_a4_page_with_the_qr_on_it(
    app: Any, catalogue: Any, tmp_path: Path
) -> None:
    public_id, pdf = _signed_permit(app, catalogue)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in pages[0].mediabox[2:])
    assert (round(width_mm), round(height_mm)) == (210, 297)
    url = _qr_text(pdf, tmp_path, first_page_only=True)
    assert url.endswith(f"/verifikasi/{public_id}")


def _status(client: Any, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return (
        page.split('id="verification-status"', 1)[1].split('data-status="', 1)[1].split('"', 1)[0]
    )


def test_qr_opens_the_verification_page_which_says_valid(
    app: Any, client: Any, catalogue: Any, tmp_path: Path
) -> None:
    public_id, pdf = _signed_permit(app, catalogue)
    url = _qr_text(pdf, tmp_path)
    assert url == f"{app.config['PUBLIC_URL']}/verifikasi/{public_id}"
    path = url.removeprefix(app.config["PUBLIC_URL"])
    assert _status(client, path) == "valid"
    english(client)
    assert 'id="stored-intact">yes' in client.get(path).get_data(as_text=True)


def test_one_altered_byte_fails_and_the_original_passes(
    app: Any, client: Any, catalogue: Any
) -> None:
    app.config["WTF_CSRF_ENABLED"] = False
    public_id, pdf = _signed_permit(app, catalogue)
    middle = len(pdf) // 2
    altered = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1 :]

    def check(content: bytes) -> str:
        page = client.post(
            f"/verifikasi/{public_id}",
            data={"pdf": (io.BytesIO(content), "izin.pdf")},
            content_type="multipart/form-data",
        ).get_data(as_text=True)
        return page.split('data-match="', 1)[1].split('"', 1)[0]

    assert check(pdf) == "yes"
    assert check(altered) == "no"


def test_a_revoked_permit_shows_revoked(app: Any, client: Any, catalogue: Any) -> None:
    app.config["WTF_CSRF_ENABLED"] = False
    public_id, _ = _signed_permit(app, catalogue)
    login(client, "kepala_dinas")
    client.post(f"/kantor/terbitan/{public_id}/cabut", data={"reason": "Usaha tidak sesuai izin"})
    assert _status(client, f"/verifikasi/{public_id}") == "revoked"
    with app.app_context():
        from runtime.models import AuditEvent

        assert db.session.query(AuditEvent).filter_by(action="document.revoke").count() == 1


def test_the_applicant_downloads_the_permit_and_no_one_else_does(
    app: Any, client: Any, catalogue: Any
) -> None:
    public_id, pdf = _signed_permit(app, catalogue)
    login(client, "pemohon")
    response = client.get(f"/dokumen/{public_id}.pdf")
    assert response.data == pdf
    response.close()
    anonymous = app.test_client().get(f"/dokumen/{public_id}.pdf")
    assert anonymous.status_code in (302, 401)
