"""Outbox worker: atomic claims, leases, backoff, giving up, the .eml transport, serve."""

from __future__ import annotations

import socket
import time
from datetime import UTC, timedelta

from sqlalchemy import select, update

from delivery.outbox import enqueue
from delivery.transport import eml_path
from delivery.worker import WorkerPolicy, claim_next, run_once, start_background
from models import OutboxMessage, OutboxStatus, utcnow
from ozvise.db import session_factory


def _queue(session, n: int = 1) -> list[OutboxMessage]:
    messages = [enqueue(session, kind="test", dedupe_key=f"test:{i}",
                        recipient=f"skola{i}@example.cz", subject="Předmět ěščř",
                        body="Tělo zprávy.") for i in range(n)]
    session.commit()
    return messages


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_two_workers_never_claim_the_same_message(app, session):
    _queue(session, 1)
    factory = session_factory(app)
    with factory() as first, factory() as second:
        policy = WorkerPolicy()
        assert claim_next(first, policy) is not None
        assert claim_next(second, policy) is None  # claimed and leased: nobody else gets it
        later = utcnow() + policy.lease + timedelta(seconds=1)
        assert claim_next(second, policy, now=later) is not None  # lease ran out: re-claimed


def test_failure_backs_off_then_gives_up_without_personal_data(app, session, settings):
    (message,) = _queue(session, 1)
    unreachable = settings.with_overrides(smtp_host="127.0.0.1", smtp_port=_closed_port())
    policy = WorkerPolicy(max_attempts=3)
    stats = run_once(session_factory(app), unreachable, policy)
    session.expire_all()
    row = session.get(OutboxMessage, message.id)
    assert stats.retried == 1 and row.status == OutboxStatus.PENDING and row.attempts == 1
    due = row.next_attempt_at.replace(tzinfo=UTC)  # SQLite returns naive UTC
    assert due > utcnow() + timedelta(seconds=20)  # backoff, not a busy loop
    assert "ConnectionRefusedError" in row.last_error and "@" not in row.last_error
    for _ in range(2):
        session.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
        session.commit()
        run_once(session_factory(app), unreachable, policy)
    session.expire_all()
    row = session.get(OutboxMessage, message.id)
    assert row.status == OutboxStatus.FAILED and row.attempts == 3
    assert policy.backoff(1) == timedelta(seconds=30) and policy.backoff(4) == timedelta(
        minutes=4) and policy.backoff(30) == policy.max_delay


def test_eml_files_are_named_by_message_id_and_written_once(app, session, settings):
    messages = _queue(session, 2)
    assert run_once(session_factory(app), settings).sent == 2
    for message in messages:
        content = eml_path(settings, message.message_id).read_bytes()
        assert message.message_id.encode() in content
    assert len(list(settings.outbox_dir.glob("*.eml"))) == 2
    assert not list(settings.outbox_dir.glob(".tmp-*"))
    assert run_once(session_factory(app), settings).sent == 0  # SENT stays sent


def test_background_worker_of_serve_sends_and_stops(app, session, settings):
    (message,) = _queue(session, 1)
    thread, stop = start_background(session_factory(app), settings, interval=0.1)
    try:
        deadline = time.monotonic() + 10
        while not eml_path(settings, message.message_id).exists():
            assert time.monotonic() < deadline, "background worker sent nothing"
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
    session.expire_all()
    assert session.scalars(select(OutboxMessage.status)).one() == OutboxStatus.SENT
