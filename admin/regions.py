"""Load Indonesia's administrative regions (province → regency → district → village) into the
`regions` reference list from the vendored CSVs of the npm package idn-area-data
(admin/data/idn-area/; code MIT, data ODbL — see the licence files there).

Keys are the Kemendagri codes (`64`, `64.71`, `64.71.02`, `64.71.02.1003`); `parent_key` links
each level to the one above. Existing keys are left as they are (an admin may have corrected a
name), so the loader can be run again after an update of the data.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from runtime.models import ReferenceItem

DATA = Path(__file__).resolve().parent / "data" / "idn-area"
LIST_CODE = "regions"
#: file → the column holding the parent code
LEVELS = (
    ("provinces", None),
    ("regencies", "province_code"),
    ("districts", "regency_code"),
    ("villages", "district_code"),
)
CHUNK = 2000


def read_level(
    folder: Path, name: str, parent_column: str | None
) -> Iterator[dict[str, str | None]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {
                "list_code": LIST_CODE,
                "key": row["code"],
                "label_id": row["name"],
                "label_en": row["name"],
                "parent_key": row[parent_column] if parent_column else None,
            }


def load_regions(session: Session, folder: Path = DATA, *, levels: int = 4) -> dict[str, int]:
    """Insert the regions not yet present; return the number added per level."""
    existing = set(
        session.scalars(select(ReferenceItem.key).where(ReferenceItem.list_code == LIST_CODE))
    )
    added: dict[str, int] = {}
    for name, parent_column in LEVELS[:levels]:
        rows = [r for r in read_level(folder, name, parent_column) if r["key"] not in existing]
        for start in range(0, len(rows), CHUNK):
            session.execute(insert(ReferenceItem), rows[start : start + CHUNK])
        added[name] = len(rows)
    return added


@click.command("load-regions")
@click.option(
    "--levels",
    type=click.IntRange(1, 4),
    default=4,
    help="1 = provinces … 4 = down to villages (default).",
)
@with_appcontext
def load_regions_command(levels: int) -> None:
    """Load the administrative regions of Indonesia into the `regions` reference list."""
    from runtime.extensions import db

    added = load_regions(db.session(), levels=levels)
    db.session.commit()
    for name, count in added.items():
        click.echo(f"{name}: {count} added")
