"""The holiday calendar: national holidays from the `holidays` package plus cuti bersama.

Cuti bersama (collective leave) is decreed yearly by a joint ministerial decree (SKB) and is not in
the `holidays` package, so it is listed here and stays editable in the admin. The 2027 dates are
estimates until the SKB is published: admins confirm them in the holiday calendar.
"""

from __future__ import annotations

import datetime as dt

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime.models import Holiday

CUTI_BERSAMA: dict[dt.date, tuple[str, str]] = {
    dt.date(2026, 2, 16): ("Cuti bersama Tahun Baru Imlek", "Collective leave: Chinese New Year"),
    dt.date(2026, 3, 18): ("Cuti bersama Hari Suci Nyepi", "Collective leave: Nyepi"),
    dt.date(2026, 3, 20): ("Cuti bersama Idul Fitri", "Collective leave: Eid al-Fitr"),
    dt.date(2026, 3, 23): ("Cuti bersama Idul Fitri", "Collective leave: Eid al-Fitr"),
    dt.date(2026, 3, 24): ("Cuti bersama Idul Fitri", "Collective leave: Eid al-Fitr"),
    dt.date(2026, 5, 15): ("Cuti bersama Kenaikan Yesus Kristus", "Collective leave: Ascension"),
    dt.date(2026, 5, 28): ("Cuti bersama Idul Adha", "Collective leave: Eid al-Adha"),
    dt.date(2026, 12, 24): ("Cuti bersama Hari Raya Natal", "Collective leave: Christmas"),
    dt.date(2027, 3, 9): (
        "Cuti bersama Idul Fitri (perkiraan)",
        "Collective leave: Eid (estimate)",
    ),
    dt.date(2027, 3, 12): (
        "Cuti bersama Idul Fitri (perkiraan)",
        "Collective leave: Eid (estimate)",
    ),
    dt.date(2027, 3, 15): (
        "Cuti bersama Idul Fitri (perkiraan)",
        "Collective leave: Eid (estimate)",
    ),
    dt.date(2027, 12, 24): (
        "Cuti bersama Hari Raya Natal (perkiraan)",
        "Collective leave: Christmas (estimate)",
    ),
}


def national_holidays(years: range) -> dict[dt.date, tuple[str, str]]:
    names_id = holidays.country_holidays("ID", years=years, language="id")
    names_en = holidays.country_holidays("ID", years=years, language="en_US")
    return {day: (str(name), str(names_en.get(day, name))) for day, name in names_id.items()}


def seed_holidays(session: Session, years: range = range(2026, 2028)) -> int:
    """Insert missing national holidays and cuti bersama for `years`; returns rows added."""
    existing = set(session.scalars(select(Holiday.day)))
    added = 0
    for kind, days in (("national", national_holidays(years)), ("cuti_bersama", CUTI_BERSAMA)):
        for day, (name_id, name_en) in sorted(days.items()):
            if day.year in years and day not in existing:
                session.add(Holiday(day=day, name_id=name_id, name_en=name_en, kind=kind))
                existing.add(day)
                added += 1
    return added


def holiday_set(session: Session) -> frozenset[dt.date]:
    """Every non-working day in the calendar (weekends are handled by the calendar code)."""
    return frozenset(session.scalars(select(Holiday.day)))
