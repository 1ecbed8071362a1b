"""The moderators' copy of a report or follow-up, sealed, and the school's redacted version.

Why: the detector misses some names (zero-width characters, made-up nicknames), so the
pseudonymised text a moderator reads is personal data too. It is therefore stored only
sealed: under a fresh random key per copy (AES-256-GCM bound to the report id and the
copy's subject), that key HPKE-wrapped to the platform moderation key
(``crypto.moderation_keys``). A random key of its own, never the report's data key, so
whoever holds the moderation key opens moderators' copies and nothing else; and a key
per copy, so a rotation re-wraps a few bytes per copy instead of re-encrypting texts.

After a *not spam* decision the copy is deleted; the version the moderator passed on is
sealed to the report's marking key (``crypto.envelope.mark_keypair``), which every reader
of the report (school, counsellor, onboarding key) opens with the data key and nobody
else can, so the school's "redacted version" is derived only from what it can decrypt.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from crypto.aead import FieldContext, new_data_key, open_field, seal_field
from crypto.envelope import mark_keypair
from crypto.errors import CryptoError
from crypto.hpke import WrappedKey, unwrap_key, wrap_key
from crypto.moderation_keys import active_moderation_key, check_belongs
from models import Message, ModerationCopy, ModerationKey, Report

REPORT_SUBJECT = "report"


class NoModerationKey(CryptoError):
    """No moderation key exists yet (``ozvise moderators init-key``): nothing can be sealed."""


class CopyChanged(CryptoError):
    """Another moderator re-sealed the copy first (optimistic concurrency)."""


def message_subject(message_id: int) -> str:
    return f"message:{message_id}"


def _context(report_id: str, subject: str) -> FieldContext:
    return FieldContext(report_id, f"moderation-copy:{subject}")


def copy_key_info(report_id: str, subject: str) -> bytes:
    return b"ozvise/moderation-copy/v1\x00" + report_id.encode() + b"\x00" + subject.encode()


def _sealed(key: ModerationKey, report_id: str, subject: str, text: str) -> dict[str, object]:
    """Column values of a fresh seal of ``text`` (new random key, new nonce)."""
    copy_key = new_data_key()
    wrapped = wrap_key(key.public_key, copy_key, info=copy_key_info(report_id, subject))
    return {"moderation_key_id": key.id, "suite_id": wrapped.suite_id,
            "wrapped_key": wrapped.blob,
            "body_ct": seal_field(copy_key, text, _context(report_id, subject))}


def _require_key(session: Session) -> ModerationKey:
    key = active_moderation_key(session)
    if key is None:
        raise NoModerationKey("no moderation key: run `ozvise moderators init-key`")
    return key


def seal_report_copy(session: Session, report: Report, text: str) -> ModerationCopy:
    """Store the moderators' copy of a new report (intake; the caller commits)."""
    key = _require_key(session)
    copy = ModerationCopy(report=report, report_id=report.id, subject=REPORT_SUBJECT, version=1,
                          **_sealed(key, report.id, REPORT_SUBJECT, text))
    session.add(copy)
    return copy


def seal_message_copy(session: Session, message: Message, text: str) -> ModerationCopy:
    """Store the moderators' copy of a reporter's follow-up (flushed, so it has an id)."""
    key = _require_key(session)
    subject = message_subject(message.id)
    copy = ModerationCopy(report_id=message.report_id, message_id=message.id, subject=subject,
                          version=1, **_sealed(key, message.report_id, subject, text))
    session.add(copy)
    return copy


def open_copy(copy: ModerationCopy, private_key: bytes) -> str:
    """The pseudonymised text, for a holder of the moderation key (DecryptionError else)."""
    copy_key = unwrap_key(private_key, WrappedKey(copy.suite_id, copy.wrapped_key),
                          info=copy_key_info(copy.report_id, copy.subject))
    return open_field(copy_key, copy.body_ct, _context(copy.report_id, copy.subject)).decode()


