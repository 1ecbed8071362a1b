"""Login throttling per (account, client) with growing delays, counted atomically.

Why not a lock per account: director e-mails are public, so "five wrong passwords lock the
account for 15 minutes" lets anyone lock any school member out. Here wrong passwords slow
down only the client that sends them: each client gets ``FREE_FAILURES`` tries, then waits
15 s, 30 s, 1 min, … up to 15 minutes before each further try. The account's owner on
another device or network is not affected; a success resets that client's count; a
client quiet for a day starts afresh. Distributed guessing from many addresses is bounded
by the global Argon2 cap (``ozvise.argon2_gate``) and by the mandatory second factor.

Atomic: an attempt is *reserved* (counted as a failure) before the password is checked,
by a compare-and-set ``UPDATE … WHERE failures = <seen>`` that only one of several
concurrent requests can win (row lock on PostgreSQL, the write lock on SQLite), so
concurrent tries cannot slip past the limit. A successful step gives the reservation back.
Rows are keyed by a keyed hash of the client address (``ozvise.client_identity``), never
the address, and deleted 7 days after their last use with the login records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models import LoginThrottle, utcnow

FREE_FAILURES = 5
FIRST_DELAY = timedelta(seconds=15)
MAX_DELAY = timedelta(minutes=15)
#: a client that has not tried for this long starts with a clean count
FORGET_AFTER = timedelta(days=1)
_CAS_ATTEMPTS = 20


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after_seconds: int = 0


def delay_after(failures: int) -> timedelta:
    """The wait imposed after the ``failures``-th failure in a row (0 for the free ones)."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_DELAY * (2 ** min(failures - FREE_FAILURES, 16)), MAX_DELAY)


def reserve_attempt(session: Session, account: str, client: str,
                    now: datetime | None = None) -> Verdict:
    """Count one attempt of ``client`` on ``account`` before it is checked; commits.

    Returns ``allowed=False`` (and how long to wait) while the client must wait.
    """
    for _ in range(_CAS_ATTEMPTS):
        moment = now or utcnow()
        row = session.execute(select(LoginThrottle.failures, LoginThrottle.blocked_until,
                                     LoginThrottle.updated_at)
                              .where(LoginThrottle.account == account,
                                     LoginThrottle.client == client)).first()
        if row is None:
            if _insert_first(session, account, client, moment):
                session.commit()
                return Verdict(True)
            session.rollback()
            continue  # another request inserted it first: compete on the update
        seen, blocked_until, updated_at = row
        if blocked_until is not None and _aware(blocked_until) > moment:
            session.rollback()
            return Verdict(False, _seconds_until(_aware(blocked_until), moment))
        start = 0 if _aware(updated_at) < moment - FORGET_AFTER else seen
        result = session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.account == account, LoginThrottle.client == client,
                   LoginThrottle.failures == seen,
                   or_(LoginThrottle.blocked_until.is_(None),
                       LoginThrottle.blocked_until <= moment))
            .values(failures=start + 1, updated_at=moment,
                    blocked_until=_blocked_until(start + 1, moment))
            .execution_options(synchronize_session=False))
        if result.rowcount == 1:
            session.commit()
            return Verdict(True)
        session.rollback()  # lost the race: read the new count and decide again
    return Verdict(False, 1)


def give_back(session: Session, account: str, client: str) -> None:
    """A step succeeded (right password, waiting for the code): un-count its reservation.

    The caller commits.
    """
    row = session.execute(select(LoginThrottle.failures).where(
        LoginThrottle.account == account, LoginThrottle.client == client)).first()
    if row is None or row.failures <= 0:
        return
    remaining = row.failures - 1
    session.execute(update(LoginThrottle)
                    .where(LoginThrottle.account == account, LoginThrottle.client == client,
                           LoginThrottle.failures == row.failures)
                    .values(failures=remaining,
                            blocked_until=None if remaining < FREE_FAILURES else
                            LoginThrottle.blocked_until)
                    .execution_options(synchronize_session=False))


def succeeded(session: Session, account: str, client: str) -> None:
    """A full login: this client starts afresh for this account. The caller commits."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.account == account,
                                                LoginThrottle.client == client)
                    .execution_options(synchronize_session=False))


def purge(session: Session, cutoff: datetime) -> int:
    """Delete rows last used before ``cutoff``; the caller commits."""
    result = session.execute(delete(LoginThrottle).where(LoginThrottle.updated_at < cutoff)
                             .execution_options(synchronize_session=False))
    return result.rowcount or 0


def _insert_first(session: Session, account: str, client: str, moment: datetime) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (both engines); True if this call inserted the row."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(LoginThrottle).values(
        account=account, client=client, failures=1, updated_at=moment,
        blocked_until=_blocked_until(1, moment)).on_conflict_do_nothing().returning(
        LoginThrottle.id)  # rowcount is not reliable with ON CONFLICT on every driver
    return session.execute(statement).first() is not None


def _blocked_until(failures: int, moment: datetime) -> datetime | None:
    wait = delay_after(failures)
    return moment + wait if wait else None


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes (stored as UTC); PostgreSQL aware ones."""
    from datetime import UTC

    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, int((moment - now).total_seconds() + 0.999))
