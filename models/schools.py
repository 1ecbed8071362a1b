"""Schools from the public register, their key pairs and their members."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, str_enum, utcnow


class Plan(enum.StrEnum):
    NONE = "none"          # not registered: reports go out as password-protected PDFs
    BASIC = "basic"        # registered, PDF delivery with the password in the portal
    EXTENDED = "extended"  # registered, reports decrypted in the portal


class Verification(enum.StrEnum):
    """Where a school's registration stands (``models.trust`` decides what each allows).

    A registration is only a claim (``PENDING``) until the register's official address or
    the operator confirms it (``VERIFIED``); ``REVOKED``: disputed or revoked, never the
    school's; ``ENDED``: the school left. ``None`` on the row: never registered.
    """

    PENDING = "pending"
    VERIFIED = "verified"
    REVOKED = "revoked"
    ENDED = "ended"


class MemberRole(enum.StrEnum):
    ADMIN = "admin"
    HANDLER = "handler"
    ANALYST = "analyst"


class School(Base):
    """One school of the public register (RED-IZO), registered with us or not."""

    __tablename__ = "schools"

    id: Mapped[int] = mapped_column(primary_key=True)
    red_izo: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    street: Mapped[str] = mapped_column(String(200), default="")
    town: Mapped[str] = mapped_column(String(120), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    region: Mapped[str] = mapped_column(String(120), default="")
    director_email: Mapped[str] = mapped_column(String(254), default="")
    #: lowercase, diacritic-free name + street + town, for the picker's search.
    search_text: Mapped[str] = mapped_column(Text, default="", index=True)
    plan: Mapped[Plan] = mapped_column(str_enum(Plan), default=Plan.NONE)
    legal_entity_name: Mapped[str | None] = mapped_column(String(300))
    #: start of the *verified* registration (retention counts from it, see ozvise.retention)
    registered_at: Mapped[datetime | None]
    unregistered_at: Mapped[datetime | None]
    verification: Mapped[Verification | None] = mapped_column(str_enum(Verification))
    #: when the current (perhaps still unverified) registration was filed
    claimed_at: Mapped[datetime | None]
    verified_at: Mapped[datetime | None]
    #: who verified: ``register:<address>`` or ``operator:<name>``
    verified_by: Mapped[str | None] = mapped_column(String(300))
    verification_evidence: Mapped[str | None] = mapped_column(Text)
    revoked_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    keys: Mapped[list[SchoolKey]] = relationship(back_populates="school")
    members: Mapped[list[SchoolMember]] = relationship(back_populates="school")

    @property
    def address(self) -> str:
        return ", ".join(p for p in (self.street, f"{self.postcode} {self.town}".strip()) if p)

    def active_key(self) -> SchoolKey | None:
        return next((k for k in self.keys if k.active), None)


class SchoolKey(Base):
    """A school's HPKE key pair: the public half in clear, the private half only wrapped."""

    __tablename__ = "school_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    suite_id: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    #: the private key wrapped under the recovery key shown once at registration
    recovery_wrap: Mapped[bytes | None] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    school: Mapped[School] = relationship(back_populates="keys")


class SchoolMember(Base):
    """A person who administers a school's reports (staff contact data, not report data)."""

    __tablename__ = "school_members"
    __table_args__ = (UniqueConstraint("email", name="member_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    school_key_id: Mapped[int | None] = mapped_column(ForeignKey("school_keys.id"))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(32), default="")
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    #: the school private key wrapped under an Argon2id key of this member's password
    key_wrap: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_wrap_salt: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_wrap_kdf: Mapped[str | None] = mapped_column(String(200))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None]
    email_confirmed_at: Mapped[datetime | None]
    #: set by an admin's "forgot password" re-grant: the member must set a new password
    invite_token_hash: Mapped[str | None] = mapped_column(String(200), index=True)
    #: the school key wrapped under the one-time invite secret, until a password is set
    pending_key_wrap: Mapped[bytes | None] = mapped_column(LargeBinary)
    invite_expires_at: Mapped[datetime | None]
    #: Argon2id salt and costs of ``pending_key_wrap`` (link secret + code told in person)
    invite_wrap_salt: Mapped[bytes | None] = mapped_column(LargeBinary)
    invite_wrap_kdf: Mapped[str | None] = mapped_column(String(200))
    #: SHA-256 of the one-time e-mail confirmation token (the token itself is only mailed)
    email_token_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    #: mail me when a reporter writes again (``delivery.followup_notice``); members opt out
    followup_notices: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    school: Mapped[School] = relationship(back_populates="members")
