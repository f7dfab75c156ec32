"""Permit types and their immutable published definition versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, relationship

from runtime.models.base import Base, JsonType, UTCDateTime, utcnow


class PermitType(Base):
    """A permit type: its editable draft and the list of its published versions."""

    __tablename__ = "permit_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name_id: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    category_code: Mapped[str] = mapped_column(String(64), default="")
    #: draft definition being edited in the admin (None when nothing is being edited)
    draft: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    draft_updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    versions: Mapped[list[DefinitionVersion]] = relationship(
        back_populates="permit_type", order_by="DefinitionVersion.number"
    )

    def __str__(self) -> str:
        return f"{self.code} — {self.name_id}"


class DefinitionVersion(Base):
    """A published definition. Immutable: a database trigger refuses any change to its content
    (only `retired_at` may be set), and an ORM guard refuses it before it reaches the database."""

    __tablename__ = "definition_version"
    __table_args__ = (
        UniqueConstraint("permit_type_id", "number"),
        UniqueConstraint("permit_type_id", "content_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_type_id: Mapped[int] = mapped_column(ForeignKey("permit_type.id"))
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    definition: Mapped[dict[str, Any]] = mapped_column(JsonType)
    canonical: Mapped[str] = mapped_column(Text)
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    permit_type: Mapped[PermitType] = relationship(back_populates="versions")

    IMMUTABLE_COLUMNS = (
        "permit_type_id",
        "number",
        "content_hash",
        "definition",
        "canonical",
        "published_at",
        "published_by_id",
    )

    def __str__(self) -> str:
        return f"{self.permit_type.code} v{self.number}"


class ImmutableVersionError(Exception):
    """Raised when code tries to change a published definition version."""


@event.listens_for(DefinitionVersion, "before_update")
def _refuse_content_change(mapper: Any, connection: Any, target: DefinitionVersion) -> None:
    state = inspect(target)
    for name in DefinitionVersion.IMMUTABLE_COLUMNS:
        if state.attrs[name].history.has_changes():
            raise ImmutableVersionError(
                f"{target} is published and immutable ({name} cannot change); publish a new version"
            )


@event.listens_for(DefinitionVersion, "before_delete")
def _refuse_delete(mapper: Any, connection: Any, target: DefinitionVersion) -> None:
    raise ImmutableVersionError(f"{target} is published and cannot be deleted; retire it instead")
