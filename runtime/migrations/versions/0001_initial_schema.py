"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-24

The first schema, plus the triggers that make published definition versions immutable and
the audit trail append-only on every backend (SQLite and PostgreSQL), whatever code path
tries to change them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import runtime.models.base

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('holiday',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name_id', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_holiday'))
    )
    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('region_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('letterhead', sa.Text(), nullable=False),
    sa.Column('signing_official_name', sa.String(length=200), nullable=False),
    sa.Column('signing_official_title', sa.String(length=200), nullable=False),
    sa.Column('signing_official_nip', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office')),
    sa.UniqueConstraint('code', name=op.f('uq_office_code'))
    )
    op.create_table('permit_type',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name_id', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('category_code', sa.String(length=64), nullable=False),
    sa.Column('draft', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('draft_updated_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('retired_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_type')),
    sa.UniqueConstraint('code', name=op.f('uq_permit_type_code'))
    )
    op.create_table('reference_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_code', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('label_id', sa.String(length=300), nullable=False),
    sa.Column('label_en', sa.String(length=300), nullable=False),
    sa.Column('parent_key', sa.String(length=32), nullable=True),
    sa.Column('extra', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_item')),
    sa.UniqueConstraint('list_code', 'key', name=op.f('uq_reference_item_list_code_key'))
    )
    with op.batch_alter_table('reference_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reference_item_list_code'), ['list_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_reference_item_parent_key'), ['parent_key'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('email_verified_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('office_id', sa.Integer(), nullable=True),
    sa.Column('locale', sa.String(length=8), nullable=False),
    sa.Column('created_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_user_account_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('email', name=op.f('uq_user_account_email')),
    sa.UniqueConstraint('nik', name=op.f('uq_user_account_nik'))
    )
    op.create_table('definition_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('permit_type_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('definition', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('canonical', sa.Text(), nullable=False),
    sa.Column('published_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('retired_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['permit_type_id'], ['permit_type.id'], name=op.f('fk_definition_version_permit_type_id_permit_type')),
    sa.ForeignKeyConstraint(['published_by_id'], ['user_account.id'], name=op.f('fk_definition_version_published_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_definition_version')),
    sa.UniqueConstraint('permit_type_id', 'content_hash', name=op.f('uq_definition_version_permit_type_id_content_hash')),
    sa.UniqueConstraint('permit_type_id', 'number', name=op.f('uq_definition_version_permit_type_id_number'))
    )
    op.create_table('user_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('acting_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_role_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_role')),
    sa.UniqueConstraint('user_id', 'role', name=op.f('uq_user_role_user_id_role'))
    )
    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=32), nullable=False),
    sa.Column('registration_number', sa.String(length=64), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('filed_by_id', sa.Integer(), nullable=True),
    sa.Column('previous_application_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('current_page', sa.String(length=64), nullable=False),
    sa.Column('created_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('completed_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('lock_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['user_account.id'], name=op.f('fk_application_applicant_id_user_account')),
    sa.ForeignKeyConstraint(['filed_by_id'], ['user_account.id'], name=op.f('fk_application_filed_by_id_user_account')),
    sa.ForeignKeyConstraint(['previous_application_id'], ['application.id'], name=op.f('fk_application_previous_application_id_application')),
    sa.ForeignKeyConstraint(['version_id'], ['definition_version.id'], name=op.f('fk_application_version_id_definition_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('public_id', name=op.f('uq_application_public_id')),
    sa.UniqueConstraint('registration_number', name=op.f('uq_application_registration_number'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_applicant_id'), ['applicant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_version_id'), ['version_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_role', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=64), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('from_state', sa.String(length=64), nullable=False),
    sa.Column('to_state', sa.String(length=64), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('before', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('after', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_audit_event_actor_id_user_account')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_audit_event_application_id_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)

    op.create_table('task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.String(length=64), nullable=False),
    sa.Column('parent_task_id', sa.Integer(), nullable=True),
    sa.Column('previous_task_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('created_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('completed_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('completed_by_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_task_application_id_application')),
    sa.ForeignKeyConstraint(['assignee_id'], ['user_account.id'], name=op.f('fk_task_assignee_id_user_account')),
    sa.ForeignKeyConstraint(['completed_by_id'], ['user_account.id'], name=op.f('fk_task_completed_by_id_user_account')),
    sa.ForeignKeyConstraint(['parent_task_id'], ['task.id'], name=op.f('fk_task_parent_task_id_task')),
    sa.ForeignKeyConstraint(['previous_task_id'], ['task.id'], name=op.f('fk_task_previous_task_id_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_role'), ['role'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_status'), ['status'], unique=False)

    op.create_table('uploaded_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=32), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('mime_type', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_at', runtime.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('superseded_at', runtime.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('verdict', sa.String(length=16), nullable=False),
    sa.Column('verdict_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_uploaded_document_application_id_application')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user_account.id'], name=op.f('fk_uploaded_document_uploaded_by_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_uploaded_document')),
    sa.UniqueConstraint('public_id', name=op.f('uq_uploaded_document_public_id')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_uploaded_document_stored_name'))
    )
    with op.batch_alter_table('uploaded_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_uploaded_document_application_id'), ['application_id'], unique=False)


    _create_guards()


VERSION_CONTENT = (
    "definition", "canonical", "content_hash", "number", "permit_type_id", "published_at",
    "published_by_id",
)


def _create_guards() -> None:
    if op.get_bind().dialect.name == "postgresql":
        changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in VERSION_CONTENT)
        op.execute(f"""
            CREATE FUNCTION rakit_guard_definition_version() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'published definition versions cannot be deleted';
              END IF;
              IF {changed} THEN
                RAISE EXCEPTION 'published definition versions are immutable';
              END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER definition_version_immutable BEFORE UPDATE OR DELETE
            ON definition_version FOR EACH ROW EXECUTE FUNCTION rakit_guard_definition_version()""")
        op.execute("""
            CREATE FUNCTION rakit_guard_audit_event() RETURNS trigger AS $$
            BEGIN
              RAISE EXCEPTION 'the audit trail is append-only';
            END $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE
            ON audit_event FOR EACH ROW EXECUTE FUNCTION rakit_guard_audit_event()""")
        return
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in VERSION_CONTENT)
    op.execute(f"""
        CREATE TRIGGER definition_version_immutable BEFORE UPDATE ON definition_version
        WHEN {changed}
        BEGIN SELECT RAISE(ABORT, 'published definition versions are immutable'); END""")
    op.execute("""
        CREATE TRIGGER definition_version_no_delete BEFORE DELETE ON definition_version
        BEGIN SELECT RAISE(ABORT, 'published definition versions cannot be deleted'); END""")
    for event in ("UPDATE", "DELETE"):
        op.execute(f"""
            CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""")


def _drop_guards() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS definition_version_immutable ON definition_version")
        op.execute("DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS rakit_guard_definition_version()")
        op.execute("DROP FUNCTION IF EXISTS rakit_guard_audit_event()")
        return
    for name in (
        "definition_version_immutable",
        "definition_version_no_delete",
        "audit_event_no_update",
        "audit_event_no_delete",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def downgrade() -> None:
    _drop_guards()
    with op.batch_alter_table('uploaded_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_uploaded_document_application_id'))

    op.drop_table('uploaded_document')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_status'))
        batch_op.drop_index(batch_op.f('ix_task_role'))
        batch_op.drop_index(batch_op.f('ix_task_due_at'))
        batch_op.drop_index(batch_op.f('ix_task_application_id'))

    op.drop_table('task')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_application_id'))

    op.drop_table('audit_event')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_version_id'))
        batch_op.drop_index(batch_op.f('ix_application_status'))
        batch_op.drop_index(batch_op.f('ix_application_applicant_id'))

    op.drop_table('application')
    op.drop_table('user_role')
    op.drop_table('definition_version')
    op.drop_table('user_account')
    with op.batch_alter_table('reference_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reference_item_parent_key'))
        batch_op.drop_index(batch_op.f('ix_reference_item_list_code'))

    op.drop_table('reference_item')
    op.drop_table('permit_type')
    op.drop_table('office')
    op.drop_table('holiday')
