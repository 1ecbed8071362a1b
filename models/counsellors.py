"""Platform counsellors, who see a report only when a school shares it with them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Counsellor(Base):
    __tablename__ = "counsellors"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None]
    suite_id: Mapped[str] = mapped_column(String(64))
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    key_wrap: Mapped[bytes] = mapped_column(LargeBinary)
    key_wrap_salt: Mapped[bytes] = mapped_column(LargeBinary)
    key_wrap_kdf: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CounsellorShare(Base):
    """A school shared one report with a counsellor (the wrap itself is a ReportKey row)."""

    __tablename__ = "counsellor_shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    counsellor_id: Mapped[int] = mapped_column(ForeignKey("counsellors.id"), index=True)
    shared_by_member_id: Mapped[int] = mapped_column(ForeignKey("school_members.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
