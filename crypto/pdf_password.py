"""One PDF password per report, stored only HPKE-wrapped.

A school without portal access (not registered, or on the basic plan) receives each
report as a PDF encrypted with AES-256 (PDF 2.0 standard security handler, revision 6).
Revision 6 is symmetric: whatever lets someone encrypt a file to a password (the file key,
or the password) also opens it. So the server must keep neither.

At intake, while the plaintext is in memory, each report gets a fresh random password
(``new_pdf_password``); its PDF is encrypted with it once (the file key is a fresh random
key that pypdf drops with the writer), and the password is then stored only HPKE-wrapped
(``wrap_report_password``) to exactly the key its data key was wrapped to: the offline
onboarding key for a school without a key of its own, else the school's key. The HPKE
info binds the wrap to its report, so a wrap cannot be moved to another report.

Properties:

- nothing at rest opens a PDF: no password, no file key, no school-wide secret, no slots;
  two copies of the database taken at different times open nothing either;
- there is no pool to run out of: any number of PDFs per school;
- one leaked password opens one report's PDF, not the school's others;
- the school sees each password in its portal (``delivery.portal_pdf``), unwrapped with
  the school key a member unlocked at login; after ``ozvise onboarding release`` the
  onboarding wrap is deleted, so the offline key opens nothing of that school any more.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.hpke import WrappedKey, unwrap_key, wrap_key
from models import KeyRecipient, ReportPdfPassword

#: Easy to read and type from a screen: no 0/O, 1/I/L, U. 24 characters ≈ 118 bits.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSWORD_CHARS = 24
GROUP = 4


def new_pdf_password() -> str:
    """A random password such as ``K7QM-9ZPX-...`` (6 groups of 4)."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(PASSWORD_CHARS))
    return "-".join(raw[i : i + GROUP] for i in range(0, PASSWORD_CHARS, GROUP))


def password_info(report_id: str) -> bytes:
    """HPKE info: a wrapped password opens only as the password of this report."""
    return b"ozvise/pdf-password/v2\x00" + report_id.encode()


def wrap_report_password(session: Session, report_id: str, password: str,
                         recipient: KeyRecipient, recipient_id: int,
                         public_key: bytes) -> ReportPdfPassword:
    """Store ``password`` wrapped to one recipient (in the caller's transaction)."""
    wrapped = wrap_key(public_key, password.encode(), info=password_info(report_id))
    row = ReportPdfPassword(report_id=report_id, recipient=recipient.value,
                            recipient_id=recipient_id, suite_id=wrapped.suite_id,
                            wrapped_password=wrapped.blob)
    session.add(row)
    return row


def unwrap_report_password(row: ReportPdfPassword, private_key: bytes) -> str:
    """The password in ``row``; raises ``crypto.errors.DecryptionError`` for a wrong key."""
    return unwrap_key(private_key, WrappedKey(row.suite_id, row.wrapped_password),
                      info=password_info(row.report_id)).decode()


def find_password_wrap(session: Session, report_id: str, recipient: KeyRecipient,
                       recipient_id: int = 0) -> ReportPdfPassword | None:
    return session.scalars(select(ReportPdfPassword).where(
        ReportPdfPassword.report_id == report_id,
        ReportPdfPassword.recipient == recipient.value,
        ReportPdfPassword.recipient_id == recipient_id)).first()
