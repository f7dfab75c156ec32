"""The database itself refuses changes to published versions and to the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from runtime.extensions import db
from runtime.models import AuditEvent, DefinitionVersion, PermitType
from runtime.numbering import next_value


def _version() -> DefinitionVersion:
    pt = PermitType(code="contoh", name_id="Contoh", name_en="Example")
    db.session.add(pt)
    db.session.flush()
    v = DefinitionVersion(
        permit_type_id=pt.id, number=1, content_hash="a" * 64, definition={"a": 1}, canonical="{}"
    )
    db.session.add(v)
    db.session.commit()
    return v


def test_migrations_created_every_table(app):
    with app.app_context():
        names = set(db.inspect(db.engine).get_table_names())
    assert {"permit_type", "definition_version", "application", "task", "audit_event"} <= names
    assert "alembic_version" in names


@pytest.mark.parametrize(
    "column, value",
    [("definition", {"a": 2}), ("content_hash", "b" * 64), ("number", 2), ("canonical", "[]")],
)
def test_published_version_content_cannot_be_updated_by_raw_sql(app, column, value):
    with app.app_context():
        v = _version()
        with pytest.raises(DBAPIError, match="immutable"):
            db.session.execute(
                update(DefinitionVersion)
                .where(DefinitionVersion.id == v.id)
                .values({column: value})
            )
        db.session.rollback()
        assert db.session.get(DefinitionVersion, v.id).definition == {"a": 1}


def test_published_version_can_be_retired_but_not_deleted(app):
    with app.app_context():
        v = _version()
        db.session.execute(
            update(DefinitionVersion)
            .where(DefinitionVersion.id == v.id)
            .values(retired_at=db.func.now())
        )
        db.session.commit()
        with pytest.raises(DBAPIError, match="cannot be deleted"):
            db.session.execute(delete(DefinitionVersion).where(DefinitionVersion.id == v.id))
        db.session.rollback()


def test_audit_trail_is_append_only(app):
    with app.app_context():
        db.session.add(AuditEvent(entity="x", entity_id="1", action="create"))
        db.session.commit()
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(update(AuditEvent).values(action="tampered"))
        db.session.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(text("DELETE FROM audit_event"))
        db.session.rollback()
        assert db.session.scalar(select(AuditEvent.action)) == "create"


def test_number_sequences_count_up_independently(app):
    with app.app_context():
        assert [next_value(db.session, "reg:2026") for _ in range(3)] == [1, 2, 3]
        assert next_value(db.session, "skrd:2026") == 1
        db.session.commit()
        assert next_value(db.session, "reg:2026") == 4
