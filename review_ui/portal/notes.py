"""Internal notes on a report, sealed under the report's data key like the report itself.

Each note's ciphertext is bound to its own row (field ``note:<id>``), so notes cannot be
swapped between reports or between notes. Counsellors' notes use the same functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.envelope import seal, unseal
from models import Note, Report

MAX_NOTE_CHARS = 5000


@dataclass(frozen=True)
class OpenedNote:
    id: int
    created_at: datetime
    author_member_id: int | None
    author_counsellor_id: int | None
    body: str


def _field(note_id: int) -> str:
    return f"note:{note_id}"


def add_note(session: Session, report: Report, data_key: bytes, body: str, *,
             member_id: int | None = None, counsellor_id: int | None = None) -> Note:
    note = Note(report_id=report.id, author_member_id=member_id,
                author_counsellor_id=counsellor_id, body_ct=b"")
    session.add(note)
    session.flush()  # the id is bound into the ciphertext
    note.body_ct = seal(report.id, data_key, _field(note.id), body)
    return note


def open_notes(session: Session, report: Report, data_key: bytes) -> list[OpenedNote]:
    notes = session.scalars(select(Note).where(Note.report_id == report.id)
                            .order_by(Note.created_at, Note.id))
    return [OpenedNote(n.id, n.created_at, n.author_member_id, n.author_counsellor_id,
                       unseal(report.id, data_key, _field(n.id), n.body_ct)) for n in notes]
