"""Outgoing mail, written in the same transaction as the event that causes it.

``dedupe_key`` is unique, so the same notification can never be queued twice, and the
``message_id`` header is fixed at queue time, so a retry after a crash is recognisable
as the same message by the receiving side.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum, utcnow


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"   # gave up after the maximum number of attempts


class OutboxMessage(Base):
    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    attachment_name: Mapped[str | None] = mapped_column(String(200))
    #: already-encrypted content only (the password-protected PDF)
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary)
    status: Mapped[OutboxStatus] = mapped_column(str_enum(OutboxStatus),
                                                 default=OutboxStatus.PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
