"""`flask seed-demo`: everything a fresh demo or training database needs, idempotently.

Regions are loaded by admin/regions.py's loader, all four levels (about 91,600 rows: ~2 s on
SQLite, ~6.5 s on PostgreSQL; a second run only reads the existing keys)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from admin.regions import load_regions
from runtime.definitions import load_catalogue
from runtime.seed.demo import seed_office, seed_reference_lists, seed_users
from runtime.seed.holidays import seed_holidays
from runtime.seed.scenarios import seed_scenarios


def seed_everything(session: Session, catalogue: Path | None = None) -> list[str]:
    """Seed holidays, reference lists (regions included), the demo office and users, and
    publish the catalogue."""
    holidays = seed_holidays(session)
    seed_reference_lists(session)
    regions = load_regions(session)
    office = seed_office(session)
    users = seed_users(session, office)
    published = load_catalogue(session, catalogue)
    scenarios = seed_scenarios(session)  # training: one demo application per flow
    return [
        f"Holidays added: {holidays}",
        "Regions added: " + ", ".join(f"{level} {count}" for level, count in regions.items()),
        f"Demo users: {len(users)} (one per role)",
        f"Training scenarios created: {len(scenarios)}",
        "Published permit types: "
        + ", ".join(f"{code} v{v.number}" for code, v in sorted(published.items())),
    ]
