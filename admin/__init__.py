"""Rakit's admin (Flask-Admin at /admin): permit types edited as JSON, validated live, tested,
versioned and published; reference data; the audit trail.

`init_app(app)` builds a new `flask_admin.Admin` for every app (a module-level Admin would be
bound to the first app only and break the second `create_app()` in tests).
"""

from __future__ import annotations

from flask import Blueprint, Flask
from flask_admin import Admin
from flask_admin.theme import Bootstrap4Theme
from flask_babel import lazy_gettext as _l

#: templates (rakit_admin/…) and static files (editor.js, the vendored CodeMirror bundle)
assets = Blueprint(
    "rakit_admin_assets",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/admin/_assets",
)


def init_app(app: Flask) -> Admin:
    """Create the admin for `app` and add every view."""
    from admin.views.audit import AuditEventView
    from admin.views.editor import DefinitionEditorView
    from admin.views.home import SecureIndexView
    from admin.views.permit_types import PermitTypeView
    from admin.views.reference import reference_views
    from admin.views.transfer import TransferView
    from admin.views.versions import VersionsView
    from runtime.extensions import db
    from runtime.models import AuditEvent, PermitType

    app.register_blueprint(assets)
    admin = Admin(
        app,
        name="Rakit Admin",
        index_view=SecureIndexView(name=_l("Home"), url="/admin"),
        theme=Bootstrap4Theme(swatch="default", fluid=True, base_template="rakit_admin/base.html"),
    )
    admin.add_view(PermitTypeView(PermitType, db, name=_l("Permit types"), endpoint="permit_types"))
    admin.add_view(DefinitionEditorView(name=_l("Editor"), endpoint="definitions"))
    admin.add_view(VersionsView(name=_l("Versions"), endpoint="versions"))
    admin.add_view(TransferView(name=_l("Import"), endpoint="transfer", url="/admin/transfer"))
    for view in reference_views(db):
        admin.add_view(view)
    admin.add_view(AuditEventView(AuditEvent, db, name=_l("Audit trail"), endpoint="audit_events"))
    return admin
