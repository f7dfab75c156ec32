"""Role checks for views: every back-office route declares the roles it serves."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

F = TypeVar("F", bound=Callable[..., Any])

STAFF_ROLES = frozenset(
    {
        "front_office",
        "scheduler",
        "field_inspector",
        "technical_agency",
        "back_office",
        "cashier",
        "kasi",
        "kabid",
        "kepala_dinas",
        "archivist",
        "admin",
    }
)


def current_roles() -> set[str]:
    if not current_user.is_authenticated:
        return set()
    return set(current_user.user.role_codes)


def role_required(*roles: str) -> Callable[[F], F]:
    """401 (via login redirect) when anonymous, 403 when logged in without any of `roles`."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                from runtime.extensions import login_manager

                return login_manager.unauthorized()
            if not current_roles().intersection(roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
