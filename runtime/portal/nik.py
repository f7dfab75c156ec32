"""NIK (Nomor Induk Kependudukan) plausibility: 16 digits, a province code that exists, and a
date of birth part that is a real date (women's day is +40)."""

from __future__ import annotations

import datetime as dt
import re

#: BPS province codes (two digits) for the 38 provinces
PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "51",
        "52",
        "53",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "72",
        "73",
        "74",
        "75",
        "76",
        "81",
        "82",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
    ]
)


def valid_nik(value: str) -> bool:
    if not re.fullmatch(r"[0-9]{16}", value or ""):
        return False
    if value[:2] not in PROVINCES or value[2:4] == "00" or value[12:] == "0000":
        return False
    day, month, year = int(value[6:8]), int(value[8:10]), int(value[10:12])
    if day > 40:
        day -= 40
    try:
        dt.date(2000 + year, month, day)
    except ValueError:
        return False
    return True
