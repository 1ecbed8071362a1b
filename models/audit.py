"""The append-only, hash-chained audit log (storage side of ``crypto.audit_chain``).

A unique constraint on ``prev_hash`` makes the chain linear even under concurrent
writers: two appends on the same head collide and the later one retries on the new head.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from crypto.audit_chain import GENESIS, ChainBreak, entry_hash, find_break
from models.base import Base, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: "member:12", "moderator:3", "counsellor:1", "reporter", "operator", "system"
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(80), default="")
    #: identifiers and counts only, never report text or personal data
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))

    def chained_fields(self) -> dict[str, Any]:
        created = self.created_at
        if created is not None and created.tzinfo is not None:
            created = created.astimezone(UTC)
        stamp = created.replace(tzinfo=None).isoformat() if created else ""
        return {"created_at": stamp, "actor": self.actor, "action": self.action,
                "target": self.target, "details": self.details or {}}


def record(session: Session, actor: str, action: str, target: str = "",
           **details: Any) -> AuditEvent:
    """Append one event inside the caller's transaction (a savepoint absorbs head races)."""
    for _attempt in range(20):
        head = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
        event = AuditEvent(created_at=utcnow(), actor=actor, action=action, target=target,
                           details=details, prev_hash=head.hash if head else GENESIS, hash="")
        event.hash = entry_hash(event.prev_hash, event.chained_fields())
        try:
            with session.begin_nested():
                session.add(event)
            return event
        except IntegrityError:
            continue
    raise RuntimeError("audit log is too busy; try again")


def verify(session: Session) -> tuple[int, ChainBreak | None]:
    """Check the whole chain; returns the number of entries and the first break, if any."""
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    found = find_break((row.id, row.prev_hash, row.hash, row.chained_fields()) for row in rows)
    return len(rows), found
