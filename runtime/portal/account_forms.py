"""Account forms: registration, password reset."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Regexp, ValidationError

from runtime.forms.registry import PHONE
from runtime.portal.nik import valid_nik


def _nik(form: Any, field: Any) -> None:
    if not valid_nik(field.data or ""):
        raise ValidationError(_l("This NIK is not valid: check the 16 digits on your e-KTP."))


class RegisterForm(FlaskForm):
    nik = StringField(_l("NIK (16 digits on your e-KTP)"), validators=[DataRequired(), _nik])
    name = StringField(
        _l("Full name (as on your e-KTP)"), validators=[DataRequired(), Length(max=200)]
    )
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    phone = StringField(
        _l("Mobile number"),
        validators=[DataRequired(), Regexp(PHONE, message=_l("Enter a number like 081234567890."))],
    )
    password = PasswordField(
        _l("Password (at least 10 characters)"),
        validators=[DataRequired(), Length(min=10, max=200)],
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )


class ForgotForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])


class ResetForm(FlaskForm):
    password = PasswordField(
        _l("New password (at least 10 characters)"),
        validators=[DataRequired(), Length(min=10, max=200)],
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords differ."))],
    )
