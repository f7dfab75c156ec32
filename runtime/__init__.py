"""Rakit's web runtime: the application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, render_template
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from runtime.config import build_config
from runtime.extensions import babel, csrf, db, login_manager

TRANSLATIONS = Path(__file__).parent / "translations"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build a Rakit app. `config` overrides defaults and RAKIT_* environment variables."""
    app = Flask(__name__)
    app.config.update(build_config(config))
    Path(app.config["UPLOAD_FOLDER"]).mkdir(parents=True, exist_ok=True)

    from runtime import i18n

    db.init_app(app)
    csrf.init_app(app)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=str(TRANSLATIONS),
    )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    import runtime.auth.session_user  # noqa: F401  (registers the user loader)

    i18n.init_app(app)
    _register_blueprints(app)
    from admin import init_app as init_admin

    init_admin(app)
    _register_error_pages(app)
    _register_security_headers(app)

    from runtime.commands import register_commands

    register_commands(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from runtime.auth.views import bp as auth_bp
    from runtime.public import bp as public_bp
    from runtime.rules_static import bp as rules_static_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(rules_static_bp)
    from runtime import backoffice, training, verification

    app.register_blueprint(backoffice.bp)
    app.register_blueprint(verification.bp)
    from runtime.portal import accounts_bp, tracking_bp
    from runtime.portal import bp as portal_bp

    app.register_blueprint(portal_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(tracking_bp)
    from runtime.regions import bp as regions_bp

    app.register_blueprint(regions_bp)
    training.init_app(app)  # only in training mode (RAKIT_TRAINING_MODE)


def _register_error_pages(app: Flask) -> None:
    messages = {
        400: (lambda: _("Bad request"), lambda: _("The request could not be understood.")),
        403: (lambda: _("Access denied"), lambda: _("You do not have access to this page.")),
        404: (lambda: _("Page not found"), lambda: _("The page you asked for does not exist.")),
        413: (lambda: _("File too large"), lambda: _("The file you sent is too large.")),
    }

    def handle(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        title, message = messages.get(code, (lambda: error.name, lambda: error.description or ""))
        return render_template(
            "errors/error.html", code=code, title=title(), message=message()
        ), code

    for code in messages:
        app.register_error_handler(code, handle)


def _register_security_headers(app: Flask) -> None:
    @app.after_request
    def headers(response: Any) -> Any:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
