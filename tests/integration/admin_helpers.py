"""Helpers for the admin integration tests: users, logins, CSRF tokens."""

from __future__ import annotations

import re
from typing import Any

from runtime.auth.passwords import hash_password
from runtime.extensions import db
from runtime.models import User, UserRole


def make_user(app: Any, email: str, role: str) -> int:
    with app.app_context():
        user = User(email=email, name=email.split("@")[0], password_hash=hash_password("x" * 12))
        user.roles.append(UserRole(role=role))
        db.session.add(user)
        db.session.commit()
        return user.id


def login_as(client: Any, user_id: int) -> None:
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'data-csrf="([^"]+)"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


def admin_client(app: Any, client: Any) -> tuple[Any, str]:
    """Log `client` in as a new admin; return it and a CSRF token."""
    login_as(client, make_user(app, "admin@example.id", "admin"))
    page = client.get("/admin/transfer/").get_data(as_text=True)
    return client, csrf_from(page)
