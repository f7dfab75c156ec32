"""Back-office services that are not workflow transitions: document verdicts, revocation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from runtime import audit
from runtime.models import IssuedDocument, UploadedDocument, User
from runtime.workflow import FormInvalid
from runtime.workflow.decrees import revoke

VERDICTS = ("valid", "revise")


def record_verdict(
    session: Session, document: UploadedDocument, *, actor: User, verdict: str, reason: str
) -> None:
    """An officer's verdict on one uploaded document (a reason is required for `revise`)."""
    reason = reason.strip()
    if verdict not in VERDICTS:
        raise FormInvalid("unknown verdict", {"verdict": "invalid"})
    if verdict == "revise" and not reason:
        raise FormInvalid("a reason is required", {"reason": "required"})
    before = {"verdict": document.verdict, "reason": document.verdict_reason}
    document.verdict = verdict
    document.verdict_reason = reason
    audit.record(
        session,
        actor=actor,
        entity="uploaded_document",
        entity_id=document.id,
        action="document.verdict",
        application_id=document.application_id,
        from_state=before["verdict"],
        to_state=verdict,
        comment=reason,
        before=before,
    )


def revoke_document(
    session: Session, document: IssuedDocument, *, actor: User, reason: str, now: dt.datetime
) -> None:
    if not reason.strip():
        raise FormInvalid("a reason is required", {"reason": "required"})
    if document.signed_at is None:
        raise FormInvalid("only a signed document can be revoked", {})
    revoke(session, document, actor=actor, reason=reason.strip(), now=now)
