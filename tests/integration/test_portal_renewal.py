"""Renewal and amendment: started from an issued permit of the same type, prefilled from it,
with `kind` and `previous_application_id` set; the definition's meta.kind rules apply (the TDP
sample needs the old TDP number on renewal)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from runtime.extensions import db
from runtime.models import Application, User
from tests.language import english
from tests.portal_support import NIK, csrf, post_page, register

ADDRESS = {"province": "64", "regency": "64.71", "district": "64.71.02", "village": "64.71.02.1003"}
TDP = {
    "nama_pemohon": "Siti Rahayu",
    "nik": NIK,
    "tanggal_lahir": "1990-01-15",
    "jabatan": "Direktur",
    "email": "siti@example.id",
    "telepon": "081234567890",
    "alamat_pemohon": {**ADDRESS, "street": "Perumahan Balikpapan Baru D3/7"},
    "bentuk_perusahaan": "cv",
    "nama_perusahaan": "CV Karya Mandiri Teknik",
    "npwp_perusahaan": "012345674721000",
    "nib": "8120117654321",
    "alamat_perusahaan": {**ADDRESS, "street": "Jl. MT Haryono No. 21"},
    "nomor_siup": "503/2231/SIUP-K/DPMPTSP/2017",
    "tanggal_pendirian": "2016-02-01",
    "status_kantor": "tunggal",
    "kegiatan_pokok": "47111",
    "jumlah_karyawan": 12,
    "setuju_pernyataan": True,
    "cara_pengambilan": "ambil",
}
OLD_NUMBER = "17.01.1.46.00001"


def _earlier(app: Any, catalogue: Any, status: str = "issued", number: int = 42) -> str:
    with app.app_context():
        applicant = db.session.scalar(select(User).where(User.nik == NIK))
        earlier = Application(
            version_id=catalogue["tdp"].id,
            applicant=applicant,
            data=TDP,
            status=status,
            registration_number=f"DPMPTSP-DEMO/2021/{number:06d}",
        )
        db.session.add(earlier)
        db.session.commit()
        return earlier.public_id


def _follow_up(client: Any, public_id: str, kind: str) -> Any:
    token = csrf(client.get("/permohonan/mulai/tdp").get_data(as_text=True))
    return client.post(
        f"/permohonan/{public_id}/lanjutan", data={"csrf_token": token, "kind": kind}
    )


def _company_page(**extra: str) -> dict[str, str]:
    page = {
        k: str(v)
        for k, v in TDP.items()
        if k in ("bentuk_perusahaan", "nama_perusahaan", "npwp_perusahaan", "nib", "nomor_siup")
        or k in ("tanggal_pendirian", "status_kantor", "kegiatan_pokok", "jumlah_karyawan")
    }
    for part, value in TDP["alamat_perusahaan"].items():  # type: ignore[union-attr]
        page[f"alamat_perusahaan-{part}"] = value
    return {**page, **extra}


def test_renewal_starts_prefilled_from_the_issued_permit(
    app: Any, client: Any, catalogue: Any
) -> None:
    register(client, app)
    english(client)
    earlier = _earlier(app, catalogue)
    start_page = client.get("/permohonan/mulai/tdp").get_data(as_text=True)
    assert "DPMPTSP-DEMO/2021/000042" in start_page and "Renew this permit" in start_page
    response = _follow_up(client, earlier, "renewal")
    assert response.status_code == 302
    new_id = response.headers["Location"].split("/permohonan/")[1].split("/")[0]
    with app.app_context():
        renewal = db.session.scalar(select(Application).where(Application.public_id == new_id))
        previous = db.session.scalar(select(Application).where(Application.public_id == earlier))
        assert renewal.kind == "renewal" and renewal.status == "draft"
        assert renewal.previous_application_id == previous.id
        assert renewal.data == TDP and renewal.registration_number is None
    company = client.get(f"/permohonan/{new_id}/halaman/perusahaan").get_data(as_text=True)
    assert 'value="CV Karya Mandiri Teknik"' in company
    assert 'id="f-nomor_tdp_lama"' in company  # shown only on renewal/amendment
    review = client.get(f"/permohonan/{new_id}/periksa").get_data(as_text=True)
    assert "A renewal or amendment needs the previous TDP number." in review
    saved = post_page(client, new_id, "perusahaan", _company_page(nomor_tdp_lama=OLD_NUMBER))
    assert saved.status_code == 302, saved.get_data(as_text=True)[:3000]
    review = client.get(f"/permohonan/{new_id}/periksa").get_data(as_text=True)
    assert 'id="ineligible"' not in review


def test_a_new_tdp_does_not_ask_for_the_old_number(app: Any, client: Any, catalogue: Any) -> None:
    from tests.portal_support import start

    register(client, app)
    new_id = start(client, "tdp")
    company = client.get(f"/permohonan/{new_id}/halaman/perusahaan").get_data(as_text=True)
    assert 'id="f-nomor_tdp_lama"' not in company


def test_amendment_sets_its_kind(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    response = _follow_up(client, _earlier(app, catalogue), "amendment")
    new_id = response.headers["Location"].split("/permohonan/")[1].split("/")[0]
    with app.app_context():
        found = db.session.scalar(select(Application).where(Application.public_id == new_id))
        assert found.kind == "amendment" and found.data["nama_perusahaan"] == TDP["nama_perusahaan"]


def test_only_an_issued_permit_can_be_renewed(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    assert _follow_up(client, _earlier(app, catalogue, "in_progress"), "renewal").status_code == 409
    assert _follow_up(client, _earlier(app, catalogue, number=43), "new").status_code == 400
