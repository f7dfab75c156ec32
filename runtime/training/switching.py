"""Which demo user a trainer may switch to, and where each role starts. No Flask."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from builder.roles import ROLES, Role
from runtime.models import User
from runtime.seed.demo import DEMO_USERS

#: the endpoint each role starts from; every other (staff) role starts at the back office inbox
ROLE_HOME = {"pemohon": "portal.mine", "admin": "admin.index"}
STAFF_HOME = "backoffice.inbox"
DEMO_EMAILS = frozenset(d.email for d in DEMO_USERS)


def demo_roles() -> list[Role]:
    """The roles that have a demo user, in DEMO_USERS order."""
    return [ROLES[d.role] for d in DEMO_USERS if d.role in ROLES]


def demo_user_for(session: Session, role: str) -> User | None:
    """The active demo user of `role` — only users listed in DEMO_USERS, never anyone else."""
    email = next((d.email for d in DEMO_USERS if d.role == role), None)
    if email is None:
        return None
    user = session.scalar(select(User).where(User.email == email))
    if user is None or not user.is_active or not user.has_role(role):
        return None
    return user


def is_demo_user(user: User) -> bool:
    return user.email in DEMO_EMAILS


def demo_role_of(user: User) -> str | None:
    """The role `user` plays in training, when it is a demo user."""
    return next((d.role for d in DEMO_USERS if d.email == user.email), None)


def home_endpoint(role: str) -> str:
    return ROLE_HOME.get(role, STAFF_HOME)


def may_reset(user: User) -> bool:
    """Any demo user or an administrator may reset the workshop (training mode only)."""
    return is_demo_user(user) or user.has_role("admin")
