"""The definition editor: the whole draft as JSON in CodeMirror, live validation, the test bench
and a live preview of the draft as applicants will see it."""

from __future__ import annotations

import json
from typing import Any

from flask import abort, flash, jsonify, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from admin import drafts
from admin.editing import bench_for, check_text
from admin.security import admin_user
from admin.views.base import PermitTypePageView, session
from builder.canonical import canonical_text
from builder.schema import load_schema
from runtime.extensions import db
from runtime.i18n import select_locale
from runtime.models import PermitType
from runtime.rules_context import eval_context


def context_for(definition: dict[str, Any]) -> Any:
    return eval_context(session(), definition)


class DefinitionEditorView(PermitTypePageView):
    @expose("/<int:permit_type_id>/")
    def edit(self, permit_type_id: int) -> str:
        permit_type = db.get_or_404(PermitType, permit_type_id)
        definition = drafts.working_definition(permit_type) or {}
        text = canonical_text(definition)
        lang = select_locale()
        _parsed, problems = check_text(text, lang)
        return self.render(
            "rakit_admin/editor.html",
            permit_type=permit_type,
            text=text,
            problems=problems,
            bench=bench_for(definition, context_for),
            pages=[p.get("id") for p in definition.get("form", {}).get("pages", [])],
            schema_json=json.dumps(load_schema(), ensure_ascii=False).replace("</", "<\\/"),
            status=drafts.status(permit_type),
        )

    @expose("/<int:permit_type_id>/save", methods=("POST",))
    def save(self, permit_type_id: int) -> Response:
        permit_type = db.get_or_404(PermitType, permit_type_id)
        definition, problems = check_text(request.form.get("definition", ""), select_locale())
        if definition is None:
            flash(
                _("Not saved: the text is not valid JSON (%(m)s).", m=problems[0]["message"]),
                "error",
            )
            return redirect(url_for(".edit", permit_type_id=permit_type.id))
        drafts.save_draft(session(), permit_type, definition, actor=admin_user())
        db.session.commit()
        errors = sum(1 for p in problems if p["severity"] == "error")
        bench = bench_for(definition, context_for)
        failing = len(bench.failed) if bench else 0
        flash(
            _("Draft saved: %(e)d error(s), %(f)d failing test case(s).", e=errors, f=failing),
            "success" if not errors and not failing else "warning",
        )
        return redirect(url_for(".edit", permit_type_id=permit_type.id))

    @expose("/validate", methods=("POST",))
    def validate(self) -> Response:
        """POST {"definition": text} → {"problems": [...], "errors": n}; CSRF via X-CSRFToken."""
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("definition"), str):
            abort(400)
        _definition, problems = check_text(body["definition"], select_locale())
        errors = sum(1 for p in problems if p["severity"] == "error")
        return jsonify(problems=problems, errors=errors)

    @expose("/<int:permit_type_id>/preview", methods=("GET", "POST"))
    def preview(self, permit_type_id: int) -> Any:
        """The draft (or, on POST, the editor's unsaved text) rendered as applicants see it."""
        permit_type = db.get_or_404(PermitType, permit_type_id)
        if request.method == "POST":
            definition, _problems = check_text(request.form.get("definition", ""), select_locale())
        else:
            definition = drafts.working_definition(permit_type)
        if definition is None:
            return self.render("rakit_admin/preview_unavailable.html", reason=_("Invalid JSON."))
        pages = [p.get("id") for p in definition.get("form", {}).get("pages", [])]
        page_id = request.values.get("page") or (pages[0] if pages else "")
        lang = request.values.get("lang") or select_locale()
        try:
            from runtime.forms.preview import render_preview
        except ImportError:
            return self.render(
                "rakit_admin/preview_unavailable.html", reason=_("The preview is not installed.")
            )
        try:
            return render_preview(definition, page_id, {}, lang)
        except Exception as exc:  # noqa: BLE001 - a draft with errors must not crash the editor
            return self.render("rakit_admin/preview_unavailable.html", reason=str(exc))
