"""Back-office views: thin translators between HTTP and the workflow engine."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from runtime.auth import STAFF_ROLES, role_required
from runtime.backoffice import officer_forms, present, queries
from runtime.extensions import current_session, db
from runtime.models import Application, AuditEvent, IssuedDocument, Task, utcnow
from runtime.workflow import (
    ActionNotAllowed,
    ConcurrentUpdate,
    FormInvalid,
    NotYourStep,
    TaskClosed,
    WorkflowError,
    WorkflowSettings,
    act,
    calendar,
)
from runtime.workflow.settings import configure

bp = Blueprint("backoffice", __name__, url_prefix="/kantor")
STAFF = tuple(sorted(STAFF_ROLES))
#: Who may read the management reports (/kantor/laporan).
REPORT_READERS = ("kasi", "kabid", "kepala_dinas", "admin")


@bp.record_once
def _setup(state: Any) -> None:
    app: Flask = state.app
    configure(WorkflowSettings.from_config(app.config))
    app.context_processor(
        lambda: {
            "kantor_nav": _nav,
            "step_label": present.step_name,
            "wib": calendar.WIB,
            "group_rows": officer_forms.group_rows,
            "condition_words": officer_forms.condition_words,
        }
    )


def _nav() -> dict[str, Any] | None:
    if not current_user.is_authenticated:
        return None
    roles = queries.staff_roles(current_user.user.role_codes)
    if not roles:
        return None
    counts = queries.counts(current_session(), roles)
    return {"counts": counts, "total": sum(counts.values())}


def settings() -> WorkflowSettings:
    return WorkflowSettings.from_config(current_app.config)


@bp.get("/")
@role_required(*STAFF)
def inbox() -> str:
    roles = queries.staff_roles(current_user.user.role_codes)
    role = request.args.get("peran", "")
    chosen = [role] if role in roles else roles
    permit = request.args.get("jenis", "")
    status = request.args.get("status", "")
    session = current_session()
    rows = queries.inbox(session, chosen, utcnow(), permit=permit, status=status)
    return render_template(
        "backoffice/inbox.html",
        rows=rows,
        roles=roles,
        role=role,
        permit=permit,
        status=status,
        counts=queries.counts(session, roles),
        permit_types=queries.permit_types(session),
        now=utcnow(),
        can_report=current_user.user.has_role(*REPORT_READERS),
    )


def load_application(public_id: str) -> Application:
    application = db.session.scalar(select(Application).where(Application.public_id == public_id))
    if application is None or application.status == "draft":
        abort(404)
    return application


@bp.get("/permohonan/<public_id>")
@role_required(*STAFF)
def application(public_id: str) -> str:
    app_row = load_application(public_id)
    history = db.session.scalars(
        select(AuditEvent).where(AuditEvent.application_id == app_row.id).order_by(AuditEvent.id)
    ).all()
    issued = db.session.scalars(
        select(IssuedDocument)
        .where(IssuedDocument.application_id == app_row.id)
        .order_by(IssuedDocument.id)
    ).all()
    return render_template(
        "backoffice/application.html",
        a=app_row,
        d=app_row.version.definition,
        view=present.ApplicationView(current_session(), app_row, current_user.user, settings()),
        history=history,
        issued=issued,
        errors=_errors_from_flash(),
    )


def _errors_from_flash() -> dict[str, str]:
    from flask import session

    return dict(session.pop("form_errors", {}) or {})


@bp.post("/tugas/<int:task_id>")
@role_required(*STAFF)
def take_action(task_id: int) -> Response:
    task = db.session.get(Task, task_id) or abort(404)
    app_row = task.application
    target = url_for(".application", public_id=app_row.public_id)
    if request.form.get("lock_version") not in (None, str(app_row.lock_version)):
        flash(
            _(
                "Someone else changed this application while you were reading it. "
                "Check its current state and try again."
            ),
            "error",
        )
        return redirect(target)
    try:
        act(
            current_session(),
            app_row,
            task,
            request.form.get("action", ""),
            actor=current_user.user,
            comment=request.form.get("comment", ""),
            form_data=present.form_data(task, request.form),
            settings=settings(),
        )
        db.session.commit()
    except (WorkflowError, StaleDataError) as exc:
        db.session.rollback()
        flash(_message(exc), "error")
        if isinstance(exc, FormInvalid):
            from flask import session

            session["form_errors"] = {str(k): str(v) for k, v in exc.errors.items()}
        return redirect(target)
    flash(_("Done: %(step)s.", step=present.step_name(app_row, task.step_id)), "success")
    return redirect(url_for(".inbox"))


def _message(exc: Exception) -> str:
    if isinstance(exc, ConcurrentUpdate | StaleDataError | TaskClosed):
        return _("Another officer has already acted on this step. Nothing was changed by you.")
    if isinstance(exc, NotYourStep):
        return _("This step belongs to another role: you cannot act on it.")
    if isinstance(exc, ActionNotAllowed):
        return _("This action is not allowed at this step.")
    if isinstance(exc, FormInvalid):
        fields = ", ".join(f"{k}: {v}" for k, v in exc.errors.items())
        return _("Please correct the form (%(fields)s).", fields=fields or str(exc))
    return str(exc)


# Routes on the same blueprint, kept in their own modules.
from runtime.backoffice import files_views, report_views  # noqa: E402,F401
