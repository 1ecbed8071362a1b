"""Platform moderators, their decisions, the moderation key and the moderators' sealed copies."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, str_enum, utcnow

if TYPE_CHECKING:
    from models.reports import Report


class Moderator(Base):
    __tablename__ = "moderators"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the moderation private key wrapped under an Argon2id key of this moderator's password
    #: (``crypto.moderation_keys``); which key, so a wrap of a retired key is recognised
    moderation_key_id: Mapped[int | None] = mapped_column(ForeignKey("moderation_keys.id"))
    key_wrap: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_wrap_salt: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_wrap_kdf: Mapped[str | None] = mapped_column(String(200))


class ModerationKey(Base):
    """The platform's moderation key pair: public half in clear, private half only wrapped.

    It opens the moderators' copies (``ModerationCopy``) and nothing else: no report's data
    key is ever wrapped to it. Wrapped once per moderator (``Moderator.key_wrap``) and once
    under the operator's recovery key. After a rotation the old record stays inactive; its
    ``successor_wrap`` (the new private key HPKE-wrapped to the old public key) lets a
    moderator still holding the old key carry over at login, unless the rotation revoked it.
    """

    __tablename__ = "moderation_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    suite_id: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    recovery_wrap: Mapped[bytes | None] = mapped_column(LargeBinary)
    successor_id: Mapped[int | None] = mapped_column(Integer)
    successor_wrap: Mapped[bytes | None] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]


class ModerationCopy(Base):
    """What a moderator reads, sealed: a report's or a follow-up's pseudonymised text.

    ``body_ct`` is sealed (AES-256-GCM) under a random key of its own, never the report's
    data key, and that key is HPKE-wrapped to the moderation key (``wrapped_key``). The row
    exists only while the report or the follow-up waits for moderation; the decision
    deletes it. ``subject`` is ``report`` or ``message:<id>``; ``version`` grows with every
    re-seal, so two moderators marking at once cannot overwrite each other.
    """

    __tablename__ = "moderation_copies"
    __table_args__ = (UniqueConstraint("report_id", "subject", name="moderation_copy_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    subject: Mapped[str] = mapped_column(String(40))
    moderation_key_id: Mapped[int] = mapped_column(ForeignKey("moderation_keys.id"), index=True)
    suite_id: Mapped[str] = mapped_column(String(64))
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    body_ct: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship()  # so the report row is inserted first


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
