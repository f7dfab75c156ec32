"""The regions loader reads the vendored idn-area-data CSVs into the `regions` reference list."""

from __future__ import annotations

from sqlalchemy import func, select

from admin.regions import load_regions
from runtime.extensions import db
from runtime.models import ReferenceItem


def test_regions_load_with_parents_and_a_second_run_adds_nothing(app):
    with app.app_context():
        added = load_regions(db.session, levels=3)
        db.session.commit()
        assert added == {"provinces": 38, "regencies": 514, "districts": 7277}
        regency = db.session.scalar(
            select(ReferenceItem).where(
                ReferenceItem.list_code == "regions", ReferenceItem.key == "64.71"
            )
        )
        assert regency.label_id == "KOTA BALIKPAPAN" and regency.parent_key == "64"
        assert load_regions(db.session, levels=3) == {
            "provinces": 0,
            "regencies": 0,
            "districts": 0,
        }
        total = db.session.scalar(
            select(func.count(ReferenceItem.id)).where(ReferenceItem.list_code == "regions")
        )
        assert total == 38 + 514 + 7277


def test_the_command_is_registered(app):
    assert "load-regions" in app.cli.commands
