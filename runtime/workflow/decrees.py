"""The decree: a draft permit or rejection letter, its signature, its revocation.

The signed PDF is rendered once with its number and a QR code to the public verification page;
the Ed25519 signature covers exactly those bytes (detached, kept on the IssuedDocument row)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime import audit, signing
from runtime.models import IssuedDocument, Task, User
from runtime.numbering import next_value
from runtime.workflow import calendar, documents
from runtime.workflow.context import Run

TEMPLATES = {"permit": "pdf/permit.html", "rejection_letter": "pdf/rejection_letter.html"}


def latest(session: Session, application_id: int, kind: str) -> IssuedDocument | None:
    return session.scalars(
        select(IssuedDocument)
        .where(IssuedDocument.application_id == application_id, IssuedDocument.kind == kind)
        .order_by(IssuedDocument.id.desc())
    ).first()


def _reason(run: Run) -> str:
    rejects = [t for t in run.application.tasks if t.outcome == "reject" and t.comment]
    return max(rejects, key=lambda t: t.id).comment if rejects else ""


def _render(run: Run, kind: str, document: IssuedDocument | None, *, final: bool) -> bytes:
    code = run.application.version.permit_type.code
    template = documents._env.select_template([f"pdf/{kind}_{code}.html", TEMPLATES[kind]])
    verify_url = f"{run.settings.public_url}/verifikasi/{document.public_id}" if document else ""
    html = template.render(
        lang="id",
        final=final,
        document=document,
        verify_url=verify_url,
        reason=_reason(run),
        validity_years=run.definition["service_standard"].get("validity_years"),
        **documents.common_context(run, kind),
    )
    from runtime.pdf import render_pdf

    return render_pdf(html)


def draft(run: Run, task: Task, kind: str) -> IssuedDocument:
    """Render the unsigned draft (no number, marked DRAFT) for the initial-and-sign chain."""
    content = _render(run, kind, None, final=False)
    document = documents.store(run, kind, content)
    run.session.flush()
    _audit(run, document, "document.draft")
    return document


def _number(run: Run, kind: str, year: int) -> str:
    code = run.application.version.permit_type.code
    prefix = "IZIN" if kind == "permit" else "TOLAK"
    n = next_value(run.session, f"{kind}-{code}-{year}")
    return f"{n:04d}/{prefix}-{code.upper()}/DPMPTSP/{year}"


def sign(run: Run, task: Task, kind: str) -> IssuedDocument:
    """Number, render with the QR to the verification page, sign with the office key."""
    document = latest(run.session, run.application.id, kind)
    if document is None or document.signed_at is not None:
        document = draft(run, task, kind)
    today = calendar.local_date(run.now)
    document.number = _number(run, kind, today.year)
    years = run.definition["service_standard"].get("validity_years")
    if kind == "permit" and years:
        document.valid_until = _add_years(today, int(years))
    document.signed_at = run.now
    document.signed_by_id = run.actor.id if run.actor else None
    # Known before signing, so the printed page names the key that will sign it.
    document.key_id = signing.key_id(signing.office_key(run.settings.key_folder).public_key())
    content = _render(run, kind, document, final=True)
    documents.store(run, kind, content, document=document)
    signature = signing.sign(content, run.settings.key_folder)
    document.signature = signature.value
    document.key_id = signature.key_id
    run.session.flush()
    _audit(
        run,
        document,
        "document.sign",
        after={"number": document.number, "key_id": signature.key_id},
    )
    return document


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def revoke(
    session: Session, document: IssuedDocument, *, actor: User | None, reason: str, now: dt.datetime
) -> None:
    """Revoke a signed document (audited). The verification page then says revoked."""
    if document.revoked_at is not None:
        return
    document.revoked_at = now
    document.revoked_by_id = actor.id if actor else None
    document.revoke_reason = reason
    audit.record(
        session,
        actor=actor,
        entity="issued_document",
        entity_id=document.id,
        action="document.revoke",
        application_id=document.application_id,
        from_state="valid",
        to_state="revoked",
        comment=reason,
    )


def revoke_all(run: Run, reason: str) -> None:
    """Handover cancelled: every signed permit of the application is revoked."""
    found = run.session.scalars(
        select(IssuedDocument).where(IssuedDocument.application_id == run.application.id)
    )
    for document in found:
        if document.kind == "permit" and document.signed_at is not None:
            revoke(run.session, document, actor=run.actor, reason=reason, now=run.now)


def _audit(run: Run, document: IssuedDocument, action: str, **extra: Any) -> None:
    audit.record(
        run.session,
        actor=run.actor,
        entity="issued_document",
        entity_id=document.id,
        action=action,
        application_id=run.application.id,
        **extra,
    )
