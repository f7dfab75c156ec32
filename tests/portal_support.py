"""Shared data and helpers for the portal's integration and end-to-end tests."""

from __future__ import annotations

import re
from typing import Any

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
#: a Windows executable (MZ header) renamed to .pdf
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200

NIK = "3171011501900001"
NIK_2 = "3171015506920002"

PAGE_PEMOHON = {
    "bentuk_pemohon": "perorangan",
    "nama_pemohon": "Siti Rahayu",
    "nik": NIK,
    "tanggal_lahir": "1990-01-15",
    "email": "siti@example.id",
    "telepon": "081234567890",
    "alamat_pemohon-province": "64",
    "alamat_pemohon-regency": "64.71",
    "alamat_pemohon-district": "64.71.01",
    "alamat_pemohon-village": "64.71.01.1001",
    "alamat_pemohon-street": "Jl. Jenderal Sudirman No. 1",
}
PAGE_USAHA = {
    "nama_usaha": "Bengkel Las Maju",
    "nib": "1234567890123",
    "jenis_usaha": "Bengkel las",
    "skala_usaha": "kecil",
    "luas_usaha": "120",
    "kelas_lokasi": "lokal",
    "tingkat_gangguan": "sedang",
    "jenis_gangguan": "kebisingan",
    "alamat_usaha-province": "64",
    "alamat_usaha-regency": "64.71",
    "alamat_usaha-district": "64.71.01",
    "alamat_usaha-village": "64.71.01.1001",
    "alamat_usaha-street": "Jl. Mulawarman No. 9",
    "lokasi_usaha-lat": "-1.2654",
    "lokasi_usaha-lng": "116.8312",
    "status_tempat": "milik_sendiri",
}
PAGE_PERNYATAAN = {"setuju_pernyataan": "y", "cara_pengambilan": "ambil"}
#: documents required for an individual who owns the premises, with a file of an accepted type
DOCUMENTS = {
    "ktp": ("ktp.pdf", PDF),
    "sertifikat_nib": ("nib.pdf", PDF),
    "bukti_kepemilikan": ("sertifikat.pdf", PDF),
    "pbg_imb": ("imb.pdf", PDF),
    "denah_lokasi": ("denah.pdf", PDF),
    "foto_lokasi": ("foto.png", PNG),
    "pbb_lunas": ("pbb.pdf", PDF),
}


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert found, "no csrf token in page"
    return found.group(1)


def register(
    client: Any, app: Any, *, nik: str = NIK, email: str = "siti@example.id", verify: bool = True
) -> None:
    page = client.get("/akun/daftar").get_data(as_text=True)
    response = client.post(
        "/akun/daftar",
        data={
            "csrf_token": csrf(page),
            "nik": nik,
            "name": "Siti Rahayu",
            "email": email,
            "phone": "081234567890",
            "password": "rahasia-sekali-1",
            "confirm": "rahasia-sekali-1",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    if verify:
        client.get(verification_link(app, email))


def verification_link(app: Any, email: str) -> str:
    from sqlalchemy import select

    from runtime.extensions import db
    from runtime.models import OutboxMessage

    with app.app_context():
        body = db.session.scalars(
            select(OutboxMessage.body)
            .where(OutboxMessage.to_address == email)
            .order_by(OutboxMessage.id.desc())
        ).first()
    assert body
    return re.search(r"(/akun/verifikasi/\S+)", body).group(1)


def start(client: Any, code: str = "izin-gangguan") -> str:
    page = client.get(f"/permohonan/mulai/{code}").get_data(as_text=True)
    response = client.post(f"/permohonan/mulai/{code}", data={"csrf_token": csrf(page)})
    assert response.status_code == 302
    return response.headers["Location"].split("/permohonan/")[1].split("/")[0]


def post_page(client: Any, public_id: str, page_id: str, data: dict[str, Any]) -> Any:
    url = f"/permohonan/{public_id}/halaman/{page_id}"
    token = csrf(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, "action": "next", **data})


def upload(client: Any, public_id: str, code: str, name: str, content: bytes) -> Any:
    import io

    token = csrf(client.get(f"/permohonan/{public_id}/dokumen").get_data(as_text=True))
    return client.post(
        f"/permohonan/{public_id}/dokumen/{code}",
        data={"csrf_token": token, "file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def fill_all(client: Any, public_id: str, usaha: dict[str, Any] | None = None) -> None:
    for page_id, data in (
        ("pemohon", PAGE_PEMOHON),
        ("usaha", usaha or PAGE_USAHA),
        ("pernyataan", PAGE_PERNYATAAN),
    ):
        response = post_page(client, public_id, page_id, data)
        assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    for code, (name, content) in DOCUMENTS.items():
        assert upload(client, public_id, code, name, content).status_code == 302


def submit(client: Any, public_id: str) -> Any:
    token = csrf(client.get(f"/permohonan/{public_id}/periksa").get_data(as_text=True))
    return client.post(f"/permohonan/{public_id}/ajukan", data={"csrf_token": token})
