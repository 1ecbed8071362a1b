"""Declarative base, shared column types and the engine/session factory."""

from __future__ import annotations

import enum
import os
import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Enum, MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, sessionmaker

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: DateTime(timezone=True)}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """Random, non-enumerable identifiers for anything a URL can name."""
    return uuid.uuid4().hex


def str_enum(enum_cls: type[enum.Enum]) -> Enum:
    """Store enums as their values in a VARCHAR with a CHECK, portable to SQLite and PostgreSQL."""
    return Enum(enum_cls, native_enum=False, values_callable=lambda e: [m.value for m in e],
                validate_strings=True, length=32)


def make_engine(url: str, **kwargs: object) -> Engine:
    """An engine with the per-dialect settings the app relies on (SQLite: FKs, WAL, busy wait)."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"timeout": 30, "check_same_thread": False})
    engine = create_engine(url, **kwargs)  # type: ignore[arg-type]
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            _owner_only(engine.url.database)  # before WAL: -wal/-shm inherit this mode
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA secure_delete=ON")  # overwritten rows leave no plaintext behind
            cur.close()
    return engine


def _owner_only(database: str | None) -> None:
    """SQLite files 0600 whatever the umask (they hold every report's ciphertexts)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    for suffix in ("", "-wal", "-shm"):
        try:
            os.chmod(database + suffix, 0o600)
        except FileNotFoundError:
            pass


def make_session_factory(engine: Engine, audit_key: bytes | None = None) -> sessionmaker:
    """Sessions of ``engine``; ``audit_key`` (kept outside the database) lets
    ``models.audit.record`` authenticate the entries it appends."""
    return sessionmaker(bind=engine, expire_on_commit=False, info={"audit_key": audit_key})
