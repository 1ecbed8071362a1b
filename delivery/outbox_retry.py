"""Put mail the worker gave up on back into the queue, once its cause is fixed.

The worker gives a message up after its last attempt (``OutboxStatus.FAILED``, audited as
``outbox.failed``) so that a dead relay or a wrong address does not retry for ever. When
the operator has fixed the cause (relay back, register address corrected), the same row is
queued again: same Message-ID and dedupe key, so it still goes out at most once per
recipient, with its attempts counted from zero. Only failed messages move: one that is
pending, being sent or sent is left alone, so a retry can never send anything twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import OutboxMessage, OutboxStatus, utcnow
from models.audit import record


def requeue_failed(session: Session, ids: Sequence[int] | None, *, actor: str) -> list[int]:
    """Queue the failed messages with these ids again (all failed ones for ``None``);
    returns the ids that were queued. The caller commits."""
    query = select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.FAILED)
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(list(ids)))
    queued = []
    for message in session.scalars(query.order_by(OutboxMessage.id)):
        message.status, message.attempts = OutboxStatus.PENDING, 0
        message.next_attempt_at = utcnow()
        queued.append(message.id)
        record(session, actor, "outbox.requeued", f"outbox:{message.id}", kind=message.kind)
    return queued
