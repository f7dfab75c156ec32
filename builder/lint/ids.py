"""Duplicate identifiers, each within its own scope."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from builder.lint.index import iter_page_fields, iter_steps
from builder.problems import Problem, error, pointer

Entry = tuple[str, str]  # (id, pointer to the id)


def check_duplicate_ids(defn: dict[str, Any]) -> Iterator[Problem]:
    for what, entries in _scopes(defn):
        yield from _duplicates(entries, *what)


def _scopes(defn: dict[str, Any]) -> Iterator[tuple[tuple[str, str], list[Entry]]]:
    pages = defn["form"]["pages"]
    yield (
        ("halaman", "page"),
        [(p["id"], pointer("form", "pages", i, "id")) for i, p in enumerate(pages)],
    )
    fields = iter_page_fields(defn)
    yield ("isian", "field"), [(f.id, f.pointer + "/id") for f in fields]
    for f in fields:
        yield _sub_fields(f.field, f.pointer, f"isian grup {f.id!r}", f"field of group {f.id!r}")
    yield _listed(defn["documents"], "code", ("documents",), ("dokumen", "document"))
    yield _listed(defn["eligibility"], "id", ("eligibility",), ("aturan", "rule"))
    yield _listed(
        defn["fees"].get("items", []), "id", ("fees", "items"), ("butir biaya", "fee item")
    )
    steps = iter_steps(defn)
    yield ("langkah", "step"), [(s.id, s.pointer + "/id") for s in steps]
    for s in steps:
        yield _sub_fields(
            {"fields": s.step.get("form", [])},
            s.pointer,
            f"isian langkah {s.id!r}",
            f"field of step {s.id!r}",
            "form",
        )
    yield _listed(defn["outputs"], "kind", ("outputs",), ("jenis keluaran", "output kind"))
    yield _listed(defn.get("test_cases", []), "id", ("test_cases",), ("kasus uji", "test case"))


def _listed(
    items: list[dict[str, Any]], key: str, at: tuple[str, ...], what: tuple[str, str]
) -> tuple[tuple[str, str], list[Entry]]:
    return what, [(item[key], pointer(*at, i, key)) for i, item in enumerate(items)]


def _sub_fields(
    container: dict[str, Any], at: str, what_id: str, what_en: str, key: str = "fields"
) -> tuple[tuple[str, str], list[Entry]]:
    entries = [
        (f["id"], at + pointer(key, i, "id")) for i, f in enumerate(container.get("fields", []))
    ]
    return (what_id, what_en), entries


def _duplicates(entries: Iterable[Entry], what_id: str, what_en: str) -> Iterator[Problem]:
    first: dict[str, str] = {}
    for ident, at in entries:
        if ident in first:
            yield error(
                at,
                "duplicate_id",
                f"{what_id} {ident!r} ganda (pertama di {first[ident]})",
                f"duplicate {what_en} {ident!r} (first at {first[ident]})",
            )
        else:
            first[ident] = at
