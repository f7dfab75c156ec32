"""Wiping what a workshop created: applications and everything hanging off them, the outbox and
the audit trail. Definitions, users, holidays, reference data and counters stay.

Plain Python on a Session (no Flask). The audit trail is append-only by database triggers (see
migration 0001), so the wipe goes around them in the same transaction:

- PostgreSQL: TRUNCATE (row triggers do not fire on it);
- SQLite: the migration's own guard triggers are dropped, the rows deleted and the triggers
  created again, all inside the open transaction: a failure rolls the triggers back too.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from sqlalchemy import Table, delete, select, text
from sqlalchemy.orm import Session

from runtime.models import Base, IssuedDocument, UploadedDocument

MIGRATION_0001 = (
    Path(__file__).resolve().parent.parent / "migrations" / "versions" / "0001_initial_schema.py"
)
#: the workshop's own rows besides the applications and what references them
ALSO_WIPED = ("audit_event", "outbox_message")
GUARDED = "audit_event"


@dataclass
class Wiped:
    """What a wipe removed: table → rows, and the stored files to delete once committed."""

    rows: dict[str, int] = field(default_factory=dict)
    uploads: list[str] = field(default_factory=list)
    issued: list[str] = field(default_factory=list)


def workshop_tables() -> list[Table]:
    """`application`, every table that references it (transitively) and ALSO_WIPED, parents
    first (metadata order)."""
    names = {"application", *ALSO_WIPED}
    grew = True
    while grew:
        grew = False
        for table in Base.metadata.sorted_tables:
            refs = {fk.column.table.name for fk in table.foreign_keys}
            if table.name not in names and refs & names:
                names.add(table.name)
                grew = True
    return [t for t in Base.metadata.sorted_tables if t.name in names]


def wipe(session: Session) -> Wiped:
    """Delete every workshop row in the session's transaction (the caller commits, then removes
    the files listed in the result). Works on PostgreSQL and SQLite."""
    tables = workshop_tables()
    result = Wiped(
        uploads=list(session.scalars(select(UploadedDocument.stored_name))),
        issued=list(session.scalars(select(IssuedDocument.stored_name))),
    )
    for table in tables:
        result.rows[table.name] = count(session, table)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        session.execute(text(f"TRUNCATE {names} CASCADE"))
    else:
        _delete_around_guards(session, tables)
    session.expire_all()
    return result


def count(session: Session, table: Table) -> int:
    from sqlalchemy import func

    return int(session.scalar(select(func.count()).select_from(table)) or 0)


def _delete_around_guards(session: Session, tables: list[Table]) -> None:
    """Children before parents; the guarded audit table last but before `application`, which
    nothing else references once its children are gone."""
    children = [t for t in reversed(tables) if t.name not in (GUARDED, "application")]
    for table in children:
        session.execute(delete(table))
    with guards_lifted(session):
        for name in (GUARDED, "application"):
            session.execute(delete(Base.metadata.tables[name]))


@contextmanager
def guards_lifted(session: Session) -> Iterator[None]:
    """Drop migration 0001's guard triggers and create them again, on the session's connection.

    Refuses unless a database transaction is open: dropped guards must never be committed."""
    connection = session.connection()
    if not _in_database_transaction(session):
        raise RuntimeError("the guard triggers may only be lifted inside a transaction")
    migration = _migration_0001()
    with _alembic_ops(connection):
        migration._drop_guards()
    yield
    with _alembic_ops(connection):
        migration._create_guards()


def _in_database_transaction(session: Session) -> bool:
    """The driver's own view (pysqlite opens its transaction lazily, at the first write)."""
    raw = session.connection().connection.dbapi_connection
    return bool(getattr(raw, "in_transaction", True))


@contextmanager
def _alembic_ops(connection: object) -> Iterator[None]:
    """Make `alembic.op` (used by the migration's functions) run on `connection`."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    context = MigrationContext.configure(connection=connection)  # type: ignore[arg-type]
    with Operations.context(context):
        yield


def _migration_0001() -> ModuleType:
    """The first migration, imported (its file name is not an identifier) to reuse its trigger
    SQL rather than copy it."""
    spec = importlib.util.spec_from_file_location("rakit_migration_0001", MIGRATION_0001)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def remove_files(wiped: Wiped, upload_folder: Path, issued_folder: Path) -> int:
    """Delete the stored files of the wiped rows (after the commit); returns how many."""
    removed = 0
    for folder, names in ((upload_folder, wiped.uploads), (issued_folder, wiped.issued)):
        for name in names:
            path = folder / name
            if path.parent.resolve() == folder.resolve() and path.is_file():
                path.unlink()
                removed += 1
    return removed
