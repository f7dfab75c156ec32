"""Import and export a definition as a JSON file (the format of form_schemas/permits/).

Import validates and lints first: a definition with any error is refused with its problems and
nothing is stored. A valid one becomes a new permit type, or the draft of the existing type with
the same code. Export writes canonical bytes (export → import → export is byte-identical).
"""

from __future__ import annotations

from typing import Any

from flask import Response, abort, flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from sqlalchemy import select

from admin import drafts
from admin.editing import problem_dict
from admin.security import admin_user
from admin.views.base import AdminBaseView, session
from builder.canonical import canonical_bytes
from builder.check import check_definition
from builder.load import loads
from builder.problems import has_errors
from runtime.extensions import db
from runtime.i18n import select_locale
from runtime.models import PermitType

#: largest definition file accepted (the biggest sample is ~50 kB)
MAX_IMPORT_BYTES = 2 * 1024 * 1024


class TransferView(AdminBaseView):
    @expose("/", methods=("GET", "POST"))
    def index(self) -> Any:
        if request.method == "GET":
            return self.render("rakit_admin/import.html", problems=None)
        upload = request.files.get("file")
        raw = upload.read(MAX_IMPORT_BYTES + 1) if upload else b""
        if not raw or len(raw) > MAX_IMPORT_BYTES:
            flash(_("Choose a JSON file (at most 2 MB)."), "error")
            return self.render("rakit_admin/import.html", problems=None), 400
        loaded = loads(raw)
        problems = loaded.problems
        if loaded.definition is not None:
            _upgraded, problems = check_definition(loaded.definition)
        if loaded.definition is None or has_errors(problems):
            lang = select_locale()
            shown = [problem_dict(p, lang) for p in problems]
            return self.render(
                "rakit_admin/import.html",
                problems=shown,
                filename=upload.filename if upload else "",
            ), 422
        return self._store(loaded.definition)

    def _store(self, definition: dict[str, Any]) -> Any:
        code = str(definition.get("code"))
        existing = db.session.scalar(select(PermitType).where(PermitType.code == code))
        if existing is None:
            permit_type = drafts.create_permit_type(
                session(), definition, actor=admin_user(), how="import"
            )
            flash(_("Imported as a new permit type (draft)."), "success")
        else:
            permit_type = existing
            drafts.save_draft(session(), permit_type, definition, actor=admin_user())
            flash(_("Imported as the draft of the existing permit type."), "success")
        db.session.commit()
        return redirect(url_for("definitions.edit", permit_type_id=permit_type.id))

    @expose("/<int:permit_type_id>/export")
    def export(self, permit_type_id: int) -> Response:
        """`?version=N` for a published version; the draft otherwise."""
        permit_type = db.get_or_404(PermitType, permit_type_id)
        wanted = request.args.get("version")
        if wanted:
            found = [v for v in permit_type.versions if str(v.number) == wanted]
            if not found:
                abort(404)
            body, suffix = found[0].canonical.encode("utf-8"), f"-v{wanted}"
        else:
            definition = drafts.working_definition(permit_type)
            if definition is None:
                abort(404)
            body, suffix = canonical_bytes(definition), "-draft"
        return Response(
            body,
            mimetype="application/json",
            headers={
                "Content-Disposition": f'attachment; filename="{permit_type.code}{suffix}.json"'
            },
        )
