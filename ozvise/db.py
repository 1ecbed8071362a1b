"""One SQLAlchemy session per request, owned by the app (no Flask-SQLAlchemy needed)."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from models import make_engine, make_session_factory

EXTENSION = "ozvise.db"


def init_db(app: Flask, database_url: str, audit_key: bytes | None = None) -> None:
    engine = make_engine(database_url, pool_pre_ping=True)
    app.extensions[EXTENSION] = make_session_factory(engine, audit_key)

    @app.teardown_appcontext
    def _close_session(exc: BaseException | None) -> None:
        session: Session | None = g.pop("db_session", None)
        if session is not None:
            if exc is not None:
                session.rollback()
            session.close()


def session_factory(app: Flask | None = None) -> sessionmaker:
    return (app or current_app).extensions[EXTENSION]


def db() -> Session:
    """The request's session; commit explicitly, rollback happens on errors at teardown."""
    if "db_session" not in g:
        g.db_session = session_factory()()
    return g.db_session
