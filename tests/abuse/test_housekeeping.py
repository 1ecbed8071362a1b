"""Scheduled housekeeping: one process per job at a time, once per interval, on both
engines; the same jobs from the command line for cron."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from click.testing import CliRunner
from sqlalchemy import func, select, update

from models import JobLock, LoginAttempt, utcnow
from ozvise import housekeeping
from ozvise.cli import main
from ozvise.db import session_factory
from ozvise.job_lock import release, try_acquire

LEASE = timedelta(minutes=5)


def test_only_one_of_many_racing_processes_takes_a_job(app):
    factory = session_factory(app)
    barrier = threading.Barrier(8)

    def take(n: int) -> bool:
        with factory() as own:
            barrier.wait()
            return try_acquire(own, "retention", f"host:{n}", LEASE, timedelta(days=1))

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(take, range(8))).count(True) == 1


def test_a_job_runs_once_per_interval_and_a_dead_holder_frees_it(session):
    start = utcnow()
    assert try_acquire(session, "logins", "a", LEASE, timedelta(hours=1), now=start)
    assert not try_acquire(session, "logins", "b", LEASE, timedelta(hours=1), now=start)
    release(session, "logins", "a", finished=True, now=start)
    later = start + timedelta(minutes=30)
    assert not try_acquire(session, "logins", "b", LEASE, timedelta(hours=1), now=later)
    due = start + timedelta(hours=1, seconds=1)
    assert try_acquire(session, "logins", "b", LEASE, timedelta(hours=1), now=due)
    # "b" dies holding the lock: after the lease another process may take over
    assert not try_acquire(session, "logins", "c", LEASE, timedelta(0), now=due)
    assert try_acquire(session, "logins", "c", LEASE, timedelta(0), now=due + LEASE * 2)


def test_two_schedulers_never_run_a_job_twice_at_once(app, settings, monkeypatch):
    """Two "processes" (own holders and connections) tick together; the slow outbox job
    never overlaps itself and the daily job runs once."""
    running = {"retention": 0, "outbox": 0}
    peaks = {"retention": 0, "outbox": 0}
    lock = threading.Lock()

    def slow_job(name: str):  # noqa: ANN202
        def run(_factory, _settings):  # noqa: ANN001, ANN202
            with lock:
                running[name] += 1
                peaks[name] = max(peaks[name], running[name])
            time.sleep(0.3)
            with lock:
                running[name] -= 1
            return "ok"
        return run

    jobs = (housekeeping.Job("retention", timedelta(days=1), LEASE, slow_job("retention")),
            housekeeping.Job("outbox", timedelta(0), LEASE, slow_job("outbox")))
    monkeypatch.setattr(housekeeping, "JOBS", jobs)
    factory = session_factory(app)
    barrier = threading.Barrier(2)

    def process(n: int) -> list[tuple[str, str]]:
        outcomes = []
        barrier.wait()
        for _ in range(3):
            outcomes += housekeeping.run_due(factory, settings, only=("retention", "outbox"),
                                             holder=f"process-{n}")
        return outcomes

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = [o for result in pool.map(process, range(2)) for o in result]
    assert peaks == {"retention": 1, "outbox": 1}  # a job never runs twice at once
    assert [name for name, outcome in outcomes if outcome == "ok"].count("retention") == 1
    assert any(name == "outbox" and outcome == "ok" for name, outcome in outcomes)


def test_scheduler_thread_purges_old_login_records(app, settings, session):
    session.add(LoginAttempt(account_type="member", account_id=1, success=False,
                             created_at=utcnow() - timedelta(days=8)))
    session.commit()
    thread, stop = housekeeping.start_background(session_factory(app), settings,
                                                 only=("logins",), tick=0.2)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            session.expire_all()
            if session.scalar(select(func.count(LoginAttempt.id))) == 0:
                break
            time.sleep(0.2)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert session.scalar(select(func.count(LoginAttempt.id))) == 0
    assert session.get(JobLock, "logins").last_finished_at is not None


def test_cron_command_runs_due_jobs_and_skips_the_rest(session, settings):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir)}
    first = CliRunner().invoke(main, ["housekeeping", "run"], env=env)
    assert first.exit_code == 0, first.output
    assert "retention: anonymizováno hlášení: 0" in first.output
    assert "logins: smazáno záznamů o přihlášení: 0" in first.output
    assert "outbox: odesláno 0" in first.output
    again = CliRunner().invoke(main, ["housekeeping", "run", "--job", "retention"], env=env)
    assert "retention: přeskočeno" in again.output
    forced = CliRunner().invoke(main, ["housekeeping", "run", "--job", "retention", "--force"],
                                env=env)
    assert "retention: anonymizováno" in forced.output
    session.execute(update(JobLock).values(locked_until=utcnow() + LEASE, holder="elsewhere"))
    session.commit()
    busy = CliRunner().invoke(main, ["housekeeping", "run", "--force"], env=env)
    assert busy.output.count("přeskočeno") == 3  # held by another process: never twice
