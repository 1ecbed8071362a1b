"""Password-protected PDFs for schools without portal access.

The PDF is rendered at intake while the plaintext is in memory and stored only
AES-256-encrypted (PDF revision 6) under a fresh random password of its own. That
password is stored only HPKE-wrapped (``ReportPdfPassword``): to the offline onboarding
key, or to the school's key; never in clear, and nothing else that opens the PDF is kept.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class ReportPdfPassword(Base):
    """One report's PDF password, wrapped to one recipient (see ``crypto.pdf_password``)."""

    __tablename__ = "report_pdf_passwords"
    __table_args__ = (UniqueConstraint("report_id", "recipient", "recipient_id",
                                       name="report_pdf_password_recipient"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), index=True)
    #: "onboarding" or "school" (KeyRecipient values)
    recipient: Mapped[str] = mapped_column(String(16))
    recipient_id: Mapped[int] = mapped_column(Integer, default=0)
    suite_id: Mapped[str] = mapped_column(String(64))
    wrapped_password: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EncryptedPdf(Base):
    __tablename__ = "encrypted_pdfs"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
