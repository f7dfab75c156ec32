"""rules.explain: reasons in Indonesian and English from the failing sub-rules."""

from __future__ import annotations

from datetime import date

import rules

LABELS = {
    "luas_usaha": {"id": "Luas usaha", "en": "Business area", "unit": "m²"},
    "tanggal_lahir": {"id": "Tanggal lahir", "en": "Date of birth"},
    "kelas_lokasi": {"id": "Kelas lokasi", "en": "Location class"},
    "setuju": {"id": "Pernyataan kebenaran data", "en": "Data declaration"},
}
CTX = rules.EvalContext(today=date(2025, 3, 14))


def test_limit_exceeded() -> None:
    rule = {"<=": [{"var": "luas_usaha"}, 500]}
    data = {"luas_usaha": 620}
    assert rules.explain(rule, data, "id", LABELS) == ["Luas usaha 620 m² melebihi batas 500 m²"]
    assert rules.explain(rule, data, "en", LABELS) == [
        "Business area 620 m² exceeds the limit of 500 m²"
    ]


def test_true_rule_has_no_reasons() -> None:
    assert rules.explain({"<=": [{"var": "luas_usaha"}, 500]}, {"luas_usaha": 5}, "id") == []


def test_every_failing_clause_of_an_and() -> None:
    rule = {
        "and": [
            {"<=": [{"var": "luas_usaha"}, 500]},
            {">=": [{"age": [{"var": "tanggal_lahir"}]}, 17]},
            {"in": [{"var": "kelas_lokasi"}, ["A", "B"]]},
            {"!!": [{"var": "setuju"}]},
            {"!": {"missing": ["nik"]}},
        ]
    }
    data = {"luas_usaha": 1500000, "tanggal_lahir": "2010-01-01", "kelas_lokasi": "C"}
    assert rules.explain(rule, data, "id", LABELS, CTX) == [
        "Luas usaha 1.500.000 m² melebihi batas 500 m²",
        "umur (dari Tanggal lahir) 15 kurang dari batas minimum 17",
        "Kelas lokasi C tidak termasuk nilai yang diizinkan (A, B)",
        "Pernyataan kebenaran data belum diisi",
        "Isian wajib belum diisi: nik",
    ]
    assert rules.explain(rule, data, "en", LABELS, CTX) == [
        "Business area 1,500,000 m² exceeds the limit of 500 m²",
        "age (from Date of birth) 15 is below the minimum of 17",
        "Location class C is not one of the allowed values (A, B)",
        "Data declaration is not filled in",
        "Required fields are not filled in: nik",
    ]


def test_unlabelled_var_uses_its_path_and_between() -> None:
    rule = {"<=": [10, {"var": "jumlah_karyawan"}, 50]}
    assert rules.explain(rule, {"jumlah_karyawan": 60}, "en") == [
        "jumlah_karyawan 60 must be between 10 and 50"
    ]


def test_or_and_if_and_flipped_comparison() -> None:
    rule = {"or": [{"==": [{"var": "kelas_lokasi"}, "A"]}, {"<": [1000, {"var": "luas_usaha"}]}]}
    reasons = rules.explain(rule, {"kelas_lokasi": "B", "luas_usaha": 10}, "id", LABELS)
    assert reasons == [
        "Tidak satu pun terpenuhi: Kelas lokasi harus A, bukan B; "
        "Luas usaha 10 m² harus lebih dari 1.000 m²"
    ]
    branch = {"if": [{"==": [{"var": "kelas_lokasi"}, "A"]}, True, {"valid_nik": {"var": "nik"}}]}
    assert rules.explain(branch, {"kelas_lokasi": "B", "nik": "123"}, "en") == [
        "nik is not a valid NIK"
    ]


def test_empty_value_in_comparison() -> None:
    assert rules.explain({">=": [{"var": "luas_usaha"}, 1]}, {}, "en", LABELS) == [
        "Business area is not filled in"
    ]
