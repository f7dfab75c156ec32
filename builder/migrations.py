"""Moving definitions written in an older format forward to `FORMAT_VERSION`.

Each migration is a named function from format version N to N + 1, registered in `MIGRATIONS`
under N; its docstring says why the format changed. `upgrade` applies them in order. Format 1 is
the first published format, so the registry is empty: the mechanism is here (and tested) so the
first change to the format has a place to go.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

FORMAT_VERSION = 1

Definition = dict[str, Any]
Migration = Callable[[Definition], Definition]

#: from-version → function returning the definition in from-version + 1.
MIGRATIONS: dict[int, Migration] = {}


class UnsupportedFormatVersion(ValueError):
    """The definition's `format_version` is newer than this code, or has no migration path."""


def upgrade(
    definition: Definition,
    *,
    migrations: dict[int, Migration] | None = None,
    target: int = FORMAT_VERSION,
) -> Definition:
    """A copy of `definition` in format `target` (the input is never modified).

    A definition without an integer `format_version` is returned unchanged (a copy), so the
    schema reports it. Raises `UnsupportedFormatVersion` for a version newer than `target` or
    one with no registered migration.
    """
    steps = MIGRATIONS if migrations is None else migrations
    result = copy.deepcopy(definition)
    version = result.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return result
    if version > target:
        raise UnsupportedFormatVersion(f"format_version {version} is newer than {target}")
    while version < target:
        if version not in steps:
            raise UnsupportedFormatVersion(f"no migration from format_version {version}")
        result = steps[version](result)
        version += 1
        result["format_version"] = version
    return result
