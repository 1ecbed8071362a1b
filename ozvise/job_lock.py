"""A database lock per scheduled job, so that among any number of server processes (on
one host or many, SQLite or PostgreSQL) only one runs a job at a time, and a job with an
interval runs once per interval, not once per process.

Taking the lock is one atomic statement: INSERT … ON CONFLICT DO NOTHING for a job never
run, else a conditional UPDATE that succeeds only if nobody holds an unexpired lease and
the job is due. The lease expires by itself, so a process killed mid-job blocks the job
only until then.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models import JobLock, utcnow


def try_acquire(session: Session, name: str, holder: str, lease: timedelta,
                interval: timedelta = timedelta(0), now: datetime | None = None) -> bool:
    """Take the lock of job ``name`` if free and due (last finished ≥ ``interval`` ago);
    commits. True if this caller now holds it."""
    moment = now or utcnow()
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    inserted = session.execute(dialect.insert(JobLock).values(
        name=name, holder=holder, locked_until=moment + lease).on_conflict_do_nothing()
        .returning(JobLock.name)).first()
    if inserted is not None:
        session.commit()
        return True
    taken = session.execute(
        update(JobLock)
        .where(JobLock.name == name,
               or_(JobLock.locked_until.is_(None), JobLock.locked_until < moment),
               or_(JobLock.last_finished_at.is_(None),
                   and_(JobLock.last_finished_at <= moment - interval)))
        .values(holder=holder, locked_until=moment + lease)
        .execution_options(synchronize_session=False))
    session.commit()
    return (taken.rowcount or 0) == 1


def release(session: Session, name: str, holder: str, finished: bool,
            now: datetime | None = None) -> None:
    """Give the lock back; ``finished`` records the run (the next is due an interval later).
    Commits."""
    values: dict[str, object] = {"locked_until": None}
    if finished:
        values["last_finished_at"] = now or utcnow()
    session.execute(update(JobLock).where(JobLock.name == name, JobLock.holder == holder)
                    .values(**values).execution_options(synchronize_session=False))
    session.commit()
