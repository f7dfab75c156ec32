"""Storage for `rakit import` / `rakit export`: the database named by RAKIT_DATABASE_URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from runtime.config import build_config
from runtime.definitions import SqlVersionRepository


@contextmanager
def storage() -> Iterator[SqlVersionRepository]:
    """A repository in one transaction: committed when the block succeeds, else rolled back."""
    config = build_config()
    engine = create_engine(config["DATABASE_URL"], **config["SQLALCHEMY_ENGINE_OPTIONS"])
    try:
        with Session(engine) as session, session.begin():
            yield SqlVersionRepository(session)
    finally:
        engine.dispose()
