"""Login attempts per account (kept at most 7 days; never the client's IP address)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class LoginAttempt(Base):
    __tablename__ = "login_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "member", "moderator" or "counsellor"
    account_type: Mapped[str] = mapped_column(String(16), index=True)
    account_id: Mapped[int] = mapped_column(Integer, index=True)
    success: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
