"""Serves the rules engine's browser side (rules/static) at /static/rules/."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint

import rules

bp = Blueprint(
    "rules_static",
    __name__,
    static_folder=str(Path(rules.__file__).parent / "static"),
    static_url_path="/static/rules",
)
