"""What an attacker with a copy of the server's disk sees: for tests that scan it for secrets."""

from __future__ import annotations

import unicodedata
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
