"""The whole check of a definition as the CLI and publishing run it: upgrade, schema, lint."""

from __future__ import annotations

from typing import Any

from builder.lint import lint_definition
from builder.migrations import UnsupportedFormatVersion, upgrade
from builder.problems import Problem


def check_definition(definition: Any) -> tuple[Any, list[Problem]]:
    """`(upgraded definition, problems)`. Never raises for bad content.

    An unsupported `format_version` is a problem (the definition is then returned as given).
    """
    if isinstance(definition, dict):
        try:
            definition = upgrade(definition)
        except UnsupportedFormatVersion as exc:
            return definition, [
                Problem(
                    "/format_version",
                    "unsupported_format_version",
                    f"format_version tidak didukung: {exc}",
                    f"unsupported format_version: {exc}",
                )
            ]
    return definition, lint_definition(definition)
