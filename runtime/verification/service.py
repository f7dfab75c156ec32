"""Is an issued document genuine, current, untouched? (No Flask.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from runtime import signing
from runtime.models import Application, IssuedDocument
from runtime.workflow.settings import WorkflowSettings


@dataclass(frozen=True)
class Verdict:
    status: str  # valid · revoked · expired · unsigned
    stored_intact: bool


def status(document: IssuedDocument, today: dt.date) -> str:
    if document.signed_at is None or not document.signature:
        return "unsigned"
    if document.revoked_at is not None:
        return "revoked"
    if document.valid_until is not None and today > document.valid_until:
        return "expired"
    return "valid"


def matches(document: IssuedDocument, content: bytes, settings: WorkflowSettings) -> bool:
    """True when `content` is byte for byte the document the office signed."""
    if not document.signature or not document.key_id:
        return False
    return signing.verify(content, document.signature, document.key_id, settings.key_folder)


def verdict(
    session: Session, document: IssuedDocument, settings: WorkflowSettings, today: dt.date
) -> Verdict:
    try:
        stored = (settings.issued_folder / document.stored_name).read_bytes()
    except FileNotFoundError:
        stored = b""
    return Verdict(status(document, today), matches(document, stored, settings))


def owner_may_download(application: Application | None, user_id: int) -> bool:
    return application is not None and application.applicant_id == user_id
