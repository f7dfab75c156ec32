"""Officer form data that walks the sample permits through their chains (unit, integration, e2e)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

PERMITS = Path(__file__).resolve().parents[3] / "form_schemas" / "permits"


def sample_data(code: str) -> dict[str, Any]:
    """The first test case's application data of a sample permit."""
    definition = json.loads((PERMITS / f"{code}.json").read_text())
    return dict(definition["test_cases"][0]["data"])


def form_for(step_id: str, today: dt.date, amount: str = "960000") -> dict[str, Any]:
    """Officer form data for the steps of the samples that carry a form or a payment."""
    iso = today.isoformat()
    forms: dict[str, dict[str, Any]] = {
        "penjadwalan": {
            "nomor_surat_tugas": "800/123/DPMPTSP",
            "tanggal_pemeriksaan": iso,
            "petugas": [
                {"nama": "Budi Santoso", "nip": "198001012005011001", "unsur": "dpmptsp"},
                {"nama": "Agus Salim", "nip": "", "unsur": "satpol_pp"},
            ],
        },
        "inspeksi_lapangan": {
            "tanggal_bap": iso,
            "luas_terukur": 120,
            "tingkat_gangguan": "sedang",
            "jenis_gangguan_ditemukan": ["kebisingan"],
            "titik_lokasi": {"lat": -1.2379, "lng": 116.8529},
            "temuan": "Sesuai dengan permohonan.",
            "rekomendasi": "layak",
        },
        "pembayaran": {"amount": amount, "reference": "BPD-2026-0001", "paid_on": iso},
        "pemeriksaan_lokasi": {
            "tanggal_pemeriksaan": iso,
            "jumlah_kamar_terhitung": 10,
            "temuan": "Sesuai denah.",
        },
        "rekomendasi_kecamatan": {
            "nomor_rekomendasi": "REK-KEC-1",
            "tanggal_rekomendasi": iso,
            "tanggapan_warga": "mendukung",
        },
        "rekomendasi_perkim": {
            "nomor_rekomendasi": "REK-PERKIM-1",
            "tanggal_rekomendasi": iso,
            "layak_huni": "layak",
        },
    }
    return forms.get(step_id, {})
