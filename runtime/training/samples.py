"""Sample files and officer form data that walk the training scenarios through their chains.

Plain Python (no Flask). The files are real (a one-page PDF, a small PNG) so an officer who opens
an uploaded document in a workshop sees something, and so the upload checks accept them."""

from __future__ import annotations

import datetime as dt
import io
from functools import cache
from html import escape
from typing import Any

#: what the applicant "uploads" for every required document (first accepted type wins)
SAMPLE_TEXT = "CONTOH — dokumen untuk pelatihan Rakit / SAMPLE — training document"


@cache
def sample_pdf() -> bytes:
    """A one-page PDF saying it is a training sample (rendered once per process)."""
    from runtime.pdf import render_pdf

    body = f"<h1 style='font-family: DejaVu Sans'>{escape(SAMPLE_TEXT)}</h1>"
    return render_pdf(f"<!doctype html><html><body>{body}</body></html>")


@cache
def sample_png() -> bytes:
    """A small grey PNG with the word CONTOH (a 'photo' for image-only documents)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 200), (225, 230, 235))
    ImageDraw.Draw(image).text((110, 90), "CONTOH", fill=(40, 40, 40))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sample_file(accept: list[str]) -> tuple[str, bytes]:
    """(file name, content) of a sample of a type the document accepts."""
    if "pdf" in accept:
        return "contoh.pdf", sample_pdf()
    return "contoh.png", sample_png()


def officer_form(
    permit: str, step_id: str, today: dt.date, data: dict[str, Any], amount: str = ""
) -> dict[str, Any]:
    """Officer form data for a scenario step that carries a form or a payment ({} otherwise).

    `data` is the application's data: the inspection confirms what the applicant declared."""
    iso = today.isoformat()
    forms: dict[tuple[str, str], dict[str, Any]] = {
        ("izin-gangguan", "penjadwalan"): {
            "nomor_surat_tugas": "800/017/DPMPTSP",
            "tanggal_pemeriksaan": iso,
            "petugas": [
                {"nama": "Budi Santoso", "nip": "198001012005011001", "unsur": "dpmptsp"},
                {"nama": "Agus Salim", "nip": "", "unsur": "satpol_pp"},
            ],
        },
        ("izin-gangguan", "inspeksi_lapangan"): {
            "tanggal_bap": iso,
            "luas_terukur": data.get("luas_usaha", 120),
            "tingkat_gangguan": data.get("tingkat_gangguan", "sedang"),
            "jenis_gangguan_ditemukan": list(data.get("jenis_gangguan") or ["kebisingan"]),
            "titik_lokasi": {"lat": -1.2379, "lng": 116.8529},
            "temuan": "Sesuai dengan permohonan.",
            "rekomendasi": "layak",
        },
        ("rumah-kos", "pemeriksaan_lokasi"): {
            "tanggal_pemeriksaan": iso,
            "jumlah_kamar_terhitung": 12,
            "temuan": "Sesuai denah.",
        },
    }
    if step_id == "pembayaran":
        return {"amount": amount, "reference": "BPD-PELATIHAN-0001", "paid_on": iso}
    return forms.get((permit, step_id), {})
