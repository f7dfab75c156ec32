"""Canonical JSON form of a definition and its content hash.

Canonical bytes: keys sorted, 2-space indent, non-ASCII kept as UTF-8 (`ensure_ascii=False`),
one trailing newline. Export always writes this form, so export → import → export is
byte-identical, and two definitions with the same content have the same `content_hash`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_text(data: Any) -> str:
    """`data` as canonical JSON text (with the trailing newline)."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def canonical_bytes(data: Any) -> bytes:
    """`data` as canonical UTF-8 JSON bytes."""
    return canonical_text(data).encode("utf-8")


def content_hash(data: Any) -> str:
    """SHA-256 hex digest of the canonical bytes of `data`."""
    return hashlib.sha256(canonical_bytes(data)).hexdigest()
