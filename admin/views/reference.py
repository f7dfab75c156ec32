"""Reference data: users and their roles, offices, reference lists, the holiday calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import PasswordField, SelectField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from admin.views.base import AuditedModelView, snapshot
from builder.roles import ROLES
from runtime.auth.passwords import hash_password
from runtime.extensions import db
from runtime.models import Holiday, Office, ReferenceItem, User, UserRole


def _role_choices() -> list[SelectChoice]:
    return [SelectChoice(code, f"{role.name_id} / {role.name_en}") for code, role in ROLES.items()]


def _office_choices() -> list[SelectChoice]:
    offices = db.session.scalars(select(Office).order_by(Office.name))
    return [SelectChoice("", "—"), *(SelectChoice(str(o.id), o.name) for o in offices)]


def _office_id(value: Any) -> int | None:
    return int(value) if value not in (None, "", "None") else None


def _holiday_kinds() -> list[SelectChoice]:
    return [
        SelectChoice("national", str(_l("National holiday"))),
        SelectChoice("cuti_bersama", str(_l("Collective leave"))),
        SelectChoice("local", str(_l("Local holiday"))),
    ]


class UserView(AuditedModelView):
    """Users with their roles. The password hash is never shown; an admin may set a new password
    in a separate field, which is hashed before it is stored."""

    column_list = ("email", "name", "roles", "office", "is_active", "last_login_at")
    column_searchable_list = ("email", "name")
    column_filters = ("is_active",)
    column_formatters = {"roles": lambda v, c, m, n: ", ".join(sorted(m.role_codes))}
    column_details_exclude_list = ("password_hash",)
    column_export_exclude_list = ("password_hash",)
    can_view_details = True
    form_columns = (
        "email",
        "name",
        "nik",
        "phone",
        "office_choice",
        "is_active",
        "locale",
        "role_codes_field",
        "new_password",
    )
    form_extra_fields = {
        # a plain select (Flask-Admin's relation select yields tuples WTForms 3.3 deprecates)
        "office_choice": SelectField(_l("Office"), choices=_office_choices, coerce=_office_id),
        "role_codes_field": SelectMultipleField(_l("Roles"), choices=_role_choices),
        "new_password": PasswordField(
            _l("New password"),
            validators=[Optional(), Length(min=10)],
            description=_l("Leave empty to keep the current password."),
        ),
    }

    def on_form_prefill(self, form: Any, id: Any) -> None:
        model = self.get_one(id)
        if model is not None:
            form.role_codes_field.data = sorted(model.role_codes)
            form.office_choice.data = model.office_id

    def on_model_change(self, form: Any, model: User, is_created: bool) -> None:
        model.office_id = form.office_choice.data
        if form.new_password.data:
            model.password_hash = hash_password(form.new_password.data)
        elif is_created or not model.password_hash:
            # no password yet: the account cannot log in until one is set
            model.password_hash = "!"  # noqa: S105 - not a hash: never verifies
        wanted = set(form.role_codes_field.data or [])
        model.roles[:] = [r for r in model.roles if r.role in wanted]
        model.roles.extend(UserRole(role=code) for code in sorted(wanted - model.role_codes))
        super().on_model_change(form, model, is_created)

    def audit_snapshot(self, model: Any) -> dict[str, Any]:
        return {**snapshot(model), "roles": sorted(model.role_codes)}


class OfficeView(AuditedModelView):
    column_list = ("code", "name", "region_name", "signing_official_name")
    column_searchable_list = ("code", "name", "region_name")
    form_columns = (
        "code",
        "name",
        "region_name",
        "address",
        "letterhead",
        "signing_official_name",
        "signing_official_title",
        "signing_official_nip",
    )


class ReferenceItemView(AuditedModelView):
    """Regions (province → regency → district → village), KBLI, location classes…"""

    column_list = ("list_code", "key", "label_id", "label_en", "parent_key")
    column_filters = ("list_code", "parent_key")
    column_searchable_list = ("key", "label_id", "label_en")
    column_default_sort = ("key", False)
    form_columns = ("list_code", "key", "label_id", "label_en", "parent_key", "extra")


class HolidayView(AuditedModelView):
    """The holiday calendar: national holidays, cuti bersama, local days off."""

    column_list = ("day", "name_id", "name_en", "kind")
    column_default_sort = ("day", True)
    column_filters = ("kind", "day")
    form_columns = ("day", "name_id", "name_en", "kind")
    form_overrides = {"kind": SelectField}
    form_args = {"kind": {"choices": _holiday_kinds}}

    def get_one(self, id: str) -> Holiday | None:
        """The primary key is a date; URLs carry it as YYYY-MM-DD."""
        try:
            day = dt.date.fromisoformat(str(id))
        except ValueError:
            return None
        return db.session.get(Holiday, day)


def reference_views(session: Any) -> list[Any]:
    """The reference-data model views, under the "Reference data" menu."""
    category = _l("Reference data")
    return [
        UserView(User, session, name=_l("Users"), category=category, endpoint="users"),
        OfficeView(Office, session, name=_l("Offices"), category=category, endpoint="offices"),
        ReferenceItemView(
            ReferenceItem,
            session,
            name=_l("Reference lists"),
            category=category,
            endpoint="reference_items",
        ),
        HolidayView(Holiday, session, name=_l("Holidays"), category=category, endpoint="holidays"),
    ]
