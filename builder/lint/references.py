"""Lint of references by name: output fields and placeholders, and test cases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from builder.lint.index import DefinitionIndex
from builder.problems import Problem, error, pointer, warning

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def check_outputs(index: DefinitionIndex) -> Iterator[Problem]:
    known = index.workflow_vars
    for i, output in enumerate(index.defn["outputs"]):
        for j, name in enumerate(output.get("fields", [])):
            if name not in known:
                yield error(
                    pointer("outputs", i, "fields", j),
                    "unknown_output_field",
                    f"keluaran {output['kind']!r} memuat {name!r}, yang bukan isian yang ada",
                    f"output {output['kind']!r} lists {name!r}, which is not an existing field",
                )
        for lang in ("id", "en"):
            text = output.get("text", {}).get(lang, "")
            for name in _PLACEHOLDER.findall(text):
                if name not in known:
                    yield error(
                        pointer("outputs", i, "text", lang),
                        "unknown_placeholder",
                        f"teks keluaran {output['kind']!r} memakai {{{name}}}: isian tidak ada",
                        f"the text of output {output['kind']!r} uses {{{name}}}: no such field",
                    )
    if not any(o["kind"] == "permit" for o in index.defn["outputs"]):
        yield warning(
            "/outputs",
            "permit_output_missing",
            "tidak ada keluaran 'permit' (SK izin)",
            "there is no 'permit' output (the permit decree)",
        )


def check_test_cases(index: DefinitionIndex) -> Iterator[Problem]:
    defn = index.defn
    names = {
        "failed_rules": ({e["id"] for e in defn["eligibility"]}, "aturan", "rule"),
        "documents": ({d["code"] for d in defn["documents"]}, "dokumen", "document"),
        "route": (set(index.steps), "langkah", "step"),
    }
    fee_items = {item["id"] for item in defn["fees"].get("items", [])}
    for i, case in enumerate(defn.get("test_cases", [])):
        at = pointer("test_cases", i)
        for key in case["data"]:
            if key not in index.fields:
                yield _unknown(
                    at + pointer("data", key), "unknown_test_data_key", case, key, "isian", "field"
                )
        expect: dict[str, Any] = case["expect"]
        for section, (valid, what_id, what_en) in names.items():
            for j, name in enumerate(expect.get(section, [])):
                if name not in valid:
                    yield _unknown(
                        at + pointer("expect", section, j),
                        "unknown_reference",
                        case,
                        name,
                        what_id,
                        what_en,
                    )
        for name in expect.get("fees", {}).get("items", {}):
            if name not in fee_items:
                where = at + pointer("expect", "fees", "items", name)
                yield _unknown(where, "unknown_reference", case, name, "butir biaya", "fee item")


def _unknown(
    at: str, code: str, case: dict[str, Any], name: str, what_id: str, what_en: str
) -> Problem:
    return error(
        at,
        code,
        f"kasus uji {case['id']!r} menyebut {what_id} {name!r} yang tidak ada",
        f"test case {case['id']!r} names {what_en} {name!r}, which does not exist",
    )
