"""Test databases: a migrated SQLite template copied per test, or a PostgreSQL schema migrated
once per run and truncated between tests. RAKIT_TEST_DB chooses (sqlite | postgresql)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from runtime.migrate import upgrade
from runtime.models import Base

PG_URL = os.environ.get("RAKIT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def backend() -> str:
    return os.environ.get("RAKIT_TEST_DB", "sqlite")


class SqliteDatabases:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template.sqlite3"
        upgrade(f"sqlite:///{self.template}")

    @contextmanager
    def fresh(self) -> Iterator[str]:
        path = self.folder / f"{uuid.uuid4().hex}.sqlite3"
        shutil.copyfile(self.template, path)
        try:
            yield f"sqlite:///{path}"
        finally:
            path.unlink(missing_ok=True)

    def close(self) -> None:
        pass


class PostgresDatabases:
    """One schema per test run; TRUNCATE between tests (row triggers do not fire on TRUNCATE)."""

    def __init__(self) -> None:
        self.schema = f"rakit_test_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{self.schema}"')
        self.url = (
            PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
            + f"?options=-csearch_path%3D{self.schema}&application_name={self.schema}"
        )
        upgrade(self.url)
        self.engine = create_engine(self.url, poolclass=NullPool)
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        self.truncate = text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")

    @contextmanager
    def fresh(self) -> Iterator[str]:
        with self.engine.begin() as conn:
            # A connection a previous test left open in a transaction (a server thread, an
            # undisposed app) would make TRUNCATE wait forever: end those first.
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :name AND pid <> pg_backend_pid()"
                ),
                {"name": self.schema},
            )
            conn.execute(text("SET LOCAL lock_timeout = '30s'"))
            conn.execute(self.truncate)
        yield self.url

    def close(self) -> None:
        self.engine.dispose()
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{self.schema}" CASCADE')
