"""Reports and everything sealed under a report's data key.

No report content is stored readable: every original value is a ciphertext (``*_ct``)
sealed with the report's data key, which itself is stored only wrapped (``ReportKey``);
the moderators' pseudonymised copy is sealed too (``models.moderation.ModerationCopy``).
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, new_id, str_enum, utcnow


class ReportStatus(enum.StrEnum):
    PENDING_MODERATION = "pending_moderation"
    SECOND_LOOK = "second_look"              # a moderator asked for another opinion
    SPAM = "spam"
    AWAITING_PDF = "awaiting_pdf_delivery"   # not spam; goes out as a password-protected PDF
    DELIVERED = "delivered"                  # visible in the school portal
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    ANONYMISED = "anonymised"                # retention ended: personal data destroyed


class KeyRecipient(enum.StrEnum):
    SCHOOL = "school"
    ONBOARDING = "onboarding"   # offline operator key, for schools without their own key
    COUNSELLOR = "counsellor"
    REPORTER = "reporter"       # receipt-derived key, for the conversation


class Report(Base):
    __tablename__ = "reports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    status: Mapped[ReportStatus] = mapped_column(
        str_enum(ReportStatus), default=ReportStatus.PENDING_MODERATION, index=True
    )
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the moderators' copy as it was stored in clear before the moderation key existed;
    #: always NULL now, emptied by ``ozvise moderators seal-pending`` (review_ui.moderation.keys)
    legacy_redacted_text: Mapped[str | None] = mapped_column("redacted_text", Text,
                                                             deferred=True)
    #: the redacted version the moderator passed on, sealed to the report's marking key at
    #: the decision (``crypto.moderation_copy.seal_redacted_version``): only readers of the
    #: report (school, counsellor) open it, with the data key
    redacted_version_ct: Mapped[bytes | None] = mapped_column(LargeBinary)
    text_length: Mapped[int] = mapped_column(Integer, default=0)
    victim_name_ct: Mapped[bytes | None] = mapped_column(LargeBinary)
    victim_class_ct: Mapped[bytes | None] = mapped_column(LargeBinary)
    text_ct: Mapped[bytes] = mapped_column(LargeBinary)
    #: Argon2id digest of the reporter's receipt (see crypto.receipts)
    receipt_digest: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    #: public half of the receipt-derived reporter key (see crypto.receipts.reporter_keypair)
    reporter_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: the report's seed list (form fields + hidden originals) sealed to the reporter key
    #: (crypto.reporter_seal): follow-ups are redacted with the same names
    followup_seeds_ct: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: public half of the key pair derived from the data key (crypto.envelope.mark_keypair):
    #: a moderator's marked phrase is sealed to it, so every reader of the report can open it
    mark_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    mark_suite_id: Mapped[str | None] = mapped_column(String(64))
    read_by_school_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    #: set by retention (``ozvise.retention``): the status the report had when it was
    #: anonymised, so the school's statistics still count it by that status
    status_before_anonymisation: Mapped[ReportStatus | None] = mapped_column(
        str_enum(ReportStatus))
    #: the reporter's text (or a follow-up) points to a risk to life or health
    #: (``ner.urgency``); only the flag is stored, never the words that raised it
    urgent: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)

    #: the school member who handles the case (``review_ui.portal.handlers``), if any
    handler_member_id: Mapped[int | None] = mapped_column(ForeignKey("school_members.id"))

    keys: Mapped[list[ReportKey]] = relationship(back_populates="report",
                                                 cascade="all, delete-orphan")
    redactions: Mapped[list[Redaction]] = relationship(back_populates="report",
                                                       cascade="all, delete-orphan",
                                                       order_by="Redaction.id")


class ReportKey(Base):
    """The report's data key wrapped (HPKE) to one recipient."""

    __tablename__ = "report_keys"
    __table_args__ = (UniqueConstraint("report_id", "recipient", "recipient_id",
                                       name="report_recipient"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    recipient: Mapped[KeyRecipient] = mapped_column(str_enum(KeyRecipient))
    #: SchoolKey.id, Counsellor.id, or 0 for the onboarding key / the reporter
    recipient_id: Mapped[int] = mapped_column(Integer, default=0)
    suite_id: Mapped[str] = mapped_column(String(64))
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]

    report: Mapped[Report] = relationship(back_populates="keys")


class RedactionSource(enum.StrEnum):
    DETECTOR = "detector"
    MODERATOR = "moderator"


class Redaction(Base):
    """One hidden span: its placeholder and label in clear, the original only sealed."""

    __tablename__ = "redactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    placeholder: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(16))
    source: Mapped[RedactionSource] = mapped_column(str_enum(RedactionSource),
                                                    default=RedactionSource.DETECTOR)
    original_ct: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship(back_populates="redactions")


class Note(Base):
    """A school-internal note on a report, sealed under the report's data key."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    author_member_id: Mapped[int | None] = mapped_column(ForeignKey("school_members.id"))
    author_counsellor_id: Mapped[int | None] = mapped_column(ForeignKey("counsellors.id"))
    body_ct: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MessageAuthor(enum.StrEnum):
    SCHOOL = "school"
    REPORTER = "reporter"


class Message(Base):
    """One message of the anonymous conversation between school and reporter.

    Each message has its own key, wrapped to the school key and to the receipt-derived
    reporter key, so the server alone cannot read the conversation.
    """

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    author: Mapped[MessageAuthor] = mapped_column(str_enum(MessageAuthor))
    body_ct: Mapped[bytes] = mapped_column(LargeBinary)
    #: the message key wrapped (HPKE, suite ``key_suite``) to the school and to the reporter
    key_suite: Mapped[str] = mapped_column(String(64))
    key_for_school: Mapped[bytes] = mapped_column(LargeBinary)
    key_for_reporter: Mapped[bytes] = mapped_column(LargeBinary)
    #: which school key ``key_for_school`` is wrapped to (for re-wrapping at key rotation)
    school_key_id: Mapped[int | None] = mapped_column(ForeignKey("school_keys.id"))
    #: a follow-up's clear pseudonymised copy from before the moderation key; always NULL
    #: now (the copy is a sealed ``ModerationCopy``), emptied by ``moderators seal-pending``
    legacy_redacted_text: Mapped[str | None] = mapped_column("redacted_text", Text,
                                                             deferred=True)
    moderated_at: Mapped[datetime | None]
    #: set with ``moderated_at`` when a moderator did not pass the follow-up on (spam)
    withheld_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
