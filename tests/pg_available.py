"""Exit 0 when the test PostgreSQL answers (used by `make test` to decide on the second run)."""

from __future__ import annotations

import os
import sys

URL = os.environ.get("RAKIT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")

try:
    import psycopg

    with psycopg.connect(URL, connect_timeout=3) as conn:
        conn.execute("select 1")
except Exception as exc:  # noqa: BLE001 - any failure means "not available"
    print(f"PostgreSQL not available ({exc.__class__.__name__}): skipping the PostgreSQL run")
    sys.exit(1)
sys.exit(0)
