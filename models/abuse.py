"""Rows that make abuse resistance hold across processes and restarts.

- ``LoginThrottle``: failed logins per (account, client), so wrong passwords from one
  client slow down that client only, never the account's owner elsewhere. The client is a
  keyed hash (never the address itself) and the row is deleted 7 days after its last use.
- ``TotpStep``: the last TOTP time step accepted per account, so a code cannot be used
  twice, not after a restart and not on another server process.
- ``JobLock``: one row per scheduled job (retention, login purge, outbox), so among many
  server processes only one runs a job at a time, and a daily job runs once a day.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class LoginThrottle(Base):
    __tablename__ = "login_throttles"
    __table_args__ = (
        UniqueConstraint("account", "client", name="uq_login_throttles_account_client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "member:12", "moderator:3", "counsellor:1"
    account: Mapped[str] = mapped_column(String(40))
    #: keyed hash of the client address (``ozvise.client_identity.client_tag``)
    client: Mapped[str] = mapped_column(String(32))
    #: failed (or still unfinished) attempts since the last successful login
    failures: Mapped[int] = mapped_column(Integer, default=0)
    #: no attempt from this client for this account before this moment
    blocked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class TotpStep(Base):
    __tablename__ = "totp_steps"

    #: "member:12", "moderator:3", "counsellor:1"
    account: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_step: Mapped[int] = mapped_column(BigInteger)


class JobLock(Base):
    __tablename__ = "job_locks"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), default="")
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    last_finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
