"""Load a definition from a file, text or bytes into a dict.

Bad input never raises: it yields a `Problem` (code `invalid_json` with line and column, or
`not_an_object`), so the CLI and the admin editor can show it like any other problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from builder.problems import Problem


class LoadResult:
    """The loaded definition (`None` if it could not be read) and the problems found."""

    def __init__(self, definition: dict[str, Any] | None, problems: list[Problem]) -> None:
        self.definition = definition
        self.problems = problems

    @property
    def ok(self) -> bool:
        return self.definition is not None


def loads(source: str | bytes) -> LoadResult:
    """Parse JSON text or UTF-8 bytes (a UTF-8 BOM is tolerated)."""
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return LoadResult(
                None, [_problem("not_utf8", f"bukan UTF-8: {exc}", f"not UTF-8: {exc}")]
            )
    try:
        data = json.loads(source, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return LoadResult(
            None,
            [
                _problem(
                    "invalid_json",
                    f"JSON tidak valid pada baris {exc.lineno} kolom {exc.colno}: {exc.msg}",
                    f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
                )
            ],
        )
    except ValueError as exc:
        return LoadResult(
            None, [_problem("invalid_json", f"JSON tidak valid: {exc}", f"invalid JSON: {exc}")]
        )
    if not isinstance(data, dict):
        return LoadResult(
            None,
            [
                _problem(
                    "not_an_object",
                    "definisi harus berupa objek JSON",
                    "a definition must be a JSON object",
                )
            ],
        )
    return LoadResult(data, [])


def load_file(path: str | Path) -> LoadResult:
    """Read and parse the file at `path`; an unreadable file is a `Problem` too."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return LoadResult(
            None,
            [
                _problem(
                    "unreadable", f"berkas tidak dapat dibaca: {exc}", f"cannot read file: {exc}"
                )
            ],
        )
    return loads(raw)


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; Python's parser accepts them unless told otherwise.
    raise ValueError(f"{name} is not allowed")


def _problem(code: str, message_id: str, message_en: str) -> Problem:
    return Problem("", code, message_id, message_en)
