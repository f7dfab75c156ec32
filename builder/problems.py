"""`Problem`: one thing wrong with a definition, located by a JSON pointer, told in id and en."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """A validation or lint finding.

    `pointer` is an RFC 6901 JSON pointer into the definition (`""` = the whole document);
    `code` is a stable machine-readable name (tests and the admin UI key on it).
    """

    pointer: str
    code: str
    message_id: str
    message_en: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "en") -> str:
        return self.message_id if lang == "id" else self.message_en


def pointer(*parts: str | int) -> str:
    """Build a JSON pointer from path parts, escaping `~` and `/` as RFC 6901 requires."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def error(at: str, code: str, message_id: str, message_en: str) -> Problem:
    return Problem(at, code, message_id, message_en, "error")


def warning(at: str, code: str, message_id: str, message_en: str) -> Problem:
    return Problem(at, code, message_id, message_en, "warning")