def report_copy(session: Session, report_id: str) -> ModerationCopy | None:
    return session.scalars(select(ModerationCopy).where(
        ModerationCopy.report_id == report_id,
        ModerationCopy.subject == REPORT_SUBJECT)).first()


def message_copies(session: Session, message_ids: list[int]) -> dict[int, ModerationCopy]:
    if not message_ids:
        return {}
    return {c.message_id: c for c in session.scalars(select(ModerationCopy).where(
        ModerationCopy.message_id.in_(message_ids)))}


def reseal(session: Session, copy: ModerationCopy, text: str) -> None:
    """Replace the copy's text (a marked phrase): new key, new nonce, same row.

    Conditional on the version read, so a concurrent re-seal makes this one fail
    (``CopyChanged``) instead of silently dropping the other moderator's marking. The old
    ciphertext is overwritten in place (SQLite ``secure_delete``; PostgreSQL vacuums).
    """
    key = _require_key(session)
    values = _sealed(key, copy.report_id, copy.subject, text)
    changed = session.execute(
        update(ModerationCopy).where(ModerationCopy.id == copy.id,
                                     ModerationCopy.version == copy.version)
        .values(version=copy.version + 1, **values)
        .execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        raise CopyChanged("the copy was re-sealed meanwhile")
    session.expire(copy)


def discard_report_copy(session: Session, report_id: str) -> int:
    """Delete the moderators' copy of a report: the decision is taken, nobody needs it."""
    return session.execute(delete(ModerationCopy).where(
        ModerationCopy.report_id == report_id, ModerationCopy.subject == REPORT_SUBJECT)
        .execution_options(synchronize_session=False)).rowcount or 0


def discard_all_copies(session: Session, report_id: str) -> int:
    """Delete every moderators' copy of a report and its follow-ups (retention)."""
    return session.execute(delete(ModerationCopy).where(ModerationCopy.report_id == report_id)
                           .execution_options(synchronize_session=False)).rowcount or 0


def discard_message_copy(session: Session, message_id: int) -> int:
    return session.execute(delete(ModerationCopy).where(ModerationCopy.message_id == message_id)
                           .execution_options(synchronize_session=False)).rowcount or 0


def rewrap_all(session: Session, old: ModerationKey, old_private: bytes,
               new: ModerationKey) -> int:
    """Re-wrap every copy sealed to ``old`` to ``new`` (rotation); bodies stay as they are."""
    check_belongs(old, old_private)
    count = 0
    for copy in session.scalars(select(ModerationCopy).where(
            ModerationCopy.moderation_key_id == old.id)):
        info = copy_key_info(copy.report_id, copy.subject)
        copy_key = unwrap_key(old_private, WrappedKey(copy.suite_id, copy.wrapped_key), info=info)
        wrapped = wrap_key(new.public_key, copy_key, info=info)
        copy.moderation_key_id, copy.suite_id, copy.wrapped_key = (
            new.id, wrapped.suite_id, wrapped.blob)
        count += 1
    return count


def redacted_version_info(report_id: str) -> bytes:
    return b"ozvise/redacted-version/v1\x00" + report_id.encode()


def seal_redacted_version(report: Report, text: str) -> None:
    """Seal the redacted text as passed on to the report's marking key (no data key needed)."""
    if report.mark_public_key is None:
        raise CryptoError("this report has no marking key")
    report.redacted_version_ct = wrap_key(report.mark_public_key, text.encode("utf-8"),
                                          info=redacted_version_info(report.id)).blob


def open_redacted_version(report: Report, data_key: bytes) -> str | None:
    """The redacted version the moderator passed on, for a holder of the data key."""
    if report.redacted_version_ct is None:
        return None
    pair = mark_keypair(report.id, data_key)
    if pair.public != report.mark_public_key:
        raise CryptoError("the marking key does not belong to this data key")
    return unwrap_key(pair.private, WrappedKey(pair.suite_id, report.redacted_version_ct),
                      info=redacted_version_info(report.id)).decode("utf-8")
