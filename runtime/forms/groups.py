"""Repeating groups: values of each row, the row count limits, and the add/remove row buttons.

Without JavaScript the buttons are submit buttons (`action=add:<group>`,
`action=remove:<group>:<index>`): the page is saved with everything typed, then shown again with
one row more or less. With JavaScript, `portal.js` clones or removes a row in the page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

ROW_ACTION = re.compile(r"(add):([a-z][a-z0-9_]*)|(remove):([a-z][a-z0-9_]*):([0-9]{1,3})")


@dataclass(frozen=True)
class RowAction:
    kind: str  # add | remove
    group: str
    index: int = -1


def parse_action(action: str) -> RowAction | None:
    """`add:bangunan` / `remove:bangunan:2` → a RowAction; anything else → None."""
    found = ROW_ACTION.fullmatch(action or "")
    if found is None:
        return None
    if found.group(1):
        return RowAction("add", found.group(2))
    return RowAction("remove", found.group(4), int(found.group(5)))


def without_row(formdata: MultiDict, group: str, index: int) -> MultiDict:
    """Posted data with row `index` of `group` removed and the rows after it renumbered."""
    pattern = re.compile(rf"{re.escape(group)}-([0-9]+)-(.+)")
    kept: MultiDict = MultiDict()
    rows = sorted({int(m.group(1)) for k in formdata if (m := pattern.fullmatch(k))})
    renumber = {old: new for new, old in enumerate(r for r in rows if r != index)}
    for key, value in formdata.items(multi=True):
        found = pattern.fullmatch(key)
        if found is None:
            kept.add(key, value)
        elif int(found.group(1)) != index:
            kept.add(f"{group}-{renumber[int(found.group(1))]}-{found.group(2)}", value)
    return kept


def limits(fdef: dict[str, Any]) -> tuple[int, int | None]:
    """(fewest rows shown, most rows allowed)."""
    return max(1, int(fdef.get("min_items") or 1)), fdef.get("max_items")


def count_problems(fdef: dict[str, Any], rows: list[Any], required: bool) -> list[str]:
    """Messages when the number of filled rows is outside min_items/max_items."""
    low, high = fdef.get("min_items"), fdef.get("max_items")
    if low and len(rows) < low and (rows or required):
        return [_("Fill in at least %(n)d rows.", n=low)]
    if high and len(rows) > high:
        return [_("Fill in at most %(n)d rows.", n=high)]
    return []


def row_problems(fdef: dict[str, Any], rows: list[dict[str, Any]], lang: str) -> list[str]:
    """A message per required sub-field left empty in a row that was started."""
    problems = []
    for number, row in enumerate(rows, start=1):
        for sub in fdef.get("fields", []):
            if sub.get("required") and sub.get("visible_if") is None and _blank(row.get(sub["id"])):
                name = (sub.get("label") or {}).get(lang) or sub["id"]
                problems.append(_("Row %(n)d: fill in “%(field)s”.", n=number, field=name))
    return problems


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == []
