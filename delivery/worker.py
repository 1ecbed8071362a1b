"""The outbox worker: claims due messages, sends them, retries with backoff.

Claiming is a conditional ``UPDATE ... WHERE id = ? AND status = ? AND attempts = ?``
(compare-and-set), which is atomic on SQLite and PostgreSQL
alike, so any number of workers (threads or processes) never claim the same message
twice. A claimed message is ``SENDING`` with ``next_attempt_at`` = its lease expiry; if
the worker dies, the lease runs out and another worker re-claims it.

Exactly once at the receiver: SMTP cannot guarantee it. If a worker dies after the
server accepted the message but before it marked the row ``SENT``, the message goes out
again after the lease. It goes out *as the same message*: the Message-ID is fixed when
the message is queued (one per report and recipient, see ``dedupe_key``), so mail
stores and filters that deduplicate by Message-ID keep one copy, and the ``.eml``
transport overwrites its one file. Every other failure (before or during the SMTP
transaction) is retried without any duplicate. The window is one SMTP round trip.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from delivery.transport import deliver, describe_error
from models import OutboxMessage, OutboxStatus, utcnow
from models.audit import record
from ozvise.config import Settings

log = logging.getLogger("ozvise.outbox")


@dataclass(frozen=True)
class WorkerPolicy:
    lease: timedelta = timedelta(minutes=5)
    base_delay: timedelta = timedelta(seconds=30)
    max_delay: timedelta = timedelta(hours=6)
    max_attempts: int = 12  # about two days of retries with the defaults
    batch: int = 20  # due candidates looked at per claim

    def backoff(self, attempts: int) -> timedelta:
        """30 s, 1 min, 2 min, … doubling per failed attempt, capped at ``max_delay``."""
        return min(self.base_delay * (2 ** max(attempts - 1, 0)), self.max_delay)


@dataclass
class RunStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def _due(session: Session, now: datetime, limit: int) -> list[tuple[int, OutboxStatus, int]]:
    rows = session.execute(
        select(OutboxMessage.id, OutboxMessage.status, OutboxMessage.attempts)
        .where(OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)),
               OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)).all()
    return [(row.id, row.status, row.attempts) for row in rows]


@dataclass(frozen=True)
class Claim:
    """A message this worker holds; ``attempts`` is the version that proves it still does."""

    message_id: int
    attempts: int


def claim_next(session: Session, policy: WorkerPolicy,
               now: datetime | None = None) -> Claim | None:
    """Atomically take one due message (pending, or sending with an expired lease).

    One at a time, so each lease covers one send. ``(status, attempts)`` is the row's
    version: every claim bumps ``attempts``, so of two workers that saw the same row,
    only the first one's conditional UPDATE matches; the other tries the next row.
    """
    now = now or utcnow()
    for message_id, status, attempts in _due(session, now, policy.batch):
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.status == status,
                   OutboxMessage.attempts == attempts)
            .values(status=OutboxStatus.SENDING, next_attempt_at=now + policy.lease,
                    attempts=attempts + 1))
        session.commit()
        if result.rowcount == 1:
            return Claim(message_id, attempts + 1)
    return None


def _finish(session: Session, held: Claim, **values: object) -> bool:
    """Record the outcome, unless the lease ran out and another worker took over."""
    result = session.execute(update(OutboxMessage).where(
        OutboxMessage.id == held.message_id, OutboxMessage.status == OutboxStatus.SENDING,
        OutboxMessage.attempts == held.attempts).values(**values))
    session.commit()
    return result.rowcount == 1


def _audit_gave_up(session: Session, message: OutboxMessage, reason: str) -> None:
    """Never silent: a message given up for good is in the audit log (ids and error type)."""
    from delivery.outbox_status import report_of_message

    report_id = report_of_message(message.dedupe_key)
    record(session, "system", "outbox.failed",
           f"report:{report_id}" if report_id else f"outbox:{message.id}",
           message=message.id, kind=message.kind, attempts=message.attempts, reason=reason)
    session.commit()


def send_one(session: Session, settings: Settings, policy: WorkerPolicy, held: Claim,
             stats: RunStats) -> None:
    message = session.get(OutboxMessage, held.message_id, populate_existing=True)
    if message is None or message.status != OutboxStatus.SENDING:
        return
    try:
        deliver(message, settings)
    except Exception as exc:  # any transport failure: retry or give up, never crash the loop
        reason = describe_error(exc)
        if held.attempts >= policy.max_attempts:
            if _finish(session, held, status=OutboxStatus.FAILED, last_error=reason):
                _audit_gave_up(session, message, reason)
            stats.failed += 1
            log.warning("outbox message %s failed for good: %s", held.message_id, reason)
        else:
            _finish(session, held, status=OutboxStatus.PENDING, last_error=reason,
                    next_attempt_at=utcnow() + policy.backoff(held.attempts))
            stats.retried += 1
        return
    _finish(session, held, status=OutboxStatus.SENT, sent_at=utcnow(), last_error=None)
    stats.sent += 1


def scrub_sqlite_wal(engine: Engine) -> bool:
    """Checkpoint SQLite's write-ahead log into the database file and truncate it.

    Why: ``secure_delete`` zeroes deleted rows (an anonymised report's ciphertexts, its
    encrypted PDF and the mail that carried it) in the database file, but the WAL keeps
    the page image from before the deletion until a checkpoint truncates it. Every worker
    round (each few seconds under ``ozvise serve``) and every retention run scrubs it; a
    short busy timeout makes a round that meets a reader give up and leave it to the next.
    PostgreSQL keeps a dead row until VACUUM reuses its space. True if done.
    """
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA busy_timeout = 1000")
        busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
        connection.exec_driver_sql("PRAGMA busy_timeout = 30000")
    return busy == 0


def run_once(factory: sessionmaker, settings: Settings,
             policy: WorkerPolicy | None = None) -> RunStats:
    """Send everything due now, scrub the SQLite log, and return what happened."""
    policy = policy or WorkerPolicy()
    stats = RunStats()
    with factory() as session:
        while (held := claim_next(session, policy)) is not None:
            send_one(session, settings, policy, held, stats)
        engine = session.get_bind()
    scrub_sqlite_wal(engine)
    return stats


def run_forever(factory: sessionmaker, settings: Settings, stop: threading.Event,
                interval: float = 5.0, policy: WorkerPolicy | None = None) -> None:
    """Poll until ``stop`` is set; a database hiccup is logged and retried next round."""
    while not stop.is_set():
        try:
            run_once(factory, settings, policy)
        except Exception as exc:  # keep the worker alive; never log message content
            log.error("outbox round failed: %s", type(exc).__name__)
        stop.wait(interval)


def start_background(factory: sessionmaker, settings: Settings,
                     interval: float = 5.0) -> tuple[threading.Thread, threading.Event]:
    """The worker in a daemon thread (``ozvise serve``); set the event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=run_forever, args=(factory, settings, stop, interval),
                              name="ozvise-outbox", daemon=True)
    thread.start()
    return thread, stop
