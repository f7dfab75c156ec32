"""Writing the append-only audit trail (the Lembar Kendali). No Flask: callers pass the actor."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from runtime.models import AuditEvent, User


def record(
    session: Session,
    *,
    actor: User | None,
    entity: str,
    entity_id: str | int,
    action: str,
    application_id: int | None = None,
    from_state: str = "",
    to_state: str = "",
    comment: str = "",
    before: Any = None,
    after: Any = None,
    actor_role: str = "",
) -> AuditEvent:
    """Add one audit event to `session` (committed with the change it describes)."""
    event = AuditEvent(
        actor_id=actor.id if actor is not None else None,
        actor_role=actor_role,
        entity=entity,
        entity_id=str(entity_id),
        action=action,
        application_id=application_id,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
        before=before,
        after=after,
    )
    session.add(event)
    return event
