"""`/verifikasi/<public_id>`: valid, revoked or expired, and is the document untouched?
Anyone may upload a PDF to check its bytes against the stored signature. Plus the applicant's
own download of a signed document (owner or staff only)."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request, send_file
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response

from runtime.auth import STAFF_ROLES, current_roles
from runtime.extensions import current_session, db
from runtime.models import Application, IssuedDocument, utcnow
from runtime.verification import service
from runtime.workflow import calendar
from runtime.workflow.settings import WorkflowSettings

bp = Blueprint("verification", __name__)
MAX_CHECK_BYTES = 20 * 1024 * 1024


def _document(public_id: str) -> IssuedDocument:
    document = db.session.scalar(
        select(IssuedDocument).where(IssuedDocument.public_id == public_id)
    )
    if document is None or document.signed_at is None:
        abort(404)
    return document


@bp.route("/verifikasi/<public_id>", methods=["GET", "POST"])
def page(public_id: str) -> str:
    document = _document(public_id)
    settings = WorkflowSettings.from_config(current_app.config)
    application = db.session.get(Application, document.application_id)
    uploaded_matches = None
    if request.method == "POST":
        upload = request.files.get("pdf")
        content = upload.stream.read(MAX_CHECK_BYTES + 1) if upload else b""
        uploaded_matches = bool(content) and service.matches(document, content, settings)
    today = calendar.local_date(utcnow())
    return render_template(
        "verification/page.html",
        document=document,
        application=application,
        verdict=service.verdict(current_session(), document, settings, today),
        uploaded_matches=uploaded_matches,
    )


@bp.get("/dokumen/<public_id>.pdf")
@login_required
def download(public_id: str) -> Response:
    document = _document(public_id)
    application = db.session.get(Application, document.application_id)
    is_staff = bool(current_roles() & STAFF_ROLES)
    if not (is_staff or service.owner_may_download(application, current_user.user.id)):
        abort(403)
    path = WorkflowSettings.from_config(current_app.config).issued_folder / document.stored_name
    name = f"{document.kind}-{(document.number or '').replace('/', '-')}.pdf"
    return send_file(path, mimetype="application/pdf", as_attachment=True, download_name=name)
