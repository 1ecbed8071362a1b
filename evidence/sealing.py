"""Attachments sealed and opened: each file under its report's data key (or, for a
follow-up, under its message's key), bound to the report, its number and its type.

The associated data names the report id, the attachment's number and its media type, so
a sealed file cannot be moved to another report, swapped with another attachment of the
same report, or relabelled (a PDF shown as an image) without failing to open.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from crypto.aead import FieldContext, open_field, seal_field
from evidence.sandbox import CleanFile
from models.attachments import Attachment


def _context(report_id: str, number: int, mime: str, message_id: int | None) -> FieldContext:
    scope = f"message:{message_id}:" if message_id is not None else ""
    return FieldContext(report_id, f"{scope}attachment:{number}:{mime}")


def seal_attachments(session: Session, report_id: str, key: bytes, files: Sequence[CleanFile],
                     message_id: int | None = None) -> list[Attachment]:
    """Store ``files`` sealed under ``key`` (the report's data key, or the follow-up
    message's key with ``message_id``), numbered after the report's earlier ones."""
    if not files:
        return []
    first = (session.scalar(select(func.max(Attachment.number))
                            .where(Attachment.report_id == report_id)) or 0) + 1
    stored = []
    for number, clean in enumerate(files, start=first):
        sealed = seal_field(key, clean.data, _context(report_id, number, clean.mime, message_id))
        attachment = Attachment(report_id=report_id, message_id=message_id, number=number,
                                mime=clean.mime, size=len(clean.data), width=clean.width,
                                height=clean.height, pages=clean.pages, content_ct=sealed)
        session.add(attachment)
        stored.append(attachment)
    return stored


def open_attachment(attachment: Attachment, key: bytes) -> bytes:
    """The sanitised file, for a holder of the key it was sealed under (DecryptionError else)."""
    return open_field(key, attachment.content_ct, _context(
        attachment.report_id, attachment.number, attachment.mime, attachment.message_id))


def attachments_of(session: Session, report_id: str, *,
                   with_messages: bool = False) -> list[Attachment]:
    """The report's attachments in order (metadata only; the sealed bytes load on access).
    Without ``with_messages`` only the files sent with the report itself."""
    query = select(Attachment).where(Attachment.report_id == report_id)
    if not with_messages:
        query = query.where(Attachment.message_id.is_(None))
    return list(session.scalars(query.order_by(Attachment.number)))


def message_attachments(session: Session, message_id: int) -> list[Attachment]:
    """The files sent with one follow-up message (metadata; sealed bytes load on access)."""
    return list(session.scalars(select(Attachment).where(Attachment.message_id == message_id)
                                .order_by(Attachment.number)))


def attachment(session: Session, report_id: str, number: int) -> Attachment | None:
    return session.scalars(select(Attachment).where(Attachment.report_id == report_id,
                                                    Attachment.number == number)).first()


def delete_attachments(session: Session, report_id: str) -> int:
    """Retention: every attachment of the report and of its follow-ups; returns how many."""
    return session.execute(delete(Attachment).where(Attachment.report_id == report_id)
                           .execution_options(synchronize_session=False)).rowcount
