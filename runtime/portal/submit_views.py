"""Review, submit, receipt (page and PDF), renewal/amendment."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from runtime.documents import current_documents
from runtime.forms.pages import all_fields
from runtime.models import Application
from runtime.pdf import qr_svg, render_pdf
from runtime.portal import bp, revision, services
from runtime.portal.access import editable, lang, own_application, session, step_url
from runtime.portal.present import REVIEW_STEP, fee_lines, neighbours, steps


@bp.get("/<public_id>/periksa")
@login_required
def review(public_id: str) -> str:
    application = editable(own_application(public_id))
    return _render_review(application)


def _render_review(application: Application, status: int = 200) -> str:
    check = services.readiness(session(), application)
    definition = application.version.definition
    step_list = steps(check.evaluation, definition)
    before, _after = neighbours([s for s, _ in step_list], REVIEW_STEP)
    lines, total = fee_lines(check.evaluation, definition)
    return render_template(
        "portal/review.html",
        application=application,
        d=definition,
        check=check,
        fields=all_fields(definition),
        uploaded=current_documents(application),
        steps=step_list,
        current=REVIEW_STEP,
        back_url=step_url(application, before) if before else None,
        fee_lines=lines,
        fee_total=total,
        step_url=lambda s: step_url(application, s),
        to_revise=services.to_revise(application),
        page_of={f["id"]: p["id"] for p in definition["form"]["pages"] for f in p["fields"]},
    )


@bp.post("/<public_id>/ajukan")
@login_required
def submit(public_id: str) -> str | Response:
    application = editable(own_application(public_id))
    if application.status == "returned":
        return _resubmit(application)
    try:
        number = services.submit(session(), application, actor=current_user.user)
    except services.NotReady:
        session().rollback()
        flash(_("The application cannot be submitted yet: see what is missing below."), "error")
        return Response(_render_review(application), status=422)
    session().commit()
    flash(_("Your application is submitted. Registration number: %(n)s", n=number), "success")
    return redirect(url_for("portal.receipt", public_id=public_id))


def _resubmit(application: Application) -> str | Response:
    from runtime.workflow import WorkflowError

    try:
        revision.resubmit(session(), application, actor=current_user.user)
    except services.NotReady:
        session().rollback()
        flash(_("The application cannot be sent back yet: see what is missing below."), "error")
        return Response(_render_review(application), status=422)
    except WorkflowError:
        session().rollback()
        flash(_("The application changed in the meantime. Check it and try again."), "error")
        return redirect(url_for("portal.review", public_id=application.public_id))
    session().commit()
    flash(_("Your corrected application is sent back to the officer."), "success")
    return redirect(url_for("portal.receipt", public_id=application.public_id))


def _tracking_url(application: Application) -> str:
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return base + url_for("tracking.track", number=application.registration_number)


def _submitted(public_id: str) -> Application:
    application = own_application(public_id)
    if not application.registration_number:
        abort(404)
    return application


@bp.get("/<public_id>/tanda-terima")
@login_required
def receipt(public_id: str) -> str:
    application = _submitted(public_id)
    evaluation = services.evaluate_application(session(), application)
    lines, total = fee_lines(evaluation, application.version.definition)
    return render_template(
        "portal/receipt.html",
        application=application,
        d=application.version.definition,
        uploaded=current_documents(application),
        fee_lines=lines,
        fee_total=total,
        tracking_url=_tracking_url(application),
        qr=qr_svg(_tracking_url(application)),
    )


@bp.get("/<public_id>/tanda-terima.pdf")
@login_required
def receipt_pdf(public_id: str) -> Response:
    from runtime.models import Office

    application = _submitted(public_id)
    office = session().query(Office).order_by(Office.id).first()
    html = render_template(
        "pdf/receipt.html",
        application=application,
        d=application.version.definition,
        uploaded=current_documents(application),
        office=office,
        lang=lang(),
        tracking_url=_tracking_url(application),
        qr=qr_svg(_tracking_url(application)),
    )
    name = (application.registration_number or "tanda-terima").replace("/", "-")
    return Response(
        render_pdf(html),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="tanda-terima-{name}.pdf"'},
    )


@bp.post("/<public_id>/lanjutan")
@login_required
def follow_up(public_id: str) -> Response:
    """Start a renewal or amendment prefilled from an issued permit of the same type (the
    current published version; `previous_application_id` links the two)."""
    from runtime import catalogue

    previous = _submitted(public_id)
    if previous.status != "issued":
        abort(409)
    kind = request.form.get("kind", "renewal")
    definition = previous.version.definition
    if kind not in definition["service_standard"]["application_kinds"] or kind == "new":
        abort(400)
    version = catalogue.current_version(session(), previous.version.permit_type.code)
    if version is None:
        abort(404)
    officer = current_user.user if previous.applicant_id != current_user.user.id else None
    application = services.start(
        session(),
        version,
        previous.applicant,
        kind=kind,
        previous=previous,
        filed_by=officer,
        channel="counter" if officer else "online",
    )
    session().commit()
    flash(_("We filled the form with your earlier application: check and update it."), "info")
    return redirect(step_url(application, application.current_page))
