"""Counter service: a front-office officer files for a walk-in applicant, found or created by NIK.

The application belongs to the applicant (`applicant_id`), records the officer (`filed_by_id`)
and the channel `counter`; the officer then fills the same pages as the applicant would."""

from __future__ import annotations

import secrets

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.wrappers import Response
from wtforms import EmailField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from runtime import catalogue
from runtime.auth import role_required
from runtime.auth.passwords import hash_password
from runtime.models import User, UserRole
from runtime.portal import bp, services
from runtime.portal.access import session, step_url
from runtime.portal.nik import valid_nik


def _nik(form: object, field: StringField) -> None:
    if not valid_nik(field.data or ""):
        raise ValidationError(_l("This NIK is not valid: check the 16 digits on the e-KTP."))


class CounterForm(FlaskForm):
    permit = SelectField(_l("Permit type"), validators=[DataRequired()])
    nik = StringField(_l("Applicant's NIK"), validators=[DataRequired(), _nik])
    name = StringField(_l("Applicant's full name (new applicants)"), validators=[Length(max=200)])
    email = EmailField(_l("Applicant's email (optional)"), validators=[Optional(), Email()])
    phone = StringField(_l("Applicant's mobile number"), validators=[Length(max=32)])


@bp.route("/loket", methods=["GET", "POST"])
@role_required("front_office")
def counter() -> str | Response:
    from flask_login import current_user

    entries = catalogue.current_versions(session())
    form = CounterForm()
    form.permit.choices = [
        SelectChoice(e.code, e.definition["name"]["id"])
        for e in entries
        if "counter" in e.definition["service_standard"]["channels"]
    ]
    if form.validate_on_submit():
        applicant = session().scalar(select(User).where(User.nik == form.nik.data))
        if applicant is None:
            if not (form.name.data or "").strip():
                form.name.errors = [_("New applicant: fill in the name.")]
                return render_template("portal/counter.html", form=form)
            applicant = _walk_in(form)
        version = catalogue.current_version(session(), form.permit.data or "")
        if version is None:
            abort(404)
        application = services.start(
            session(), version, applicant, channel="counter", filed_by=current_user.user
        )
        session().commit()
        flash(_("Filing for %(name)s.", name=applicant.name), "info")
        return redirect(step_url(application, application.current_page))
    return render_template("portal/counter.html", form=form)


def _walk_in(form: CounterForm) -> User:
    """An account for an applicant without one; a random password (they can reset it later)."""
    email = (form.email.data or "").strip().lower() or f"{form.nik.data}@loket.rakit.invalid"
    user = User(
        email=email,
        name=(form.name.data or "").strip(),
        nik=form.nik.data,
        phone=form.phone.data or "",
        password_hash=hash_password(secrets.token_urlsafe()),
        roles=[UserRole(role="pemohon")],
    )
    session().add(user)
    session().flush()
    return user
