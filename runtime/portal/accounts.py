"""Applicant accounts: register (NIK, name, email, phone), verify the e-mail, reset the password.

Login and logout are the shared `auth` views."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user
from sqlalchemy import func, or_, select
from werkzeug.wrappers import Response

from runtime.auth.passwords import hash_password
from runtime.auth.session_user import SessionUser
from runtime.extensions import db
from runtime.models import User, UserRole, utcnow
from runtime.portal.access import session
from runtime.portal.account_forms import ForgotForm, RegisterForm, ResetForm
from runtime.portal.mail import RESET_SALT, VERIFY_SALT, make_token, queue_email, read_token

bp = Blueprint("accounts", __name__, url_prefix="/akun")


@bp.route("/daftar", methods=["GET", "POST"])
def register() -> str | Response:
    form = RegisterForm()
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        taken = db.session.scalar(
            select(User).where(or_(func.lower(User.email) == email, User.nik == form.nik.data))
        )
        if taken is None:
            user = User(
                email=email,
                name=(form.name.data or "").strip(),
                nik=form.nik.data,
                phone=form.phone.data or "",
                password_hash=hash_password(form.password.data or ""),
                roles=[UserRole(role="pemohon")],
            )
            db.session.add(user)
            db.session.flush()
            send_verification(user)
            db.session.commit()
            login_user(SessionUser(user))
            flash(
                _(
                    "Your account is ready. We sent a link to %(e)s: open it to confirm your "
                    "email before you submit.",
                    e=email,
                ),
                "success",
            )
            return redirect(url_for("portal.mine"))
        form.email.errors = [
            _("An account with this email or NIK already exists. Log in or reset your password.")
        ]
    return render_template("portal/register.html", form=form)


def send_verification(user: User) -> None:
    token = make_token(
        current_app.config["SECRET_KEY"], VERIFY_SALT, {"u": user.id, "e": user.email}
    )
    link = current_app.config["PUBLIC_URL"].rstrip("/") + url_for("accounts.verify", token=token)
    queue_email(
        session(),
        user.email,
        _("Confirm your email for the permit service"),
        _("Open this link to confirm your email: %(link)s", link=link),
    )


@bp.get("/verifikasi/<token>")
def verify(token: str) -> Response:
    payload = read_token(current_app.config["SECRET_KEY"], VERIFY_SALT, token)
    user = db.session.get(User, payload.get("u")) if payload else None
    if user is None or payload is None or user.email != payload.get("e"):
        flash(_("This confirmation link is not valid or has expired."), "error")
        return redirect(url_for("public.index"))
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        db.session.commit()
    flash(_("Your email is confirmed."), "success")
    return redirect(url_for("portal.mine"))


@bp.post("/kirim-ulang")
@login_required
def resend() -> Response:
    send_verification(current_user.user)
    db.session.commit()
    flash(_("We sent the confirmation link again."), "info")
    return redirect(url_for("portal.mine"))


@bp.route("/lupa-sandi", methods=["GET", "POST"])
def forgot() -> str | Response:
    form = ForgotForm()
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if user is not None and user.is_active:
            # the hash fragment makes the link single-use: it dies when the password changes
            token = make_token(
                current_app.config["SECRET_KEY"],
                RESET_SALT,
                {"u": user.id, "h": user.password_hash[-16:]},
            )
            link = current_app.config["PUBLIC_URL"].rstrip("/") + url_for(
                "accounts.reset", token=token
            )
            queue_email(
                session(),
                user.email,
                _("Reset your password"),
                _("Open this link to choose a new password: %(link)s", link=link),
            )
            db.session.commit()
        flash(_("If an account uses this email, we sent it a link to reset the password."), "info")
        return redirect(url_for("auth.login"))
    return render_template("portal/forgot.html", form=form)


@bp.route("/sandi-baru/<token>", methods=["GET", "POST"])
def reset(token: str) -> str | Response:
    payload = read_token(current_app.config["SECRET_KEY"], RESET_SALT, token)
    user = db.session.get(User, payload.get("u")) if payload else None
    if user is None or payload is None or user.password_hash[-16:] != payload.get("h"):
        flash(_("This reset link is not valid or has expired."), "error")
        return redirect(url_for("accounts.forgot"))
    form = ResetForm()
    if form.validate_on_submit():
        user.password_hash = hash_password(form.password.data or "")
        db.session.commit()
        flash(_("Your password is changed. Log in with the new password."), "success")
        return redirect(url_for("auth.login"))
    return render_template("portal/reset.html", form=form)
