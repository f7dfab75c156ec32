"""Training routes (/pelatihan/): the trainer page, the role switch and the reset.

Registered only in training mode (see `runtime.training.init_app`)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    stream_template,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response as BaseResponse

from runtime import audit
from runtime.auth.session_user import SessionUser
from runtime.extensions import current_session, db, login_manager
from runtime.i18n import role_name, text
from runtime.models import User
from runtime.training import switching
from runtime.training.present import scenario_rows
from runtime.training.workshop import WorkshopReset
from runtime.workflow.settings import WorkflowSettings

bp = Blueprint("training", __name__, url_prefix="/pelatihan")
log = logging.getLogger(__name__)


@bp.app_context_processor
def _bar() -> dict[str, Any]:
    """What templates/training/_bar.html needs; `training_mode` is what base.html tests."""
    return {
        "training_mode": True,
        "training_roles": switching.demo_roles,
        "training_role": _current_demo_role,
    }


def _current_demo_role() -> str | None:
    if not current_user.is_authenticated:
        return None
    return switching.demo_role_of(current_user.user)


@bp.get("/")
def index() -> str:
    user = current_user.user if current_user.is_authenticated else None
    return render_template(
        "training/index.html",
        rows=scenario_rows(current_session()),
        can_reset=user is not None and switching.may_reset(user),
    )


@bp.post("/peran")
def switch() -> BaseResponse:
    """Log the browser in as the demo user of the chosen role (demo users only)."""
    role = request.form.get("role", "")
    session = current_session()
    user = switching.demo_user_for(session, role)
    if user is None:
        abort(400)
    before = current_user.user.email if current_user.is_authenticated else ""
    audit.record(
        session,
        actor=user,
        actor_role=role,
        entity="user",
        entity_id=user.id,
        action="training.switch_role",
        from_state=before,
        to_state=role,
    )
    db.session.commit()
    login_user(SessionUser(user))
    flash(_("You are now %(name)s (%(role)s).", name=user.name, role=role_name(role)), "info")
    return redirect(url_for(switching.home_endpoint(role)))


@bp.post("/reset")
def reset() -> BaseResponse:
    """Wipe the workshop's applications and build the scenarios again, streaming progress."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not switching.may_reset(current_user.user):
        abort(403)
    if request.form.get("confirm") != "yes":
        flash(_("Tick the box to confirm the reset."), "error")
        return redirect(url_for(".index"))
    settings = WorkflowSettings.from_config(current_app.config)
    steps = _progress(db.engine, current_user.user.id, settings)
    return Response(stream_template("training/reset.html", steps=steps))


def _progress(
    engine: Engine, actor_id: int, settings: WorkflowSettings
) -> Iterator[tuple[str, str]]:
    """(kind, message) lines for the progress page; commits only when everything succeeded.

    The work runs in its own Session: a streamed response outlives the request's session. The
    page header above the progress list was rendered with a request-scoped session (the inbox
    counts); it is closed first, or its open read transaction would block PostgreSQL's TRUNCATE."""
    db.session.remove()
    with Session(engine) as session:
        actor = session.get(User, actor_id)
        assert actor is not None
        job = WorkshopReset(session, actor, settings)
        try:
            wiped = job.wipe()
            yield (
                "ok",
                ngettext(
                    "Deleted %(num)d application with its tasks, documents and audit trail.",
                    "Deleted %(num)d applications with their tasks, documents and audit trail.",
                    wiped.rows.get("application", 0),
                ),
            )
            for item in job.reseed():
                yield "ok", _("Scenario ready: %(title)s", title=text(item.title))
            session.commit()
        except Exception:
            session.rollback()
            log.exception("training reset failed")
            yield "failed", _("The reset failed; nothing was changed.")
            return
    job.remove_files()
    yield "done", _("Reset complete.")
