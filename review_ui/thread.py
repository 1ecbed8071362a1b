"""The anonymous conversation between a school and a reporter, independent of HTTP.

Rules (DESIGN.md, role table; issue 6, item 5):
- a conversation is open while the school can see the report (delivered, in progress,
  resolved) and both keys exist: the school's active key and the report's reporter key;
- every message is sealed by ``crypto.messages`` for the school and the reporter only;
- a reporter's message is pseudonymised by the detector and kept for moderators, sealed
  to the moderation key (``crypto.moderation_copy``), when ``moderate_followups`` is on;
  the school sees a reporter's
  message only once a moderator passed it (``moderated_at`` set, ``withheld_at`` not);
  the sealed copy is deleted with the decision, as nobody needs it afterwards. With
  moderation off, ``moderated_at`` is set at writing time and no redacted copy is stored
  (nobody would read it). The setting thus decides per message, when it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from crypto.errors import DecryptionError
from crypto.messages import REPORTER, SCHOOL, open_message, seal_message
from crypto.moderation_copy import NoModerationKey, discard_message_copy, seal_message_copy
from crypto.receipts import normalise_receipt, reporter_keypair
from delivery.followup_notice import notify_followup
from delivery.handover import reaches_portal
from delivery.portal_notice import notify_urgent_later
from evidence.sandbox import CleanFile
from evidence.sealing import seal_attachments
from intake.followup_seeds import open_followup_seeds
from intake.urgency import flag_if_urgent
from models import Message, MessageAuthor, Report, ReportStatus, School, utcnow
from models.audit import record
from models.trust import trusted_key
from ner.redaction import Seeds
from ner.redaction import redact as redact_with_seeds
from ozvise.config import Settings
from review_ui.school_session import VISIBLE_TO_SCHOOL

MAX_MESSAGE_CHARS = 4000
#: School and reporter can write to each other while the school can see the report.
OPEN_STATUSES = VISIBLE_TO_SCHOOL
#: Before a moderator has looked at the report, the reporter may already add to it (the
#: school reads those follow-ups, once passed by moderation, when the report reaches it).
EARLY_STATUSES = (ReportStatus.PENDING_MODERATION, ReportStatus.SECOND_LOOK)


class InvalidMessage(ValueError):
    """The text cannot be sent; ``message`` is shown to the user (Czech)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConversationClosed(InvalidMessage):
    """Nobody can write in this report's conversation (yet, or any more)."""


@dataclass(frozen=True)
class ThreadMessage:
    """One message decrypted for display; ``text`` is None if it cannot be opened."""

    id: int
    author: str
    text: str | None
    created_at: datetime
    awaiting_moderation: bool
    withheld: bool = False
    #: the other side's message, opened now for the first time (shown as new once)
    new: bool = False


def clean_text(raw: object) -> str:
    text = raw.strip() if isinstance(raw, str) else ""
    if not text:
        raise InvalidMessage(gettext("Zpráva je prázdná. Napiš prosím, co chceš sdělit."))
    if len(text) > MAX_MESSAGE_CHARS:
        raise InvalidMessage(gettext("Zpráva je příliš dlouhá (nejvýše %(limit)s znaků).",
                                     limit=MAX_MESSAGE_CHARS))
    return text.replace("\r\n", "\n")


def closed_reason(session: Session, report: Report) -> str | None:
    """Why nobody can write now, in Czech for the reporter, or None if the thread is open."""
    if report.status not in OPEN_STATUSES + EARLY_STATUSES:
        return gettext("Psát si se školou půjde, až škola hlášení převezme ve svém portálu.")
    school = session.get(School, report.school_id)
    if report.status in EARLY_STATUSES and not reaches_portal(school):
        return gettext("Doplnit hlášení tady nejde: škola ho dostane jako PDF, kam už se další "
                       "zprávy nepřidají. Když chceš něco doplnit, pošli nové hlášení.")
    if report.reporter_public_key is None or trusted_key(school) is None:
        return gettext("U tohoto hlášení si se školou psát nelze.")
    return None


def reporter_key(report: Report, receipt_text: str) -> bytes | None:
    """The reporter's private key, re-derived from the presented receipt, if it fits."""
    receipt = normalise_receipt(receipt_text or "")
    if receipt is None or report.reporter_public_key is None:
        return None
    pair = reporter_keypair(receipt)
    return pair.private if pair.public == report.reporter_public_key else None


