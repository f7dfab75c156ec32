"""Versions of a permit type: history (who, when, why), a structured diff between any two
(or a version and the draft), the impact report, publishing and retiring a version."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from admin import drafts
from admin.impact import impact_report
from admin.publishing import PublishRefused, publish_draft
from admin.security import admin_user
from admin.views.base import PermitTypePageView, session
from admin.views.editor import context_for
from builder.diff import diff_definitions
from builder.versions import VersionNotFound
from runtime import definitions
from runtime.audit import record
from runtime.extensions import db
from runtime.i18n import select_locale
from runtime.models import PermitType, User


def _definition_of(permit_type: PermitType, ref: str) -> dict[str, Any] | None:
    """`draft` or a version number."""
    if ref == "draft":
        return drafts.working_definition(permit_type)
    for version in permit_type.versions:
        if str(version.number) == ref:
            return version.definition
    return None


def _default_pair(permit_type: PermitType) -> tuple[str, str]:
    numbers = [str(v.number) for v in permit_type.versions]
    if not numbers:
        return "draft", "draft"
    return numbers[-1], "draft"


class VersionsView(PermitTypePageView):
    @expose("/<int:permit_type_id>/")
    def history(self, permit_type_id: int) -> str:
        permit_type = db.get_or_404(PermitType, permit_type_id)
        default_a, default_b = _default_pair(permit_type)
        a = request.args.get("a", default_a)
        b = request.args.get("b", default_b)
        before, after = _definition_of(permit_type, a), _definition_of(permit_type, b)
        changes = diff_definitions(before, after) if before and after else []
        draft = drafts.working_definition(permit_type)
        latest_id = permit_type.versions[-1].id if permit_type.versions else None
        impact = (
            impact_report(session(), permit_type, draft, context_for, exclude_version_id=None)
            if draft and permit_type.versions
            else None
        )
        return self.render(
            "rakit_admin/versions.html",
            permit_type=permit_type,
            publishers={
                u.id: u
                for u in db.session.query(User).filter(
                    User.id.in_(
                        [v.published_by_id for v in permit_type.versions if v.published_by_id]
                    )
                )
            },
            counts={v.id: _count(v.id) for v in permit_type.versions},
            a=a,
            b=b,
            changes=changes,
            lang=select_locale(),
            impact=impact,
            latest_id=latest_id,
            status=drafts.status(permit_type),
        )

    @expose("/<int:permit_type_id>/publish", methods=("POST",))
    def publish(self, permit_type_id: int) -> Any:
        permit_type = db.get_or_404(PermitType, permit_type_id)
        note = (request.form.get("note") or "").strip()
        if not note:
            flash(_("Say why you publish (the note is kept in the history)."), "error")
            return redirect(url_for(".history", permit_type_id=permit_type.id))
        try:
            result = publish_draft(
                session(), permit_type, actor=admin_user(), note=note, context_for=context_for
            )
        except PublishRefused as refused:
            db.session.rollback()
            return self.render(
                "rakit_admin/publish_refused.html",
                permit_type=permit_type,
                refused=refused,
                lang=select_locale(),
            ), 409
        db.session.commit()
        if result.is_new:
            flash(
                _(
                    "Published version %(n)d. %(m)d draft application(s) moved to it.",
                    n=result.version.number,
                    m=len(result.moved),
                ),
                "success",
            )
        else:
            flash(
                _(
                    "Nothing to publish: the draft is identical to version %(n)d.",
                    n=result.version.number,
                ),
                "info",
            )
        return redirect(url_for(".history", permit_type_id=permit_type.id))

    @expose("/<int:permit_type_id>/retire/<int:number>", methods=("POST",))
    def retire(self, permit_type_id: int, number: int) -> Response:
        permit_type = db.get_or_404(PermitType, permit_type_id)
        try:
            definitions.retire(session(), permit_type.code, number)
        except VersionNotFound:
            flash(_("No such version."), "error")
        else:
            record(
                session(),
                actor=admin_user(),
                entity="definition_version",
                entity_id=f"{permit_type.code}/v{number}",
                action="retire",
                before={"retired_at": None},
                after={"retired": True},
                actor_role="admin",
            )
            db.session.commit()
            flash(_("Version %(n)d retired.", n=number), "success")
        return redirect(url_for(".history", permit_type_id=permit_type.id))


def _count(version_id: int) -> dict[str, int]:
    from sqlalchemy import func, select

    from runtime.models import Application

    rows = db.session.execute(
        select(Application.status, func.count(Application.id))
        .where(Application.version_id == version_id)
        .group_by(Application.status)
    ).all()
    return {str(s): int(n) for s, n in rows}
