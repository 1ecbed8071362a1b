"""Queue the encrypted report PDF to the school's register contact (director's e-mail)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from delivery.mail_text import REPORT_PDF_SUBJECT, report_pdf_body
from delivery.outbox import enqueue
from delivery.pdf_intake import registration_url
from delivery.pdf_passwords import password_in_portal
from delivery.urgency_text import urgent_subject, with_urgent_note
from models import EncryptedPdf, OutboxMessage, Report, School
from models.audit import record
from ozvise.config import Settings

KIND_REPORT_PDF = "report_pdf"
#: the portal page with the PDF passwords (``delivery.portal_pdf``)
PASSWORDS_PATH = "/skola/heslo-pdf/"


def report_pdf_dedupe_key(report_id: str, recipient: str) -> str:
    """One message per report and recipient, however often hand-over runs."""
    return f"report-pdf:{report_id}:{recipient.lower()}"


def enqueue_report_pdf(session: Session, settings: Settings, school: School,
                       report: Report) -> OutboxMessage | None:
    """Queue the PDF mail in the caller's transaction; None (audited) if it cannot go."""
    pdf = session.scalars(select(EncryptedPdf).where(EncryptedPdf.report_id == report.id)).first()
    if pdf is None or not school.director_email:
        record(session, "system", "pdf.not_sendable", f"report:{report.id}",
               school_id=school.id, has_pdf=pdf is not None,
               has_contact=bool(school.director_email))
        return None
    message = enqueue(
        session, kind=KIND_REPORT_PDF,
        dedupe_key=report_pdf_dedupe_key(report.id, school.director_email),
        recipient=school.director_email,
        subject=urgent_subject(REPORT_PDF_SUBJECT, bool(report.urgent)),
        body=with_urgent_note(report_pdf_body(school.name, report.id, registration_url(settings),
                                              settings.base_url + PASSWORDS_PATH,
                                              password_in_portal(session, school, report.id)),
                              bool(report.urgent)),
        attachment_name=f"hlaseni-{report.id[:8]}.pdf", attachment=pdf.pdf)
    record(session, "system", "pdf.queued", f"report:{report.id}", school_id=school.id)
    return message
