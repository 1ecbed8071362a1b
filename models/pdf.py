"""Password-protected PDFs for schools without portal access.

The PDF is rendered at intake while the plaintext is in memory and stored only
AES-256-encrypted (PDF revision 6). The per-school PDF password is stored only wrapped:
to the offline onboarding key, and for basic-plan schools also to the school's own key.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class SchoolPdfPassword(Base):
    __tablename__ = "school_pdf_passwords"
    __table_args__ = (UniqueConstraint("school_id", "recipient", "recipient_id",
                                       name="pdf_password_recipient"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    #: "onboarding" or "school" (KeyRecipient values)
    recipient: Mapped[str] = mapped_column(String(16))
    recipient_id: Mapped[int] = mapped_column(Integer, default=0)
    suite_id: Mapped[str] = mapped_column(String(64))
    wrapped_password: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    released_at: Mapped[datetime | None]


class EncryptedPdf(Base):
    __tablename__ = "encrypted_pdfs"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PdfKeySlot(Base):
    """One unused PDF encryption key, ready for a school's next password-protected PDF.

    Why it exists: a PDF reader opens a PDF with a typed password, and PDF encryption
    (revision 6) is symmetric, so the server cannot encrypt a new PDF to a password it no
    longer knows. When the school's password is created (and is in memory), a pool of
    slots is prepared instead: each holds a fresh random file key plus that key wrapped
    under the password (``ue``/``oe``), and the password's verifiers (``u``/``o``, salted
    one-way hashes of a 120-bit random password). A slot is used once and deleted with the
    PDF it encrypted, so an unused slot decrypts nothing that exists, and the stored
    values never yield the password. See ``crypto.pdf_password``.
    """

    __tablename__ = "pdf_key_slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    u_value: Mapped[bytes] = mapped_column(LargeBinary)
    o_value: Mapped[bytes] = mapped_column(LargeBinary)
    file_key: Mapped[bytes] = mapped_column(LargeBinary)
    ue_value: Mapped[bytes] = mapped_column(LargeBinary)
    oe_value: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
