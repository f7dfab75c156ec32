"""Back-office file routes: uploaded documents (inline, staff only), verdicts, issued PDFs,
revocation. Files are served from storage through these routes, never from the web root."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, flash, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from runtime.auth import role_required
from runtime.backoffice import services
from runtime.backoffice.views import STAFF, bp, load_application, settings
from runtime.extensions import current_session, db
from runtime.models import Application, IssuedDocument, UploadedDocument, utcnow
from runtime.workflow import FormInvalid

REVOKERS = ("kepala_dinas", "admin")


def _uploaded(public_id: str, doc_id: str) -> UploadedDocument:
    application = load_application(public_id)
    document = db.session.scalar(
        select(UploadedDocument).where(
            UploadedDocument.public_id == doc_id, UploadedDocument.application_id == application.id
        )
    )
    return document or abort(404)


@bp.get("/permohonan/<public_id>/berkas/<doc_id>")
@role_required(*STAFF)
def uploaded(public_id: str, doc_id: str) -> Response:
    document = _uploaded(public_id, doc_id)
    path = Path(current_app.config["UPLOAD_FOLDER"]) / document.stored_name
    response = send_file(path, mimetype=document.mime_type, download_name=document.original_name)
    response.headers["Content-Disposition"] = "inline"
    response.headers["Content-Security-Policy"] = "sandbox"
    return response


@bp.post("/permohonan/<public_id>/berkas/<doc_id>/verdict")
@role_required(*STAFF)
def verdict(public_id: str, doc_id: str) -> Response:
    document = _uploaded(public_id, doc_id)
    try:
        services.record_verdict(
            current_session(),
            document,
            actor=current_user.user,
            verdict=request.form.get("verdict", ""),
            reason=request.form.get("reason", ""),
        )
        db.session.commit()
    except FormInvalid as exc:
        db.session.rollback()
        flash(_("Verdict not saved: %(why)s", why=str(exc)), "error")
    return redirect(url_for(".application", public_id=public_id) + "#documents")


def _issued(doc_id: str) -> IssuedDocument:
    document = db.session.scalar(select(IssuedDocument).where(IssuedDocument.public_id == doc_id))
    return document or abort(404)


@bp.get("/terbitan/<doc_id>")
@role_required(*STAFF)
def issued(doc_id: str) -> Response:
    document = _issued(doc_id)
    path = settings().issued_folder / document.stored_name
    name = f"{document.kind}-{document.number or document.public_id[:8]}.pdf".replace("/", "-")
    response = send_file(path, mimetype="application/pdf", download_name=name)
    response.headers["Content-Disposition"] = "inline"
    return response


@bp.post("/terbitan/<doc_id>/cabut")
@role_required(*REVOKERS)
def revoke(doc_id: str) -> Response:
    document = _issued(doc_id)
    try:
        services.revoke_document(
            current_session(),
            document,
            actor=current_user.user,
            reason=request.form.get("reason", ""),
            now=utcnow(),
        )
        db.session.commit()
        flash(_("The document is revoked."), "success")
    except FormInvalid as exc:
        db.session.rollback()
        flash(_("Not revoked: %(why)s", why=str(exc)), "error")
    app_row = db.session.get(Application, document.application_id)
    return redirect(url_for(".application", public_id=app_row.public_id if app_row else ""))
