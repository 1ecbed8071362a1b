"""The per-school PDF password, and the single-use key slots that let PDFs use it later.

Why slots: a school without portal access receives each report as a PDF encrypted with
AES-256 (PDF 2.0 standard security handler, revision 6) under *one* password per school,
released only at registration. Revision 6 is symmetric: whoever can encrypt a file key
under the password (``/UE``) can also decrypt it. So the server must not keep the
password (or the key derived from it) after the request that created it, yet it must
encrypt reports that arrive months later to the same password.

The way out: while the freshly generated password is in memory (once per school), we
derive its verifiers ``/U``, ``/O`` (salted one-way hashes, algorithm 2.B; the password
has 120 random bits, so they cannot be brute-forced) and prepare a pool of *slots*, each a
fresh random file key plus that key wrapped under the password (``/UE``, ``/OE``). Each
later PDF takes one slot, is encrypted with its file key, and the slot is deleted in the
same transaction. Properties:

- the password itself is stored only HPKE-wrapped: to the offline onboarding key and,
  when the school has its own key (basic plan), to the school key; nothing at rest
  yields it;
- an existing PDF's file key is gone (its slot was deleted), so a copy of the database
  and files decrypts no existing PDF; an unused slot opens only a PDF not yet written
  (an attacker who copies the database *and* later intercepts a future mail could read
  that one mail: the price of one password per school, documented here on purpose);
- SQLite runs with ``secure_delete`` so a deleted slot's bytes are overwritten in the
  database file, and the outbox worker truncates the write-ahead log every round
  (``delivery.worker.scrub_sqlite_wal``); on PostgreSQL a deleted row lingers in the
  table file until VACUUM reuses its space.

What a slot is *not* bound to: its school, by anything cryptographic. Unlike every other
sealed item (bound through AEAD associated data or HPKE info to its report, field, row
and author), a slot must be usable at intake with no secret at all, so nothing the server
could check would be beyond the reach of someone who can write to the database. Such a
writer can move a slot to another school (that school's PDF then opens only with the
first school's password: the school cannot read it, the report still reaches it at
release through the portal) or plant a slot with a file key they chose (they then read
that one future PDF, no more than the read-then-intercept case above). The same writer
could equally replace a school's public key; defending against database writers is the
job of access control on the database, not of this module. Likewise an ``EncryptedPdf``
row is tied to its report only by the row (the PDF shows the report's id inside).

If a school ever uses up its pool before registering, further reports of that school are
still stored (their data key is wrapped to the onboarding key) and reach the school at
release through the portal; only their PDF is skipped (audited as ``pdf.no_slot``).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from pypdf._encryption import AlgV5
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crypto.hpke import WrappedKey, unwrap_key, wrap_key
from models import KeyRecipient, PdfKeySlot, School, SchoolPdfPassword
from models.trust import trusted_key

#: Easy to read and type: no 0/O, 1/I/L, U. 24 characters = 120 bits.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSWORD_CHARS = 24
SLOTS_PER_PASSWORD = 200
_REVISION = 6


def new_pdf_password() -> str:
    """A random password such as ``K7QM-9ZPX-...`` (6 groups of 4)."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_CHARS))
    return "-".join(raw[i : i + 4] for i in range(0, PASSWORD_CHARS, 4))


def _password_info(school_id: int) -> bytes:
    """HPKE info: a wrapped password cannot be moved to another school."""
    return b"ozvise/pdf-password/v1\x00" + str(school_id).encode()


@dataclass(frozen=True)
class SlotValues:
    """What one PDF needs from the standard security handler (revision 6)."""

    u_value: bytes
    o_value: bytes
    file_key: bytes
    ue_value: bytes
    oe_value: bytes


def _wrap_file_key(intermediate: bytes, file_key: bytes) -> bytes:
    """AES-256-CBC, zero IV, no padding (ISO 32000-2, algorithms 8 and 9)."""
    encryptor = Cipher(algorithms.AES(intermediate), modes.CBC(bytes(16))).encryptor()
    return encryptor.update(file_key) + encryptor.finalize()


def make_slots(password: str, count: int) -> list[SlotValues]:
    """``count`` single-use slots for ``password`` (used as user and owner password)."""
    secret = password.encode("utf-8")
    u_salts, o_salts = os.urandom(16), os.urandom(16)
    u_value = AlgV5.calculate_hash(_REVISION, secret, u_salts[:8], b"") + u_salts
    user_key = AlgV5.calculate_hash(_REVISION, secret, u_salts[8:], b"")
    o_value = AlgV5.calculate_hash(_REVISION, secret, o_salts[:8], u_value) + o_salts
    owner_key = AlgV5.calculate_hash(_REVISION, secret, o_salts[8:], u_value)
    slots = []
    for _ in range(count):
        file_key = os.urandom(32)
        slots.append(SlotValues(u_value, o_value, file_key, _wrap_file_key(user_key, file_key),
                                _wrap_file_key(owner_key, file_key)))
    return slots


