"""Reference data kept in the database: the holiday calendar and reference lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from runtime.models.base import Base, JsonType


class Holiday(Base):
    """A non-working day: national holiday, cuti bersama (collective leave) or a local one."""

    __tablename__ = "holiday"

    day: Mapped[dt.date] = mapped_column(primary_key=True)
    name_id: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), default="national")

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.name_id}"


class ReferenceItem(Base):
    """One entry of a named reference list (regions, kbli, location_class, business_scale…).

    `parent_key` links regions (province → regency → district → village)."""

    __tablename__ = "reference_item"
    __table_args__ = (UniqueConstraint("list_code", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_code: Mapped[str] = mapped_column(String(32), index=True)
    key: Mapped[str] = mapped_column(String(32))
    label_id: Mapped[str] = mapped_column(String(300))
    label_en: Mapped[str] = mapped_column(String(300), default="")
    parent_key: Mapped[str | None] = mapped_column(String(32), index=True)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JsonType)

    def __str__(self) -> str:
        return f"{self.list_code}:{self.key} {self.label_id}"
