"""My applications, start, resume, and the form pages (with autosave)."""

from __future__ import annotations

import json
from typing import Any

from flask import abort, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from runtime import catalogue
from runtime.forms.groups import RowAction, parse_action, without_row
from runtime.forms.pages import bind, find_page, page_form_class, posted, process
from runtime.forms.view import page_view
from runtime.models import Application, ReferenceItem
from runtime.portal import bp, services
from runtime.portal.access import editable, lang, own_application, session, step_url
from runtime.portal.present import fee_lines, neighbours, steps
from runtime.regions import children

#: form keys that are not field values
_CONTROL = {"csrf_token", "action"}


@bp.get("/")
@login_required
def mine() -> str:
    rows = (
        session()
        .scalars(
            select(Application)
            .where(Application.applicant_id == current_user.user.id)
            .order_by(Application.id.desc())
        )
        .all()
    )
    return render_template("portal/mine.html", applications=rows)


@bp.route("/mulai/<code>", methods=["GET", "POST"])
@login_required
def start(code: str) -> str | Response:
    version = catalogue.current_version(session(), code)
    if version is None:
        abort(404)
    if request.method == "GET":
        held = services.previous_permits(session(), current_user.user, version.permit_type_id)
        return render_template(
            "portal/start.html", version=version, d=version.definition, held=held
        )
    application = services.start(session(), version, current_user.user)
    session().commit()
    return redirect(step_url(application, application.current_page))


@bp.get("/<public_id>")
@login_required
def resume(public_id: str) -> Response:
    application = own_application(public_id)
    if application.status == "returned":
        return redirect(url_for("portal.review", public_id=public_id))
    if application.status != "draft":
        return redirect(url_for("portal.receipt", public_id=public_id))
    return redirect(step_url(application, application.current_page or "periksa"))


def references(list_code: str, language: str) -> list[tuple[str, str]]:
    rows = session().scalars(
        select(ReferenceItem)
        .where(ReferenceItem.list_code == list_code)
        .order_by(ReferenceItem.key)
    )
    return [(r.key, (r.label_en if language == "en" and r.label_en else r.label_id)) for r in rows]


def _page_parts(application: Application, page_id: str) -> tuple[dict[str, Any], Any]:
    definition = application.version.definition
    page = find_page(definition, page_id)
    if page is None:
        abort(404)
    cls = page_form_class(definition, str(application.version_id), page_id, lang(), references)
    return page, cls


def region_children(parent: str | None) -> list[tuple[str, str]]:
    return children(session(), parent)


@bp.route("/<public_id>/halaman/<page_id>", methods=["GET", "POST"])
@login_required
def page(public_id: str, page_id: str) -> str | Response:
    application = editable(own_application(public_id))
    page_def, cls = _page_parts(application, page_id)
    if request.method == "GET":
        raw = services.raw_input(application, page_id)
        form = bind(
            cls, page_def, application.data, MultiDict(raw) if raw else None, region_children
        )
        evaluation = services.evaluate_application(session(), application)
        return _render(application, page_def, form, evaluation, {})
    action = request.form.get("action", "next")
    rows = parse_action(action)
    if rows is not None or action == "refresh":
        return _stay(application, page_def, cls, rows)
    form = posted(cls, page_def, children=region_children)
    outcome = _save(application, page_def, form)
    going_back = action == "back"
    if outcome.ok or going_back:
        step_ids = [s for s, _ in steps(outcome.evaluation, application.version.definition)]
        before, after = neighbours(step_ids, page_id)
        target = before if going_back else after
        return redirect(step_url(application, target or page_id))
    return _render(application, page_def, form, outcome.evaluation, outcome.errors)


def _stay(
    application: Application, page_def: dict[str, Any], cls: Any, rows: RowAction | None
) -> str:
    """Save what was typed and show the page again: with a group row more or less, or with
    the address selects filled for what was chosen (the page without JavaScript)."""
    formdata = MultiDict(request.form)
    if rows is not None and rows.kind == "remove":
        formdata = without_row(formdata, rows.group, rows.index)
    form = posted(cls, page_def, formdata, region_children)
    outcome = _save(application, page_def, form, formdata)
    if rows is not None and rows.kind == "add":
        _add_row(form, page_def, rows.group)
    return _render(application, page_def, form, outcome.evaluation, {})


def _add_row(form: Any, page_def: dict[str, Any], group: str) -> None:
    fdef = next((f for f in page_def["fields"] if f["id"] == group and f["type"] == "group"), None)
    if fdef is None:
        abort(400)
    most = fdef.get("max_items")
    if most is None or len(form[group].entries) < most:
        form[group].append_entry()


@bp.post("/<public_id>/halaman/<page_id>/simpan")
@login_required
def autosave(public_id: str, page_id: str) -> Response:
    """Autosave from the browser: keeps whatever was typed; answers the server's evaluation."""
    application = editable(own_application(public_id))
    page_def, cls = _page_parts(application, page_id)
    outcome = _save(application, page_def, posted(cls, page_def, children=region_children))
    lines, total = fee_lines(outcome.evaluation, application.version.definition)
    return jsonify(
        saved=True,
        errors=outcome.errors,
        fees={
            "items": {f.id: str(f.amount) for f in lines},
            "total": str(total) if total else None,
        },
    )


def _save(
    application: Application,
    page_def: dict[str, Any],
    form: Any,
    formdata: MultiDict | None = None,
) -> Any:
    """Process and store a page. An autosave racing the page's own POST changes the row's
    `lock_version` under us: reload and apply this request again on top (last write wins)."""
    posted_data = formdata if formdata is not None else request.form
    for attempt in range(3):
        ctx = services.context_for(session(), application)
        outcome = process(
            form,
            application.version.definition,
            page_def,
            application.data,
            ctx,
            kind=application.kind,
            channel=application.channel,
            lang=lang(),
        )
        raw = None
        if not outcome.ok:
            raw = {k: v for k, v in posted_data.to_dict(flat=False).items() if k not in _CONTROL}
        services.save_page(application, page_def["id"], outcome.values, raw)
        try:
            session().commit()
            return outcome
        except StaleDataError:
            session().rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _render(
    application: Application,
    page_def: dict[str, Any],
    form: Any,
    evaluation: Any,
    errors: dict[str, list[str]],
) -> str:
    definition = application.version.definition
    ctx = services.context_for(session(), application)
    lines, total = fee_lines(evaluation, definition)
    step_list = steps(evaluation, definition)
    live = {
        "data": {k: v for k, v in evaluation.effective_data.items() if k not in ("steps",)},
        "fees": definition.get("fees"),
        "ctx": ctx.to_js() if hasattr(ctx, "to_js") else {},
        "autosave": url_for(
            "portal.autosave", public_id=application.public_id, page_id=page_def["id"]
        ),
        "key": f"rakit:{application.public_id}:{page_def['id']}",
        "messages": {
            "required": _("required"),
            "optional": _("optional"),
            "saved": _("Saved"),
            "offline": _(
                "No connection: your answers are kept on this device and will be "
                "saved when the connection returns."
            ),
            "restored": _("We restored answers you typed while offline."),
        },
    }
    return render_template(
        "portal/page.html",
        application=application,
        d=definition,
        page=page_def,
        form=form,
        views=page_view(definition, page_def, form, evaluation, lang(), errors),
        steps=step_list,
        current=page_def["id"],
        fee_lines=lines,
        fee_total=total,
        live_json=json.dumps(live, default=str).replace("<", "\\u003c"),
    )
