"""Registry of workflow roles: the codes a step's `role` may name, with display names.

The runtime's account roles use the same codes (`runtime.auth.roles.STAFF_ROLES` + `pemohon`).
"""

from __future__ import annotations

from typing import NamedTuple


class Role(NamedTuple):
    code: str
    name_id: str
    name_en: str


_ALL = [
    Role("pemohon", "Pemohon", "Applicant"),
    Role("front_office", "Petugas Loket", "Front office"),
    Role("scheduler", "Bagian Penjadwalan", "Scheduler"),
    Role("field_inspector", "Tim Teknis Lapangan", "Field inspector"),
    Role("technical_agency", "OPD Teknis", "Technical agency"),
    Role("back_office", "Back Office", "Back office"),
    Role("cashier", "Bendahara Penerima", "Cashier"),
    Role("kasi", "Kepala Seksi", "Section head"),
    Role("kabid", "Kepala Bidang", "Division head"),
    Role("kepala_dinas", "Kepala Dinas", "Agency head"),
    Role("archivist", "Arsip", "Archivist"),
    Role("admin", "Admin", "Administrator"),
]

ROLES: dict[str, Role] = {r.code: r for r in _ALL}


class UnknownRole(KeyError):
    """Raised by `role` for a code that is not registered."""


def role(code: str) -> Role:
    """The registered role `code`; raises `UnknownRole` naming the valid codes."""
    try:
        return ROLES[code]
    except KeyError:
        raise UnknownRole(f"unknown role {code!r}; valid: {', '.join(ROLES)}") from None
