"""Queue e-mail in the caller's transaction; a worker sends it later (see ``delivery.worker``).

Queuing inside the same transaction as the event that causes the mail means a crash can
never leave an event without its mail or a mail without its event. ``dedupe_key`` is
unique: queuing the same notification twice is a no-op, so nobody is mailed twice.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import OutboxMessage

MESSAGE_ID_DOMAIN = "ozvise.invalid"


def enqueue(session: Session, *, kind: str, dedupe_key: str, recipient: str, subject: str,
            body: str, attachment_name: str | None = None,
            attachment: bytes | None = None) -> OutboxMessage:
    """Add one message unless one with ``dedupe_key`` exists; returns the queued message."""
    existing = session.scalars(select(OutboxMessage).where(
        OutboxMessage.dedupe_key == dedupe_key)).first()
    if existing is not None:
        return existing
    message = OutboxMessage(
        dedupe_key=dedupe_key, kind=kind, recipient=recipient, subject=subject, body=body,
        message_id=f"<{secrets.token_hex(16)}@{MESSAGE_ID_DOMAIN}>",
        attachment_name=attachment_name, attachment=attachment,
    )
    session.add(message)
    return message
