"""Language selection: Indonesian by default, English on a switch (kept in the session)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, current_app, redirect, request, session
from werkzeug.wrappers import Response

from runtime.safe_redirect import safe_next_url

LANGUAGES = ("id", "en")

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return str(chosen)
    return str(current_app.config.get("DEFAULT_LOCALE", "id"))


def text(value: Any, lang: str | None = None) -> str:
    """Pick the current language from a bilingual text {"id": …, "en": …} (or pass a str)."""
    if isinstance(value, dict):
        lang = lang or select_locale()
        return str(value.get(lang) or value.get("id") or value.get("en") or "")
    return "" if value is None else str(value)


def role_name(code: str, lang: str | None = None) -> str:
    """A role's display name (builder's role registry) in the current language."""
    from builder.roles import ROLES

    found = ROLES.get(code)
    return text({"id": found.name_id, "en": found.name_en}, lang) if found else code


@bp.post("/lang/<code>")
def switch(code: str) -> Response:
    if code in LANGUAGES:
        session["lang"] = code
    return redirect(safe_next_url(request.form.get("next") or request.referrer))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["t"] = text
    app.jinja_env.globals["current_lang"] = select_locale
    app.jinja_env.globals["role_name"] = role_name
