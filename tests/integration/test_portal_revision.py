"""Return for revision, the applicant's side: the officer's reason, documents to replace,
resubmission checked again on the server, and the chain resuming at the returning step."""

from __future__ import annotations

from typing import Any

from tests.language import english
from tests.portal_support import (
    PAGE_USAHA,
    PDF,
    csrf,
    fill_all,
    post_page,
    register,
    start,
    submit,
    upload,
)
from tests.revision_support import return_for_revision, status, tasks

REASON = "Foto KTP buram dan luas usaha tidak sesuai denah."


def _returned(app: Any, client: Any) -> str:
    register(client, app)
    english(client)
    public_id = start(client)
    fill_all(client, public_id)
    assert submit(client, public_id).status_code == 302
    return_for_revision(app, public_id, REASON, {"ktp": "The KTP photo is unreadable."})
    return public_id


def test_the_applicant_sees_the_reason_and_what_to_replace(
    app: Any, client: Any, catalogue: Any
) -> None:
    public_id = _returned(app, client)
    mine = client.get("/permohonan/").get_data(as_text=True)
    assert REASON in mine and "Revise and send back" in mine
    assert client.get(f"/permohonan/{public_id}").headers["Location"].endswith("/periksa")
    documents = client.get(f"/permohonan/{public_id}/dokumen").get_data(as_text=True)
    ktp = documents.split('id="doc-ktp"', 1)[1].split("</li>", 1)[0]
    assert "The KTP photo is unreadable." in ktp and "revise-reason" in ktp
    assert "revise-reason" not in documents.split('id="doc-sertifikat_nib"', 1)[1].split("</li>")[0]
    page = client.get(f"/permohonan/{public_id}/halaman/usaha")
    assert page.status_code == 200 and REASON in page.get_data(as_text=True)


def test_resubmission_needs_the_replaced_document(app: Any, client: Any, catalogue: Any) -> None:
    public_id = _returned(app, client)
    refused = submit(client, public_id)
    assert refused.status_code == 422
    assert "Replace the document:" in refused.get_data(as_text=True)
    assert status(app, public_id) == "returned"
    assert upload(client, public_id, "ktp", "ktp-baru.pdf", PDF).status_code == 302
    assert (
        post_page(client, public_id, "usaha", {**PAGE_USAHA, "luas_usaha": "100"}).status_code
        == 302
    )
    response = submit(client, public_id)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    assert status(app, public_id) == "in_progress"
    steps = tasks(app, public_id)
    assert steps[-2] == ("verifikasi", "pemohon", "done")
    assert steps[-1] == ("verifikasi", "front_office", "open")
    with app.app_context():
        from tests.revision_support import application

        found = application(public_id)
        assert found.data["luas_usaha"] == 100 and "_draft" not in found.data


def test_resubmission_checks_eligibility_again(app: Any, client: Any, catalogue: Any) -> None:
    public_id = _returned(app, client)
    upload(client, public_id, "ktp", "ktp-baru.pdf", PDF)
    post_page(client, public_id, "usaha", {**PAGE_USAHA, "luas_usaha": "6000"})
    refused = submit(client, public_id)
    assert refused.status_code == 422
    assert "Premises over 5,000" in refused.get_data(as_text=True)
    assert status(app, public_id) == "returned"


def test_only_draft_or_returned_can_be_edited(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    public_id = start(client)
    fill_all(client, public_id)
    submit(client, public_id)
    assert client.get(f"/permohonan/{public_id}/halaman/usaha").status_code == 409
    token = csrf(client.get(f"/permohonan/{public_id}/tanda-terima").get_data(as_text=True))
    response = client.post(f"/permohonan/{public_id}/ajukan", data={"csrf_token": token})
    assert response.status_code == 409
