"""Scheduled housekeeping: what must happen even if nobody runs cron.

Jobs (each under its own ``ozvise.job_lock`` lock, so any number of server processes run
each job once per interval and never two at once):

- ``retention``: anonymise reports past their period (daily);
- ``logins``: delete login records and throttle rows older than 7 days (hourly);
- ``outbox``: send queued mail (every few seconds).

``ozvise serve`` runs them in one background thread; ``ozvise housekeeping run`` runs the
due ones once (for cron, or for a deployment that serves with ``--no-housekeeping``).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from ozvise.config import Settings
from ozvise.job_lock import release, try_acquire

log = logging.getLogger("ozvise.housekeeping")
TICK_SECONDS = 5.0


@dataclass(frozen=True)
class Job:
    name: str
    interval: timedelta
    #: longest a run may hold the lock (a dead process's lock frees itself after this)
    lease: timedelta
    run: Callable[[sessionmaker, Settings], str]


def _retention(factory: sessionmaker, _settings: Settings) -> str:
    from ozvise.retention import run

    with factory() as session:
        summary = run(session)
    return (f"anonymizováno hlášení: {summary.anonymised}, smazáno záznamů o přihlášení: "
            f"{summary.login_records}")


def _logins(factory: sessionmaker, _settings: Settings) -> str:
    from review_ui.auth import purge_login_attempts

    with factory() as session:
        removed = purge_login_attempts(session)
        session.commit()
    return f"smazáno záznamů o přihlášení: {removed}"


def _outbox(factory: sessionmaker, settings: Settings) -> str:
    from delivery.worker import run_once

    stats = run_once(factory, settings)
    return f"odesláno {stats.sent}, k opakování {stats.retried}, vzdáno {stats.failed}"


JOBS: tuple[Job, ...] = (
    Job("retention", timedelta(days=1), timedelta(hours=2), _retention),
    Job("logins", timedelta(hours=1), timedelta(minutes=10), _logins),
    Job("outbox", timedelta(seconds=5), timedelta(minutes=10), _outbox),
)
JOB_NAMES = tuple(job.name for job in JOBS)


def holder_name() -> str:
    """Who holds a lock: host and process (for an operator reading the table)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}"


def run_due(factory: sessionmaker, settings: Settings, *, only: tuple[str, ...] = JOB_NAMES,
            force: bool = False, holder: str | None = None) -> list[tuple[str, str]]:
    """Run every job in ``only`` that is due and not running elsewhere; ``force`` ignores
    the interval (never the lock). Returns (job, outcome) for each job run or skipped."""
    holder = holder or holder_name()
    outcomes: list[tuple[str, str]] = []
    for job in JOBS:
        if job.name not in only:
            continue
        with factory() as session:
            taken = _acquire(session, job, holder, force)
        if not taken:
            outcomes.append((job.name, "přeskočeno (neběží čas nebo běží jinde)"))
            continue
        finished = False
        try:
            outcome = job.run(factory, settings)
            finished = True
        except Exception as exc:  # a failed job is retried at the next tick, never fatal
            log.error("housekeeping job %s failed: %s", job.name, type(exc).__name__)
            outcome = f"selhalo ({type(exc).__name__})"
        finally:
            with factory() as session:
                release(session, job.name, holder, finished)
        outcomes.append((job.name, outcome))
    return outcomes


def _acquire(session: Session, job: Job, holder: str, force: bool) -> bool:
    interval = timedelta(0) if force else job.interval
    return try_acquire(session, job.name, holder, job.lease, interval)


def start_background(factory: sessionmaker, settings: Settings, *,
                     only: tuple[str, ...] = JOB_NAMES,
                     tick: float = TICK_SECONDS) -> tuple[threading.Thread, threading.Event]:
    """The scheduler of ``ozvise serve`` in a daemon thread; set the event to stop it."""
    stop = threading.Event()
    holder = holder_name()

    def loop() -> None:
        while not stop.is_set():
            try:
                run_due(factory, settings, only=only, holder=holder)
            except Exception as exc:  # the database may be briefly away: next tick
                log.error("housekeeping round failed: %s", type(exc).__name__)
            stop.wait(tick)

    thread = threading.Thread(target=loop, name="ozvise-housekeeping", daemon=True)
    thread.start()
    return thread, stop
