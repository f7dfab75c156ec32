"""Reading the `regions` reference list: the children of a region, and names for codes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime.models import ReferenceItem

LIST_CODE = "regions"
#: address levels from the top; a region's level is the number of dots in its code
LEVELS = ("province", "regency", "district", "village")


def children(session: Session, parent: str | None) -> list[tuple[str, str]]:
    """(code, name) of the regions directly under `parent` (None: the provinces), by name."""
    where = (
        ReferenceItem.parent_key.is_(None) if parent is None else ReferenceItem.parent_key == parent
    )
    rows = session.execute(
        select(ReferenceItem.key, ReferenceItem.label_id)
        .where(ReferenceItem.list_code == LIST_CODE, where)
        .order_by(ReferenceItem.label_id)
    )
    return [(key, name) for key, name in rows]


def names(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """Names of the given region codes (codes that are not loaded are left out)."""
    wanted = sorted({c for c in codes if c})
    if not wanted:
        return {}
    rows = session.execute(
        select(ReferenceItem.key, ReferenceItem.label_id).where(
            ReferenceItem.list_code == LIST_CODE, ReferenceItem.key.in_(wanted)
        )
    )
    return {key: name for key, name in rows}
