"""Login and logout."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from runtime.auth.forms import LoginForm
from runtime.auth.passwords import hash_password, needs_rehash, verify_password
from runtime.auth.session_user import SessionUser
from runtime.extensions import db
from runtime.models import User, utcnow
from runtime.safe_redirect import safe_next_url

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        email = (form.email.data or "").strip().lower()
        user = db.session.scalar(select(User).where(func.lower(User.email) == email))
        if (
            user
            and user.is_active
            and verify_password(user.password_hash, form.password.data or "")
        ):
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(form.password.data or "")
            user.last_login_at = utcnow()
            db.session.commit()
            login_user(SessionUser(user))
            return redirect(safe_next_url(form.next.data, "public.index"))
        form.password.errors = [_("Email or password is wrong.")]
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout() -> Response:
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("public.index"))
