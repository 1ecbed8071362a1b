"""Internal notes on a report, sealed under the report's data key like the report itself.

A note's ciphertext is bound (AEAD associated data, ``crypto.aead.FieldContext``) to its
report, its own row id and its author: the author's kind (school member or counsellor)
and id. So nobody with write access to the database can move a note to another report,
swap it with another note, or relabel a member's internal note as a counsellor's advice
(which the counsellor would then be shown) or a counsellor's advice as a member's note:
any such change makes the note fail to open. A note that fails to open is listed as
unverifiable instead of breaking the whole report page. Counsellors' advice uses the same
functions; a counsellor's view opens only counsellors' notes (``counsellors_only``), so the
school's internal notes are never decrypted for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.envelope import seal, unseal
from crypto.errors import DecryptionError
from models import Counsellor, Note, Report

MAX_NOTE_CHARS = 5000

AUTHOR_MEMBER = "member"
AUTHOR_COUNSELLOR = "counsellor"


@dataclass(frozen=True)
class OpenedNote:
    id: int
    created_at: datetime
    author_member_id: int | None
    author_counsellor_id: int | None
    #: ``None`` if the ciphertext does not verify for this row (changed in the database)
    body: str | None

    @property
    def verified(self) -> bool:
        return self.body is not None


def _author(member_id: int | None, counsellor_id: int | None) -> tuple[str, int]:
    """The one author of a note as (kind, id); a note has exactly one."""
    if (member_id is None) == (counsellor_id is None):
        raise ValueError("a note has exactly one author: a school member or a counsellor")
    if member_id is not None:
        return AUTHOR_MEMBER, member_id
    return AUTHOR_COUNSELLOR, counsellor_id  # type: ignore[return-value]


def note_field(note_id: int, member_id: int | None, counsellor_id: int | None) -> str:
    """Associated-data field of a note: its row and its author (the report id is added by
    ``FieldContext``)."""
    kind, author_id = _author(member_id, counsellor_id)
    return f"note/v2:{note_id}:{kind}:{author_id}"


def add_note(session: Session, report: Report, data_key: bytes, body: str, *,
             member_id: int | None = None, counsellor_id: int | None = None) -> Note:
    _author(member_id, counsellor_id)  # refuse a note without exactly one author early
    note = Note(report_id=report.id, author_member_id=member_id,
                author_counsellor_id=counsellor_id, body_ct=b"")
    session.add(note)
    session.flush()  # the id is bound into the ciphertext
    note.body_ct = seal(report.id, data_key, note_field(note.id, member_id, counsellor_id), body)
    return note


def open_note(report: Report, data_key: bytes, note: Note) -> str:
    """The note's text, or DecryptionError if the row's report, id or author was changed."""
    if note.report_id != report.id:
        raise DecryptionError("the note belongs to another report")
    try:
        field = note_field(note.id, note.author_member_id, note.author_counsellor_id)
    except ValueError as exc:
        raise DecryptionError("the note has no single author") from exc
    return unseal(report.id, data_key, field, note.body_ct)


def open_notes(session: Session, report: Report, data_key: bytes, *,
               counsellors_only: bool = False) -> list[OpenedNote]:
    """The report's notes, oldest first; ``counsellors_only`` leaves the school's own notes
    sealed (a counsellor sees advice only)."""
    query = select(Note).where(Note.report_id == report.id)
    if counsellors_only:
        query = query.where(Note.author_counsellor_id.is_not(None),
                            Note.author_member_id.is_(None))
    opened = []
    for note in session.scalars(query.order_by(Note.created_at, Note.id)):
        try:
            body: str | None = open_note(report, data_key, note)
        except DecryptionError:
            body = None
        opened.append(OpenedNote(note.id, note.created_at, note.author_member_id,
                                 note.author_counsellor_id, body))
    return opened


def counsellor_names(session: Session, notes: list[OpenedNote]) -> dict[int, str]:
    """Names of the counsellors who wrote any of ``notes``, so their advice is signed."""
    ids = {n.author_counsellor_id for n in notes if n.author_counsellor_id is not None}
    if not ids:
        return {}
    return dict(session.execute(select(Counsellor.id, Counsellor.name)
                                .where(Counsellor.id.in_(ids))).all())
