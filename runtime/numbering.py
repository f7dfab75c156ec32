"""Gap-free, concurrency-safe counters for registration, SKRD and permit numbers.

The increment is a single UPDATE … RETURNING, so two transactions never get the same number
(PostgreSQL row-locks the counter; SQLite serialises writers)."""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from runtime.models import NumberSequence


def next_value(session: Session, name: str) -> int:
    """Increment the counter `name` (created at 0 when new) and return its new value."""
    dialect = session.get_bind().dialect.name
    stmt: object
    if dialect == "postgresql":
        stmt = pg_insert(NumberSequence).values(name=name, value=0).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite_insert(NumberSequence).values(name=name, value=0).on_conflict_do_nothing()
    else:  # pragma: no cover - other backends are not supported
        stmt = insert(NumberSequence).values(name=name, value=0)
    session.execute(stmt)
    value = session.execute(
        update(NumberSequence)
        .where(NumberSequence.name == name)
        .values(value=NumberSequence.value + 1)
        .returning(NumberSequence.value)
    ).scalar_one()
    return int(value)
