"""Read side of the public catalogue: the current published version of each permit type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from runtime.models import DefinitionVersion, PermitType


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    version: DefinitionVersion

    @property
    def definition(self) -> dict[str, Any]:
        return self.version.definition


def current_versions(session: Session) -> list[CatalogueEntry]:
    """The newest non-retired published version of every active permit type, by code."""
    newest = (
        select(DefinitionVersion.permit_type_id, func.max(DefinitionVersion.number).label("n"))
        .where(DefinitionVersion.retired_at.is_(None))
        .group_by(DefinitionVersion.permit_type_id)
        .subquery()
    )
    rows = session.execute(
        select(PermitType.code, DefinitionVersion)
        .join(DefinitionVersion, DefinitionVersion.permit_type_id == PermitType.id)
        .join(
            newest,
            (newest.c.permit_type_id == DefinitionVersion.permit_type_id)
            & (newest.c.n == DefinitionVersion.number),
        )
        .where(PermitType.retired_at.is_(None))
        .order_by(PermitType.code)
    ).all()
    return [CatalogueEntry(code, version) for code, version in rows]


def current_version(session: Session, code: str) -> DefinitionVersion | None:
    for entry in current_versions(session):
        if entry.code == code:
            return entry.version
    return None


def search(entries: list[CatalogueEntry], query: str) -> list[CatalogueEntry]:
    """Case-insensitive match on name, description, category and code in either language."""
    words = query.lower().split()
    if not words:
        return entries

    def haystack(entry: CatalogueEntry) -> str:
        d = entry.definition
        parts = [entry.code]
        for key in ("name", "description"):
            parts.extend(str(v) for v in d.get(key, {}).values())
        parts.extend(str(v) for v in d.get("category", {}).get("name", {}).values())
        return " ".join(parts).lower()

    return [e for e in entries if all(w in haystack(e) for w in words)]


def by_category(entries: list[CatalogueEntry], lang: str) -> list[tuple[str, list[CatalogueEntry]]]:
    groups: dict[str, list[CatalogueEntry]] = {}
    for entry in entries:
        name = entry.definition.get("category", {}).get("name", {})
        label = str(name.get(lang) or name.get("id") or "")
        groups.setdefault(label, []).append(entry)
    return sorted(groups.items())
