"""Catalogue views (no login needed)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from runtime import catalogue
from runtime.extensions import current_session
from runtime.i18n import select_locale
from runtime.public.formula_words import formula_words

bp = Blueprint("public", __name__)
bp.add_app_template_global(formula_words, "formula_words")


@bp.get("/")
def index() -> str:
    lang = select_locale()
    query = request.args.get("q", "").strip()[:100]
    entries = catalogue.search(catalogue.current_versions(current_session()), query)
    return render_template(
        "public/catalogue.html",
        groups=catalogue.by_category(entries, lang),
        query=query,
        count=len(entries),
    )


@bp.get("/izin/<code>")
def permit(code: str) -> str:
    version = catalogue.current_version(current_session(), code)
    if version is None:
        abort(404)
    return render_template("public/permit.html", version=version, d=version.definition)
