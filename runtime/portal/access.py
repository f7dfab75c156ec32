"""Loading what the current user may see; everything else is a 404 (not 403: an id that is not
yours does not exist for you)."""

from __future__ import annotations

from typing import cast

from flask import abort, url_for
from flask_login import current_user
from sqlalchemy.orm import Session

from runtime.extensions import db
from runtime.i18n import select_locale
from runtime.models import Application
from runtime.portal import services
from runtime.portal.present import DOCUMENTS_STEP, REVIEW_STEP


def session() -> Session:
    """`db.session` typed as the Session that domain code takes (the scoped proxy is one)."""
    return cast(Session, db.session)


def own_application(public_id: str) -> Application:
    found = services.visible_to(session(), public_id, current_user.user)
    if found is None:
        abort(404)
    return found


def editable(application: Application) -> Application:
    """Drafts, and applications an officer returned for revision, can be changed."""
    if application.status not in ("draft", "returned"):
        abort(409)
    return application


def step_url(application: Application, step: str) -> str:
    if step == DOCUMENTS_STEP:
        return url_for("portal.documents", public_id=application.public_id)
    if step == REVIEW_STEP:
        return url_for("portal.review", public_id=application.public_id)
    return url_for("portal.page", public_id=application.public_id, page_id=step)


def lang() -> str:
    return select_locale()
