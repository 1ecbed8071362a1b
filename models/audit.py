"""The append-only, hash-chained audit log (storage side of ``crypto.audit_chain``).

A unique constraint on ``prev_hash`` makes the chain linear even under concurrent
writers: two appends on the same head collide and the later one retries on the new head.
Each entry carries an HMAC under the audit key, which the session factory holds
(``make_session_factory(engine, audit_key)``) and the database never does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, String, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from crypto.audit_chain import (
    GENESIS,
    ChainBreak,
    checkpoint_problem,
    entry_hash,
    entry_mac,
    find_break,
    make_checkpoint,
)
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
    #: HMAC-SHA256 of ``hash`` under the audit key (None only before ``ozvise db upgrade``)
    mac: Mapped[str | None] = mapped_column(String(64), nullable=True)

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
        event.mac = entry_mac(_key(session), event.hash)
        try:
            with session.begin_nested():
                session.add(event)
            return event
        except IntegrityError:
            continue
    raise RuntimeError("audit log is too busy; try again")


class AuditKeyMissing(RuntimeError):
    """A session without the audit key cannot append signed entries."""


def _key(session: Session) -> bytes:
    key = session.info.get("audit_key")
    if not key:
        raise AuditKeyMissing("this session has no audit key (make_session_factory(..., key))")
    return key


def verify(session: Session) -> tuple[int, ChainBreak | None]:
    """Check the whole chain and every entry's MAC; returns the count and the first break."""
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    found = find_break(((row.id, row.prev_hash, row.hash, row.chained_fields()) for row in rows),
                       key=_key(session), macs={row.id: row.mac for row in rows})
    return len(rows), found


def checkpoint(session: Session) -> dict[str, Any]:
    """The signed head of the log now (count, head id and hash), to keep elsewhere."""
    head = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    count = session.scalar(select(func.count(AuditEvent.id))) or 0
    stamp = utcnow().replace(microsecond=0).isoformat()
    return make_checkpoint(_key(session), count, head.id if head else 0,
                           head.hash if head else GENESIS, stamp)


def against_checkpoint(session: Session, saved: dict[str, Any]) -> str | None:
    """Why the stored log does not extend the saved checkpoint (None: it does)."""
    rows = {entry_id: value for entry_id, value in
            session.execute(select(AuditEvent.id, AuditEvent.hash)).all()}
    try:
        head_id = int(saved.get("head_id", 0))
    except (TypeError, ValueError):
        head_id = 0
    upto = sum(1 for entry_id in rows if entry_id <= head_id)
    return checkpoint_problem(_key(session), saved, rows, upto)


def seal_unsigned(session: Session) -> int:
    """Give entries written before the audit key existed their MAC (``ozvise db upgrade``).

    Only a chain that verifies is sealed: signing a broken chain would launder it. Returns
    the number of entries sealed; the caller commits.
    """
    rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    unsigned = [row for row in rows if not row.mac]
    if not unsigned:
        return 0
    broken = find_break((row.id, row.prev_hash, row.hash, row.chained_fields()) for row in rows)
    if broken is not None:
        raise ValueError(f"auditní řetězec je porušen u záznamu id {broken.entry_id} "
                         f"({broken.reason}); starší záznamy nepodepíšu")
    key = _key(session)
    for row in unsigned:
        row.mac = entry_mac(key, row.hash)
    return len(unsigned)
