"""Who may use /admin, and the CSRF-protected form base for every model view.

Only logged-in users with the `admin` role reach any admin view: anonymous visitors are sent
to the login page, everyone else gets 403. `AdminSecureForm` is Flask-Admin's SecureForm whose
token is Flask-WTF's, so the app-wide CSRFProtect (which checks every POST, admin included) and
the form's own check agree on one token.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app
from flask_admin.form import SecureForm
from flask_login import current_user
from flask_wtf.csrf import _FlaskFormCSRF

from runtime.models import User

ADMIN_ROLE = "admin"


def is_admin() -> bool:
    return bool(current_user.is_authenticated and current_user.user.has_role(ADMIN_ROLE))


def admin_user() -> User | None:
    """The logged-in admin's User row (for audit events)."""
    return current_user.user if current_user.is_authenticated else None


class AdminOnly:
    """Mixin for every Flask-Admin view (the index included)."""

    def is_accessible(self) -> bool:
        return is_admin()

    def inaccessible_callback(self, name: str, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            from runtime.extensions import login_manager

            return login_manager.unauthorized()
        abort(403)


class AdminSecureForm(SecureForm):
    """SecureForm with Flask-WTF's token (see the module docstring)."""

    class Meta:
        csrf = True
        csrf_class = _FlaskFormCSRF
        csrf_field_name = "csrf_token"

        @property
        def csrf_secret(self) -> Any:
            return current_app.config.get("WTF_CSRF_SECRET_KEY", current_app.secret_key)

        @property
        def csrf_time_limit(self) -> Any:
            return current_app.config.get("WTF_CSRF_TIME_LIMIT", 3600)
