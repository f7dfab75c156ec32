"""People and offices: users (applicants and staff), their roles, the offices they work in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from runtime.models.base import Base, UTCDateTime, utcnow


class Office(Base):
    """A DPMPTSP office: letterhead and signing official for its documents."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region_name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    letterhead: Mapped[str] = mapped_column(Text, default="")
    signing_official_name: Mapped[str] = mapped_column(String(200), default="")
    signing_official_title: Mapped[str] = mapped_column(String(200), default="")
    signing_official_nip: Mapped[str] = mapped_column(String(32), default="")

    def __str__(self) -> str:
        return self.name


class User(Base):
    """Anyone who logs in: applicants (role pemohon) and staff (other roles)."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    nik: Mapped[str | None] = mapped_column(String(16), unique=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    email_verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"))
    locale: Mapped[str] = mapped_column(String(8), default="id")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    office: Mapped[Office | None] = relationship()
    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def role_codes(self) -> set[str]:
        return {r.role for r in self.roles}

    def has_role(self, *codes: str) -> bool:
        return bool(self.role_codes.intersection(codes))

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class UserRole(Base):
    """One role held by a user; `acting_for` marks a delegation (Plt) and when it ends."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(32))
    acting_until: Mapped[dt.date | None] = mapped_column()

    user: Mapped[User] = relationship(back_populates="roles")

    def __str__(self) -> str:
        return self.role