def _store_wrap(session: Session, school: School, password: str, recipient: KeyRecipient,
                recipient_id: int, public_key: bytes) -> None:
    wrapped = wrap_key(public_key, password.encode(), info=_password_info(school.id))
    session.add(SchoolPdfPassword(school_id=school.id, recipient=recipient.value,
                                  recipient_id=recipient_id, suite_id=wrapped.suite_id,
                                  wrapped_password=wrapped.blob))


def _find_wrap(session: Session, school_id: int, recipient: KeyRecipient,
               recipient_id: int = 0) -> SchoolPdfPassword | None:
    return session.scalars(select(SchoolPdfPassword).where(
        SchoolPdfPassword.school_id == school_id,
        SchoolPdfPassword.recipient == recipient.value,
        SchoolPdfPassword.recipient_id == recipient_id)).first()


def has_pdf_password(session: Session, school_id: int) -> bool:
    return session.scalars(select(SchoolPdfPassword.id).where(
        SchoolPdfPassword.school_id == school_id).limit(1)).first() is not None


def create_pdf_password(session: Session, school: School, onboarding_public: bytes | None,
                        slot_count: int = SLOTS_PER_PASSWORD) -> None:
    """Create the school's password, store it only wrapped, and prepare its slots.

    The password exists in clear only inside this call. Wrapped to the onboarding key
    (released at registration) and, if the school has a verified key (``models.trust``),
    to that key too.
    """
    school_key = trusted_key(school)
    if onboarding_public is None and school_key is None:
        raise ValueError("nobody to wrap the PDF password to")
    password = new_pdf_password()
    if onboarding_public is not None:
        _store_wrap(session, school, password, KeyRecipient.ONBOARDING, 0, onboarding_public)
    if school_key is not None:
        _store_wrap(session, school, password, KeyRecipient.SCHOOL, school_key.id,
                    school_key.public_key)
    for slot in make_slots(password, slot_count):
        session.add(PdfKeySlot(school_id=school.id, u_value=slot.u_value, o_value=slot.o_value,
                               file_key=slot.file_key, ue_value=slot.ue_value,
                               oe_value=slot.oe_value))
    del password
    session.flush()


def take_slot(session: Session, school_id: int) -> SlotValues | None:
    """Remove and return one unused slot of the school (never the same slot twice)."""
    for _attempt in range(5):
        row = session.execute(select(
            PdfKeySlot.id, PdfKeySlot.u_value, PdfKeySlot.o_value, PdfKeySlot.file_key,
            PdfKeySlot.ue_value, PdfKeySlot.oe_value).where(PdfKeySlot.school_id == school_id)
            .order_by(PdfKeySlot.id).limit(1)).first()
        if row is None:
            return None
        deleted = session.execute(delete(PdfKeySlot).where(PdfKeySlot.id == row.id))
        if deleted.rowcount == 1:  # a concurrent intake did not take it first
            return SlotValues(bytes(row.u_value), bytes(row.o_value), bytes(row.file_key),
                              bytes(row.ue_value), bytes(row.oe_value))
    return None


def discard_slots(session: Session, school_id: int) -> int:
    """Delete a school's unused slots (it reads reports in the portal from now on)."""
    return session.execute(delete(PdfKeySlot).where(PdfKeySlot.school_id == school_id)).rowcount


def unwrap_onboarding_password(session: Session, school_id: int,
                               onboarding_private: bytes) -> str | None:
    """The school's password, opened with the offline onboarding key (release only)."""
    row = _find_wrap(session, school_id, KeyRecipient.ONBOARDING)
    if row is None:
        return None
    return unwrap_key(onboarding_private, WrappedKey(row.suite_id, row.wrapped_password),
                      info=_password_info(school_id)).decode()


def wrap_for_school_key(session: Session, school: School, password: str) -> bool:
    """Give the school's verified key the password (release); False if it already has it."""
    school_key = trusted_key(school)
    if school_key is None or _find_wrap(session, school.id, KeyRecipient.SCHOOL, school_key.id):
        return False
    _store_wrap(session, school, password, KeyRecipient.SCHOOL, school_key.id,
                school_key.public_key)
    return True


def pdf_password_for_school(session: Session, school: School, private_key: bytes) -> str | None:
    """The school's PDF password for a logged-in member holding the unlocked school key.

    For the portal: ``None`` if the school has no PDF password wrapped to its active key
    (no PDF was ever made, or the operator has not released it yet). Raises
    ``crypto.errors.DecryptionError`` if ``private_key`` is not the school's key.
    """
    school_key = school.active_key()
    if school_key is None:
        return None
    row = _find_wrap(session, school.id, KeyRecipient.SCHOOL, school_key.id)
    if row is None:
        return None
    return unwrap_key(private_key, WrappedKey(row.suite_id, row.wrapped_password),
                      info=_password_info(school.id)).decode()


def has_school_wrap(session: Session, school: School) -> bool:
    """True if the school's members can already see the password in the portal."""
    school_key = school.active_key()
    return school_key is not None and _find_wrap(
        session, school.id, KeyRecipient.SCHOOL, school_key.id) is not None
