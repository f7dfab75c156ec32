"""Role checks for views: every back-office route declares the roles it serves."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user

from builder.roles import ROLES

F = TypeVar("F", bound=Callable[..., Any])

#: Every role except the applicant's, from the builder's role registry.
STAFF_ROLES = frozenset(code for code in ROLES if code != "pemohon")


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
