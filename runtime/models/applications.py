"""Applications, their uploaded documents and the workflow's task rows."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from runtime.models.accounts import User
from runtime.models.base import Base, JsonType, UTCDateTime, utcnow
from runtime.models.permits import DefinitionVersion


def new_public_id() -> str:
    """An unguessable id for URLs (never the row id)."""
    return secrets.token_urlsafe(16)


class Application(Base):
    """An application, pinned to the definition version it was started on.

    `lock_version` is SQLAlchemy's optimistic-locking counter: two officers acting on the same
    application at once → the second flush raises StaleDataError.
    """

    __tablename__ = "application"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    registration_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("definition_version.id"), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    previous_application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    kind: Mapped[str] = mapped_column(String(16), default="new")
    channel: Mapped[str] = mapped_column(String(16), default="online")
    #: draft · submitted · in_progress · returned · issued · rejected · cancelled
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    decision: Mapped[str] = mapped_column(String(16), default="approved")
    data: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    current_page: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    due_on: Mapped[dt.date | None] = mapped_column()
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    version: Mapped[DefinitionVersion] = relationship()
    applicant: Mapped[User] = relationship(foreign_keys=[applicant_id])
    filed_by: Mapped[User | None] = relationship(foreign_keys=[filed_by_id])
    documents: Mapped[list[UploadedDocument]] = relationship(
        back_populates="application", order_by="UploadedDocument.id"
    )
    tasks: Mapped[list[Task]] = relationship(back_populates="application", order_by="Task.id")

    __mapper_args__ = {"version_id_col": lock_version}

    def __str__(self) -> str:
        return self.registration_number or f"draft {self.public_id[:8]}"


class UploadedDocument(Base):
    """A file uploaded for one required document (persyaratan); stored under a random name."""

    __tablename__ = "uploaded_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    mime_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: set when a newer upload for the same code replaces this one
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    #: officer verdict: "" (not yet) · valid · revise
    verdict: Mapped[str] = mapped_column(String(16), default="")
    verdict_reason: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(back_populates="documents")


class Task(Base):
    """One activation of a workflow step. A send-back or a return creates a new row, so the
    history stays linear; `due_at` is polled by the worker for SLA escalation."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    step_id: Mapped[str] = mapped_column(String(64))
    parent_task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"))
    previous_task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"))
    role: Mapped[str] = mapped_column(String(32), index=True)
    #: open · done · waiting (with the applicant) · cancelled
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[str] = mapped_column(String(16), default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any] | None] = mapped_column(JsonType)

    application: Mapped[Application] = relationship(back_populates="tasks")
