"""A small subset of the vendored regions for tests: two provinces, the regencies of East
Kalimantan (64), the districts of Balikpapan (64.71) and the villages of two of its districts.
Loaded through the real loader (admin.regions.load_regions) from CSVs cut from the vendored ones."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from admin.regions import DATA, load_regions

#: file → (column to filter on, the values kept)
SUBSET = {
    "provinces": ("code", {"64", "31"}),
    "regencies": ("province_code", {"64"}),
    "districts": ("regency_code", {"64.71"}),
    "villages": ("district_code", {"64.71.01", "64.71.02"}),
}
_folder: Path | None = None


def subset_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="rakit-regions-"))
        for name, (column, kept) in SUBSET.items():
            with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as source:
                reader = csv.DictReader(source)
                rows = [row for row in reader if row[column] in kept]
                fields = reader.fieldnames or []
            with (_folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as target:
                writer = csv.DictWriter(target, fieldnames=fields)
                writer.writeheader()
                writer.writerows(rows)
    return _folder


def seed_region_subset(session: Session) -> dict[str, int]:
    return load_regions(session, subset_folder())
