"""Authentication and role checks."""

from runtime.auth.roles import STAFF_ROLES, current_roles, role_required

__all__ = ["STAFF_ROLES", "current_roles", "role_required"]
