"""Helpers for the builder's unit tests: a small valid definition and a way to break it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL: dict[str, Any] = json.loads((FIXTURES / "minimal.json").read_text(encoding="utf-8"))


def minimal() -> dict[str, Any]:
    return copy.deepcopy(MINIMAL)


def _parent(doc: Any, path: str) -> tuple[Any, str | int]:
    parts = [p.replace("~1", "/").replace("~0", "~") for p in path.split("/")[1:]]
    node = doc
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    return node, (int(last) if isinstance(node, list) and last != "-" else last)


def patch(doc: dict[str, Any], ops: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Apply ("set", pointer, value), ("add", pointer, value) (list insert, "-" appends) and
    ("del", pointer) to a copy of `doc`."""
    doc = copy.deepcopy(doc)
    for op, path, *value in ops:
        node, key = _parent(doc, path)
        if op == "set":
            node[key] = value[0]
        elif op == "add":
            node.append(value[0]) if key == "-" else node.insert(key, value[0])
        elif op == "del":
            del node[key]
        else:
            raise ValueError(op)
    return doc
