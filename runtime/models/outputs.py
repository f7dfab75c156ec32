"""What the chain produces: numbers, levy assessments (SKRD) with payments, issued documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from runtime.models.applications import new_public_id
from runtime.models.base import Base, JsonType, UTCDateTime, utcnow


class NumberSequence(Base):
    """A named counter (registration numbers, SKRD numbers, permit numbers per year)."""

    __tablename__ = "number_sequence"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Skrd(Base):
    """Surat Ketetapan Retribusi Daerah: the levy assessment, and its payment once recorded."""

    __tablename__ = "skrd"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    #: [{"id", "label": {"id","en"}, "amount": "decimal", "legal_basis", "assessed": "decimal",
    #:   "adjustment_reason"?}]
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    total: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    due_on: Mapped[dt.date] = mapped_column()
    #: issued · paid · cancelled
    status: Mapped[str] = mapped_column(String(16), default="issued")
    paid_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    paid_amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    payment_reference: Mapped[str] = mapped_column(String(120), default="")
    payment_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class IssuedDocument(Base):
    """A generated PDF (receipt, Surat Tugas, BAP, SKRD, permit, rejection letter).

    Signed documents carry an Ed25519 signature over the PDF bytes; `public_id` is what the QR
    code's verification URL contains (unguessable)."""

    __tablename__ = "issued_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str | None] = mapped_column(String(64), unique=True)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str | None] = mapped_column(Text)
    key_id: Mapped[str | None] = mapped_column(String(64))
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    valid_until: Mapped[dt.date | None] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    revoke_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class OutboxMessage(Base):
    """An e-mail or SMS to send (progress notices, verification links); the worker delivers."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(8), default="email")
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
