"""Platform moderators and their decisions."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum, utcnow


class Moderator(Base):
    __tablename__ = "moderators"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Decision(enum.StrEnum):
    DELIVER = "deliver"         # not spam
    SPAM = "spam"
    SECOND_LOOK = "second_look"


class ModerationDecision(Base):
    __tablename__ = "moderation_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    moderator_id: Mapped[int] = mapped_column(ForeignKey("moderators.id"))
    decision: Mapped[Decision] = mapped_column(str_enum(Decision))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MissedRedaction(Base):
    """A phrase the detector missed and a moderator marked: label and length, never the text."""

    __tablename__ = "missed_redactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    moderator_id: Mapped[int] = mapped_column(ForeignKey("moderators.id"))
    label: Mapped[str] = mapped_column(String(16))
    length: Mapped[int] = mapped_column(Integer)
    occurrences: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
