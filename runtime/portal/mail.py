"""Outgoing e-mail: a row in the outbox (the worker delivers it) and a log line."""

from __future__ import annotations

import logging

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from runtime.models import OutboxMessage

log = logging.getLogger("rakit.mail")

VERIFY_SALT = "rakit-verify-email"
RESET_SALT = "rakit-reset-password"
MAX_AGE = {VERIFY_SALT: 3 * 24 * 3600, RESET_SALT: 2 * 3600}


def queue_email(session: Session, to: str, subject: str, body: str) -> OutboxMessage:
    message = OutboxMessage(channel="email", to_address=to, subject=subject, body=body)
    session.add(message)
    log.info("mail to %s: %s\n%s", to, subject, body)
    return message


def make_token(secret: str, salt: str, payload: dict[str, object]) -> str:
    return URLSafeTimedSerializer(secret, salt=salt).dumps(payload)


def read_token(secret: str, salt: str, token: str) -> dict[str, object] | None:
    """The payload of a valid, unexpired token; None otherwise."""
    try:
        found = URLSafeTimedSerializer(secret, salt=salt).loads(token, max_age=MAX_AGE[salt])
    except (BadSignature, SignatureExpired):
        return None
    return found if isinstance(found, dict) else None
