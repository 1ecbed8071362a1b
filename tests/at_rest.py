"""What an attacker with a copy of the server's disk sees: for tests that scan it for secrets."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import select


def ascii_fold(text: str) -> str:
    """``Želmíra`` → ``Zelmira``: how a secret would look if stored without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def all_bytes_at_rest(settings, session) -> bytes:
    """Every file of the instance folder, plus (on PostgreSQL) a full dump of every table."""
    chunks = [p.read_bytes() for p in Path(settings.instance_dir).rglob("*") if p.is_file()]
    if settings.database_url.startswith("postgresql"):
        from models import Base

        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)).all():
                chunks.append(repr(tuple(row)).encode())
                chunks.extend(v if isinstance(v, bytes) else str(v).encode() for v in row)
    return b"\n".join(chunks)


def stored_values(session) -> Iterator[tuple[str, str, object]]:
    """``(table, column, value)`` for every cell of every table."""
    from models import Base

    for table in Base.metadata.sorted_tables:
        for row in session.execute(select(table)).mappings():
            for column, value in row.items():
                yield table.name, column, value


def stored_text(session, public: Callable[[str, str], bool]) -> tuple[bytes, bytes]:
    """Stored text values, split into (private, public) by ``public(table, column)``.

    Binary values are left out: they are ciphertexts, wrapped keys and digests, which the
    caller proves by opening them (a byte scan of random data matches short strings by
    chance).
    """
    private: list[bytes] = []
    shown: list[bytes] = []
    for table, column, value in stored_values(session):
        if value is None or isinstance(value, bytes):
            continue
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
        (shown if public(table, column) else private).append(str(text).encode("utf-8"))
    return b"\n".join(private), b"\n".join(shown)
