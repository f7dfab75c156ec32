"""Permit types: the list (with status, published version and applications in flight), creating
one (blank, cloned from a type, or cloned from the sample catalogue) and retiring one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import flash, redirect, request, url_for
from flask_admin import expose
from flask_admin.contrib.sqla import ModelView
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Regexp

from admin import drafts
from admin.security import AdminOnly, AdminSecureForm, admin_user
from admin.views.base import session
from runtime.extensions import db
from runtime.models import PermitType
from runtime.safe_redirect import safe_next_url

BLANK = Path(__file__).resolve().parent.parent / "data" / "blank.json"


class NewPermitTypeForm(FlaskForm):
    source = SelectField(_l("Start from"), choices=[])
    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(),
            Regexp(
                r"^[a-z][a-z0-9-]{1,62}$",
                message=_l("Lowercase letters, digits or hyphens, starting with a letter."),
            ),
        ],
    )
    name_id = StringField(_l("Name (Indonesian)"), validators=[DataRequired()])
    name_en = StringField(_l("Name (English)"), validators=[DataRequired()])


def _source_choices() -> list[SelectChoice]:
    choices = [SelectChoice("blank", _("Blank permit type"))]
    for permit_type in db.session.scalars(select(PermitType).order_by(PermitType.code)):
        choices.append(SelectChoice(f"type:{permit_type.id}", f"{_('Clone')}: {permit_type}"))
    for stem, definition in drafts.sample_catalogue().items():
        name = definition.get("name", {}).get("id", stem)
        choices.append(SelectChoice(f"sample:{stem}", f"{_('Sample catalogue')}: {name}"))
    return choices


def _source_definition(source: str) -> dict[str, Any] | None:
    if source == "blank":
        loaded: dict[str, Any] = json.loads(BLANK.read_text(encoding="utf-8"))
        return loaded
    kind, _sep, key = source.partition(":")
    if kind == "type" and key.isdigit():
        permit_type = db.session.get(PermitType, int(key))
        return drafts.working_definition(permit_type) if permit_type else None
    if kind == "sample":
        return drafts.sample_catalogue().get(key)
    return None


def _code_link(view: Any, context: Any, model: PermitType, name: str) -> Markup:
    url = url_for("definitions.edit", permit_type_id=model.id)
    return Markup('<a href="{}">{}</a>').format(url, model.code)


def _published(view: Any, context: Any, model: PermitType, name: str) -> str:
    return f"v{model.versions[-1].number}" if model.versions else "—"


def _in_flight(view: Any, context: Any, model: PermitType, name: str) -> int:
    return drafts.in_flight_count(session(), model.id)


def _status(view: Any, context: Any, model: PermitType, name: str) -> str:
    labels = {
        "retired": _("Retired"),
        "draft": _("Draft, never published"),
        "changed": _("Published, draft has changes"),
        "published": _("Published"),
    }
    return labels[drafts.status(model)]


class PermitTypeView(AdminOnly, ModelView):
    can_create = False
    can_edit = False
    can_delete = False
    form_base_class = AdminSecureForm
    list_template = "rakit_admin/permit_type_list.html"
    column_list = ("code", "name_id", "category_code", "status", "published", "in_flight")
    column_labels = {
        "code": _l("Code"),
        "name_id": _l("Name"),
        "category_code": _l("Category"),
        "status": _l("Status"),
        "published": _l("Published version"),
        "in_flight": _l("Applications in flight"),
    }
    column_searchable_list = ("code", "name_id", "name_en")
    column_filters = ("category_code",)
    column_formatters = {
        "code": _code_link,
        "published": _published,
        "in_flight": _in_flight,
        "status": _status,
    }

    @expose("/start/", methods=("GET", "POST"))
    def new(self) -> Any:
        form = NewPermitTypeForm()
        form.source.choices = _source_choices()
        if form.validate_on_submit():
            source = _source_definition(form.source.data or "")
            if source is None:
                form.source.errors = [_("Unknown source.")]
            else:
                return self._create(form, source)
        return self.render("rakit_admin/permit_type_new.html", form=form)

    def _create(self, form: NewPermitTypeForm, source: dict[str, Any]) -> Any:
        definition = drafts.clone_definition(
            source,
            form.code.data or "",
            {"id": form.name_id.data or "", "en": form.name_en.data or ""},
        )
        how = "create" if form.source.data == "blank" else f"clone:{form.source.data}"
        try:
            permit_type = drafts.create_permit_type(
                session(), definition, actor=admin_user(), how=how
            )
        except drafts.PermitTypeExists:
            form.code.errors = [_("A permit type with this code already exists.")]
            return self.render("rakit_admin/permit_type_new.html", form=form)
        db.session.commit()
        flash(_("Permit type created. Edit its draft, test it, then publish."), "success")
        return redirect(url_for("definitions.edit", permit_type_id=permit_type.id))

    @expose("/<int:permit_type_id>/retire", methods=("POST",))
    def retire(self, permit_type_id: int) -> Response:
        permit_type = db.get_or_404(PermitType, permit_type_id)
        drafts.retire_permit_type(session(), permit_type, actor=admin_user())
        db.session.commit()
        flash(_("Permit type retired. Applications in flight keep their version."), "success")
        return redirect(safe_next_url(request.referrer, "permit_types.index_view"))
