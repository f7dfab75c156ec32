"""The admin home page (secured like every other admin view)."""

from __future__ import annotations

from flask_admin import AdminIndexView, expose
from sqlalchemy import func, select

from admin.security import AdminOnly
from runtime.extensions import db
from runtime.models import Application, AuditEvent, PermitType


class SecureIndexView(AdminOnly, AdminIndexView):
    @expose()
    def index(self) -> str:
        counts = {
            "permit_types": db.session.scalar(select(func.count(PermitType.id))) or 0,
            "applications": db.session.scalar(select(func.count(Application.id))) or 0,
        }
        recent = db.session.scalars(
            select(AuditEvent).order_by(AuditEvent.id.desc()).limit(10)
        ).all()
        return self.render("rakit_admin/index.html", counts=counts, recent=recent)
