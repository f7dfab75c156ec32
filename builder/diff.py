"""Structured diff of two definitions, matched by id (not by list position).

`diff_definitions(before, after)` returns `Change`s, each with `section` (`meta`, `pages`,
`fields`, `documents`, `eligibility`, `fees`, `steps`, `tables`, `outputs`), `op`
(`added`/`removed`/`changed`), the item `id` (None for section-level settings such as the fee
currency or `workflow.start`), a JSON `pointer` (into `after`, or `before` for a removal), the
`before`/`after` values and, for a change, the `changed_keys`. A field that moves to another page
shows as changed with `page` in its changed keys; reordering within a list is not a change.
`summary(changes)` and `Change.describe(lang)` give the human text in id and en.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from builder.problems import pointer

Op = Literal["added", "removed", "changed"]
Items = dict[str, tuple[str, Any]]  # id → (pointer, value)

_SECTION_NAMES = {
    "meta": ("data umum", "general data"),
    "pages": ("halaman", "page"),
    "fields": ("isian", "field"),
    "documents": ("dokumen", "document"),
    "eligibility": ("aturan kelayakan", "eligibility rule"),
    "fees": ("biaya", "fee item"),
    "steps": ("langkah", "step"),
    "tables": ("tabel", "table"),
    "outputs": ("keluaran", "output"),
    "test_cases": ("kasus uji", "test case"),
}
_OPS = {
    "added": ("ditambahkan", "added"),
    "removed": ("dihapus", "removed"),
    "changed": ("diubah", "changed"),
}
_META_KEYS = (
    "format_version",
    "code",
    "name",
    "description",
    "category",
    "legal_basis",
    "service_standard",
)


@dataclass(frozen=True)
class Change:
    section: str
    op: Op
    id: str | None
    pointer: str
    before: Any = None
    after: Any = None
    changed_keys: tuple[str, ...] = ()

    def describe(self, lang: str = "en") -> str:
        what = _SECTION_NAMES[self.section][lang != "id"]
        verb = _OPS[self.op][lang != "id"]
        name = f" {self.id!r}" if self.id is not None else ""
        keys = f" ({', '.join(self.changed_keys)})" if self.changed_keys else ""
        return f"{what}{name} {verb}{keys}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["changed_keys"] = list(self.changed_keys)
        return data


def diff_definitions(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """All changes from `before` to `after`, section by section."""
    changes: list[Change] = []
    for section, extract in _SECTIONS:
        changes += _compare(section, extract(before), extract(after))
    return changes


def summary(changes: list[Change], lang: str = "en") -> str:
    """One line per change, after a count; `lang` is "id" or "en"."""
    if not changes:
        return "Tidak ada perubahan." if lang == "id" else "No changes."
    head = f"{len(changes)} perubahan:" if lang == "id" else f"{len(changes)} change(s):"
    return "\n".join([head, *(f"- {c.describe(lang)}" for c in changes)])


def _compare(section: str, old: Items, new: Items) -> Iterator[Change]:
    for key, (at, value) in old.items():
        if key not in new:
            yield Change(section, "removed", _id(key), at, before=value)
    for key, (at, value) in new.items():
        if key not in old:
            yield Change(section, "added", _id(key), at, after=value)
        elif old[key][1] != value:
            yield Change(
                section,
                "changed",
                _id(key),
                at,
                old[key][1],
                value,
                _changed_keys(old[key][1], value),
            )


def _id(key: str) -> str | None:
    return None if key.startswith("@") else key


def _changed_keys(old: Any, new: Any) -> tuple[str, ...]:
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return ()
    return tuple(sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k)))


def _meta(defn: dict[str, Any]) -> Items:
    return {key: (pointer(key), defn[key]) for key in _META_KEYS if key in defn}


def _pages(defn: dict[str, Any]) -> Items:
    pages = defn.get("form", {}).get("pages", [])
    return {
        p["id"]: (pointer("form", "pages", i), {k: v for k, v in p.items() if k != "fields"})
        for i, p in enumerate(pages)
    }


def _fields(defn: dict[str, Any]) -> Items:
    items: Items = {}
    for i, page in enumerate(defn.get("form", {}).get("pages", [])):
        for j, f in enumerate(page.get("fields", [])):
            items.setdefault(
                f["id"], (pointer("form", "pages", i, "fields", j), {**f, "page": page["id"]})
            )
    return items


def _listed(key: str, id_key: str = "id") -> Any:
    def extract(defn: dict[str, Any]) -> Items:
        return {item[id_key]: (pointer(key, i), item) for i, item in enumerate(defn.get(key, []))}

    return extract


def _fees(defn: dict[str, Any]) -> Items:
    fees = defn.get("fees", {})
    items: Items = {"@settings": ("/fees", {k: v for k, v in fees.items() if k != "items"})}
    for i, item in enumerate(fees.get("items", [])):
        items[item["id"]] = (pointer("fees", "items", i), item)
    return items


def _steps(defn: dict[str, Any]) -> Items:
    workflow = defn.get("workflow", {})
    items: Items = {"@start": ("/workflow/start", workflow.get("start"))}
    for i, step in enumerate(workflow.get("steps", [])):
        at = pointer("workflow", "steps", i)
        items[step["id"]] = (at, {k: v for k, v in step.items() if k != "steps"})
        for j, sub in enumerate(step.get("steps", [])):
            items[sub["id"]] = (at + pointer("steps", j), {**sub, "parent": step["id"]})
    return items


def _tables(defn: dict[str, Any]) -> Items:
    return {
        name: (pointer("tables", name), table) for name, table in defn.get("tables", {}).items()
    }


_SECTIONS = (
    ("meta", _meta),
    ("pages", _pages),
    ("fields", _fields),
    ("documents", _listed("documents", "code")),
    ("eligibility", _listed("eligibility")),
    ("fees", _fees),
    ("steps", _steps),
    ("tables", _tables),
    ("outputs", _listed("outputs", "kind")),
    ("test_cases", _listed("test_cases")),
)
