"""One-time confirmations sent to a school's official address from the public register.

A registration (or the recovery of a school's key for a new admin) is confirmed through
the register row's ``director_email``, never through anything the registrant typed. The
mail carries a link (token) and a short code; only the SHA-256 of each is stored. The
link's GET page changes nothing (mail scanners prefetch links); a POST with the code
confirms or disputes.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum, utcnow


class ConfirmationPurpose(enum.StrEnum):
    REGISTRATION = "registration"  # the register address confirms a new registration
    RECOVERY = "recovery"          # ... confirms a new admin restored with the recovery key


class SchoolConfirmation(Base):
    __tablename__ = "school_confirmations"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    purpose: Mapped[ConfirmationPurpose] = mapped_column(str_enum(ConfirmationPurpose))
    #: the new admin a recovery confirmation would admit
    member_id: Mapped[int | None] = mapped_column(ForeignKey("school_members.id"))
    #: the register address it was sent to (the school's official address at that time)
    sent_to: Mapped[str] = mapped_column(String(254))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    failed_attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    #: set once: confirmed, disputed ("this is not us"), or void (superseded, too many tries)
    used_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(16))