def add_message(session: Session, settings: Settings, report: Report, author: MessageAuthor,
                raw_text: object, reporter_private: bytes | None = None,
                attachments: Sequence[CleanFile] = ()) -> Message:
    """Seal and store one message (the caller commits and audits). ``reporter_private``:
    the receipt-derived key of a writing reporter, which opens the report's seed list so
    the follow-up is redacted with the report's names (``intake.followup_seeds``).
    ``attachments``: sanitised files, sealed under the message's own key."""
    text = clean_text(raw_text)
    reason = closed_reason(session, report)
    if reason is not None:
        raise ConversationClosed(reason)
    school_key = trusted_key(session.get(School, report.school_id))
    message = Message(report_id=report.id, author=author, body_ct=b"", key_suite="",
                      key_for_school=b"", key_for_reporter=b"", school_key_id=school_key.id)
    session.add(message)
    session.flush()  # the id is bound into the ciphertext
    key = seal_message(message, text, school_key.public_key, report.reporter_public_key)
    seal_attachments(session, report.id, key, attachments, message_id=message.id)
    del key
    if author == MessageAuthor.REPORTER:
        if flag_if_urgent(report, text):  # a follow-up can make the report urgent
            notify_urgent_later(session, settings, report)
        if settings.moderate_followups:
            seal_followup_copy(session, message,
                               redact(text, open_followup_seeds(report, reporter_private)))
        else:
            message.moderated_at = utcnow()
            notify_followup(session, settings, report)
    else:  # the school's own reply needs no moderation: it is passed as it is written
        message.moderated_at = utcnow()
    return message


def seal_followup_copy(session: Session, message: Message, redacted: str) -> None:
    """The moderators' sealed copy of a follow-up; without a moderation key nobody could
    moderate it, so the message is refused (nothing is stored) rather than kept unread."""
    try:
        seal_message_copy(session, message, redacted)
    except NoModerationKey as exc:
        raise InvalidMessage("Zprávu teď nelze přijmout, zkuste to prosím později.") from exc


def redact(text: str, seeds: Seeds | None = None) -> str:
    """The pseudonymised version (``ner.redaction``, with the report's seeds), the only form
    a moderator ever sees."""
    return redact_with_seeds(text, seeds).text


def awaits_moderation(message: Message) -> bool:
    """A reporter's follow-up no moderator has decided on yet (never a school's reply,
    not even one written before school replies were stamped as passed)."""
    return message.author == MessageAuthor.REPORTER and message.moderated_at is None


def visible_to_school(message: Message) -> bool:
    return message.author == MessageAuthor.SCHOOL or (
        message.moderated_at is not None and message.withheld_at is None)


def messages_of(session: Session, report: Report) -> list[Message]:
    return list(session.scalars(select(Message).where(Message.report_id == report.id)
                                .order_by(Message.created_at, Message.id)))


def open_thread(session: Session, report: Report, reader: str, private_key: bytes,
                school_key_id: int | None = None) -> list[ThreadMessage]:
    """Decrypt what ``reader`` may see and mark the other side's messages as read.

    ``school_key_id``: the key the school reader holds; messages wrapped to another school
    key (before a key rotation) are listed without text instead of failing the page.
    """
    thread = []
    for message in messages_of(session, report):
        if reader == SCHOOL and not visible_to_school(message):
            continue
        text = None
        if reader == REPORTER or message.school_key_id in (None, school_key_id):
            try:
                text = open_message(message, reader, private_key)
            except DecryptionError:
                text = None
        new = text is not None and message.author.value != reader and message.read_at is None
        if new:
            message.read_at = utcnow()
        thread.append(ThreadMessage(id=message.id, author=message.author.value, text=text,
                                    created_at=message.created_at,
                                    awaiting_moderation=awaits_moderation(message),
                                    withheld=message.withheld_at is not None, new=new))
    return thread


def read_thread(session: Session, report: Report, reader: str, private_key: bytes, actor: str,
                school_key_id: int | None = None) -> list[ThreadMessage]:
    """``open_thread``, audited (``messages.decrypted`` by ``actor``, with the number of
    messages opened, never their text); the caller commits."""
    thread = open_thread(session, report, reader, private_key, school_key_id)
    record(session, actor, "messages.decrypted", f"report:{report.id}",
           count=sum(1 for m in thread if m.text is not None))
    return thread


def awaiting_moderation(session: Session) -> list[Message]:
    """Reporters' follow-ups a moderator has not passed yet, oldest first."""
    return list(session.scalars(select(Message).where(
        Message.author == MessageAuthor.REPORTER, Message.moderated_at.is_(None))
        .order_by(Message.created_at, Message.id)))


def decide_followup(session: Session, message_id: int, passed: bool) -> bool:
    """Pass a follow-up to the school or withhold it; False if someone decided already.

    One conditional UPDATE, so two moderators deciding at once cannot both win; the
    sealed pseudonymised copy is deleted with the decision.
    """
    now = utcnow()
    result = session.execute(
        update(Message).where(Message.id == message_id, Message.author == MessageAuthor.REPORTER,
                              Message.moderated_at.is_(None))
        .values(moderated_at=now, withheld_at=None if passed else now)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return False
    discard_message_copy(session, message_id)
    return True
