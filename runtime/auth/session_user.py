"""Flask-Login glue: the logged-in principal wraps a User row."""

from __future__ import annotations

from flask_login import UserMixin

from runtime.extensions import db, login_manager
from runtime.models import User


class SessionUser(UserMixin):
    def __init__(self, user: User) -> None:
        self.user = user

    def get_id(self) -> str:
        return str(self.user.id)

    @property
    def is_active(self) -> bool:
        return bool(self.user.is_active)


@login_manager.user_loader
def load_user(user_id: str) -> SessionUser | None:
    if not user_id.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    return SessionUser(user) if user is not None and user.is_active else None
