"""Delivering the outbox: `log` writes each message to the log; `smtp` sends it.

RAKIT_MAIL_BACKEND=smtp uses RAKIT_SMTP_URL (smtp://user:password@host:587, STARTTLS when the
server offers it; smtps:// for implicit TLS) and RAKIT_MAIL_FROM."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime.models import OutboxMessage, utcnow

log = logging.getLogger("rakit.mail")


class MailConfigError(ValueError):
    """The mail backend is not configured correctly."""


def deliver_outbox(session: Session, config: dict[str, object], limit: int = 200) -> int:
    """Send up to `limit` unsent messages; each is marked sent only after it went out."""
    pending = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None))
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    if not pending:
        return 0
    backend = str(config.get("MAIL_BACKEND", "log"))
    if backend == "log":
        for message in pending:
            log.info("mail to %s: %s\n%s", message.to_address, message.subject, message.body)
            message.sent_at = utcnow()
        return len(pending)
    if backend != "smtp":
        raise MailConfigError(f"unknown RAKIT_MAIL_BACKEND {backend!r} (log or smtp)")
    with _smtp(str(config.get("SMTP_URL", ""))) as server:
        for message in pending:
            server.send_message(_email(message, str(config.get("MAIL_FROM", ""))))
            message.sent_at = utcnow()
            session.flush()
    return len(pending)


def _email(message: OutboxMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email.set_content(message.body)
    return email


def _smtp(url: str) -> smtplib.SMTP:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise MailConfigError("RAKIT_SMTP_URL must look like smtp://user:password@host:587")
    if parts.scheme == "smtps":
        server: smtplib.SMTP = smtplib.SMTP_SSL(parts.hostname, parts.port or 465, timeout=30)
    else:
        server = smtplib.SMTP(parts.hostname, parts.port or 587, timeout=30)
        server.ehlo()
        if server.has_extn("starttls"):
            server.starttls()
    if parts.username:
        server.login(unquote(parts.username), unquote(parts.password or ""))
    return server
