"""Evidence files (screenshots, photos, PDFs) attached to a report or a follow-up.

Only the sanitised file is stored, and only sealed (``content_ct``): under the report's
data key for files sent with the report, under the message's own key for files sent
with a follow-up (``evidence.sealing``). In clear are what the moderator may see: the
media type of the sanitised file, its size and its pixel or page count. The pupil's file
name is never stored; downloads are named ``priloha-N.ext``.

Why the database and not files in the instance folder: an attachment is written in the
same transaction as its report (a crash leaves neither, never a report without its files
or files without a report), it is backed up, replicated and deleted with the report by the
same means (retention deletes rows; SQLite runs with ``secure_delete``), and several
server processes see it without a shared file system. The cost is database size: at most
5 × 10 MB per report or message, which PostgreSQL stores out of line (TOAST) and SQLite
in overflow pages.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from models.base import Base, utcnow


class Attachment(Base):
    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("report_id", "number", name="attachment_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    #: the follow-up message it came with; None for files sent with the report
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    #: 1, 2, … within the report (its files and its follow-ups' files), bound into the seal
    number: Mapped[int] = mapped_column(Integer)
    #: media type of the sanitised file: image/png, image/jpeg or application/pdf
    mime: Mapped[str] = mapped_column(String(40))
    #: bytes of the sanitised file
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    #: the sanitised file sealed (AES-256-GCM); loaded only when a reader opens it
    content_ct: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
