"""The documents step: one upload per document needed now; replace until submission; download."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import login_required
from werkzeug.wrappers import Response

from runtime.documents import UploadRefused, current_documents, open_stored, store_upload
from runtime.models import Application
from runtime.portal import bp, services
from runtime.portal.access import editable, own_application, session, step_url
from runtime.portal.present import DOCUMENTS_STEP, neighbours, steps


@bp.get("/<public_id>/dokumen")
@login_required
def documents(public_id: str) -> str:
    application = editable(own_application(public_id))
    return _render(application, {})


def _render(application: Application, errors: dict[str, str]) -> str:
    evaluation = services.evaluate_application(session(), application)
    step_list = steps(evaluation, application.version.definition)
    before, after = neighbours([s for s, _ in step_list], DOCUMENTS_STEP)
    return render_template(
        "portal/documents.html",
        application=application,
        needs=evaluation.application_documents(),
        uploaded=current_documents(application),
        to_revise=services.to_revise(application),
        errors=errors,
        steps=step_list,
        current=DOCUMENTS_STEP,
        back_url=step_url(application, before) if before else None,
        next_url=step_url(application, after) if after else None,
    )


def refusal_message(error: UploadRefused) -> str:
    if error.code == "too_large":
        return _(
            "The file is larger than %(mb)s MB. Make it smaller (scan at a lower "
            "resolution) and try again.",
            mb=f"{error.details['max_mb']:g}",
        )
    if error.code == "empty":
        return _("The file is empty. Choose the file again.")
    accept = ", ".join(a.upper() for a in error.details.get("accept", []))
    return _(
        "This file is not a real %(accept)s file (its content does not match): please "
        "upload a %(accept)s file.",
        accept=accept,
    )


@bp.post("/<public_id>/dokumen/<code>")
@login_required
def upload(public_id: str, code: str) -> str | Response:
    from flask_login import current_user

    application = editable(own_application(public_id))
    needs = services.evaluate_application(session(), application).application_documents()
    need = next((n for n in needs if n.code == code), None)
    if need is None:
        abort(404)
    file = request.files.get("file")
    if file is None or not file.filename:
        return _refused(application, code, _("Choose a file first."))
    try:
        store_upload(
            session(),
            application,
            need.definition,
            file.stream,
            file.filename,
            current_app.config["UPLOAD_FOLDER"],
            uploaded_by=current_user.user,
        )
    except UploadRefused as error:
        session().rollback()
        return _refused(application, code, refusal_message(error))
    finally:
        file.close()
    session().commit()
    if request.accept_mimetypes.best == "application/json":
        return Response('{"ok": true}', mimetype="application/json")
    flash(_("The file is saved."), "success")
    return redirect(url_for("portal.documents", public_id=public_id) + f"#doc-{code}")


def _refused(application: Application, code: str, message: str) -> str | Response:
    if request.accept_mimetypes.best == "application/json":
        import json

        return Response(
            json.dumps({"ok": False, "error": message}), status=422, mimetype="application/json"
        )
    return Response(_render(application, {code: message}), status=422)


@bp.get("/<public_id>/berkas/<doc_id>")
@login_required
def download(public_id: str, doc_id: str) -> Response:
    application = own_application(public_id)
    document = next((d for d in application.documents if d.public_id == doc_id), None)
    if document is None:
        abort(404)
    try:
        path = open_stored(document, current_app.config["UPLOAD_FOLDER"])
    except FileNotFoundError:
        abort(404)
    return send_file(
        path,
        mimetype=document.mime_type,
        download_name=document.original_name,
        as_attachment=False,
        max_age=0,
    )
