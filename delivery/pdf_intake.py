"""Intake's PDF step: for a school without portal access, render and encrypt the PDF now.

Called inside the intake transaction, while the plaintext is in memory. Only the
encrypted PDF is stored (``EncryptedPdf``); it waits there for the moderator's "not
spam" (``delivery.handover``). The school's PDF password is created with the school's
first PDF and stored only wrapped (``crypto.pdf_password``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from crypto.onboarding import read_public_key
from crypto.pdf_password import create_pdf_password, has_pdf_password, take_slot
from delivery.handover import reaches_portal
from delivery.pdf_encryption import encrypt_with_slot
from delivery.pdf_report import ReportPdfContent, render_report_pdf
from models import EncryptedPdf, Report, School, utcnow
from models.audit import record
from ozvise.config import Settings

REGISTRATION_PATH = "/skola/registrace"


def registration_url(settings: Settings) -> str:
    return settings.base_url + REGISTRATION_PATH


def prepare_pdf(session: Session, settings: Settings, school: School, report: Report, *,
                victim_name: str, victim_class: str, text: str) -> bool:
    """Store the report's encrypted PDF if its school gets PDFs; True if one was stored."""
    if reaches_portal(school):
        return False
    if not has_pdf_password(session, school.id):
        create_pdf_password(session, school, read_public_key(settings.onboarding_public_key_path))
    slot = take_slot(session, school.id)
    if slot is None:
        record(session, "system", "pdf.no_slot", f"report:{report.id}", school_id=school.id)
        return False
    content = ReportPdfContent(
        report_id=report.id, received_at=report.created_at or utcnow(), school_name=school.name,
        school_address=school.address, red_izo=school.red_izo, victim_name=victim_name,
        victim_class=victim_class, text=text, registration_url=registration_url(settings))
    encrypted = encrypt_with_slot(render_report_pdf(content), slot)
    del content, slot
    session.flush()  # the report row first: the PDF refers to it
    session.add(EncryptedPdf(report_id=report.id, pdf=encrypted))
    record(session, "system", "pdf.prepared", f"report:{report.id}", school_id=school.id,
           size=len(encrypted))
    return True
