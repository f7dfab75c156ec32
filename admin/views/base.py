"""Base classes for admin views: access control, CSRF forms and the audit trail.

`AuditedModelView` records every create, update and delete with the row's column values before
and after (secrets such as password hashes are left out), in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from flask import g, redirect, url_for
from flask_admin import BaseView, expose
from flask_admin.contrib.sqla import ModelView
from sqlalchemy import inspect
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from admin.security import AdminOnly, AdminSecureForm, admin_user
from runtime.audit import record
from runtime.extensions import db

#: columns never copied into the audit trail
SECRET_COLUMNS = frozenset({"password_hash"})


def session() -> Session:
    """The request's SQLAlchemy Session (domain code takes a plain Session)."""
    return db.session()


def snapshot(model: Any) -> dict[str, Any]:
    """The model's column values as JSON-safe data (secrets left out)."""
    values: dict[str, Any] = {}
    for column in inspect(model).mapper.column_attrs:
        if column.key in SECRET_COLUMNS:
            continue
        values[column.key] = _jsonable(getattr(model, column.key))
    return values


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


class AdminBaseView(AdminOnly, BaseView):
    """A custom (non-model) admin page."""


class PermitTypePageView(AdminBaseView):
    """Pages reached from a permit type (editor, versions): not in the menu; their root sends
    the admin back to the permit-type list."""

    def is_visible(self) -> bool:
        return False

    @expose("/")
    def index(self) -> Response:
        return redirect(url_for("permit_types.index_view"))


class AuditedModelView(AdminOnly, ModelView):
    """A model view behind the admin check, with SecureForm and audit events."""

    form_base_class = AdminSecureForm
    page_size = 50
    #: entity name written to the audit trail (default: the table name)
    audit_entity: str | None = None

    def audit_snapshot(self, model: Any) -> dict[str, Any]:
        return snapshot(model)

    def _entity(self, model: Any) -> str:
        return self.audit_entity or str(model.__tablename__)

    def _key(self, model: Any) -> str:
        identity = inspect(model).identity
        return "/".join(_jsonable_str(v) for v in identity) if identity else "?"

    def update_model(self, form: Any, model: Any) -> bool:
        g.admin_audit_before = self.audit_snapshot(
            model
        )  # per request: views are shared by threads
        return bool(super().update_model(form, model))

    def on_model_change(self, form: Any, model: Any, is_created: bool) -> None:
        db.session.flush()
        record(
            session(),
            actor=admin_user(),
            entity=self._entity(model),
            entity_id=self._key(model),
            action="create" if is_created else "update",
            before=None if is_created else g.pop("admin_audit_before", None),
            after=self.audit_snapshot(model),
            actor_role="admin",
        )

    def on_model_delete(self, model: Any) -> None:
        record(
            session(),
            actor=admin_user(),
            entity=self._entity(model),
            entity_id=self._key(model),
            action="delete",
            before=self.audit_snapshot(model),
            actor_role="admin",
        )


def _jsonable_str(value: Any) -> str:
    return str(_jsonable(value))
