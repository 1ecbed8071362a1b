"""Intake's PDF step: for a school without portal access, render and encrypt the PDF now.

Called inside the intake transaction, while the plaintext is in memory. The report gets
a fresh random password, used once to encrypt its PDF and then stored only wrapped to
the key its data key went to (``crypto.pdf_password``); the plaintext password is
dropped. Only the encrypted PDF is stored (``EncryptedPdf``); it waits there for the
moderator's "not spam" (``delivery.handover``). Nothing runs out: every report gets its
own password, however many a school receives.

If the PDF cannot be made, the report is still stored (a reporter's report is never
lost) and the failure is audited as ``pdf.not_prepared``; the report then shows in
``ozvise outbox status`` once the moderator passes it.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from crypto.onboarding import read_public_key
from crypto.pdf_password import new_pdf_password, wrap_report_password
from delivery.handover import reaches_portal
from delivery.pdf_encryption import encrypt_pdf
from delivery.pdf_report import ReportPdfContent, render_report_pdf
from evidence.kinds import neutral_name
from evidence.sandbox import CleanFile
from models import EncryptedPdf, KeyRecipient, Report, School, SchoolKey, utcnow
from models.audit import record
from ozvise.config import Settings

REGISTRATION_PATH = "/skola/registrace"

log = logging.getLogger("ozvise.delivery")


def registration_url(settings: Settings) -> str:
    return settings.base_url + REGISTRATION_PATH


def password_recipient(session: Session, settings: Settings,
                       report: Report) -> tuple[KeyRecipient, int, bytes] | None:
    """Whoever got the report's data key gets its PDF password too.

    Intake already decided who may read this report (the school's key, or the offline
    onboarding key: ``intake.pipeline``); following that one decision keeps the rule in
    one place. None if the key is not at hand (then no PDF is made).
    """
    wraps = [k for k in report.keys if k.revoked_at is None
             and k.recipient in (KeyRecipient.SCHOOL, KeyRecipient.ONBOARDING)]
    if len(wraps) != 1:
        return None
    (wrap,) = wraps
    if wrap.recipient == KeyRecipient.SCHOOL:
        school_key = session.get(SchoolKey, wrap.recipient_id)
        public = school_key.public_key if school_key is not None else None
    else:
        public = read_public_key(settings.onboarding_public_key_path)
    return (wrap.recipient, wrap.recipient_id, public) if public else None


def embedded_pdfs(attachments: tuple[CleanFile, ...]) -> list[tuple[str, bytes]]:
    """The PDF attachments, by their neutral names, to embed in the encrypted report PDF
    (images are placed on its pages instead)."""
    return [(neutral_name(number, clean.mime), clean.data)
            for number, clean in enumerate(attachments, start=1) if not clean.is_image]


def prepare_pdf(session: Session, settings: Settings, school: School, report: Report, *,
                victim_name: str, victim_class: str, text: str,
                attachments: tuple[CleanFile, ...] = ()) -> bool:
    """Store the report's encrypted PDF if its school gets PDFs; True if one was stored."""
    if reaches_portal(school):
        return False
    recipient = password_recipient(session, settings, report)
    if recipient is None:
        record(session, "system", "pdf.not_prepared", f"report:{report.id}",
               school_id=school.id, reason="no_recipient_key")
        return False
    content = ReportPdfContent(
        report_id=report.id, received_at=report.created_at or utcnow(), school_name=school.name,
        school_address=school.address, red_izo=school.red_izo, victim_name=victim_name,
        victim_class=victim_class, text=text, registration_url=registration_url(settings),
        attachments=attachments)
    password = new_pdf_password()
    try:
        encrypted = encrypt_pdf(render_report_pdf(content), password,
                                embedded_pdfs(attachments))
    except Exception as exc:  # a PDF bug must not lose the report; it is audited instead
        del password, content
        log.error("PDF for a report could not be made: %s", type(exc).__name__)
        record(session, "system", "pdf.not_prepared", f"report:{report.id}",
               school_id=school.id, reason=type(exc).__name__)
        return False
    del content
    session.flush()  # the report row first: the PDF and the wrapped password refer to it
    kind, recipient_id, public_key = recipient
    wrap_report_password(session, report.id, password, kind, recipient_id, public_key)
    del password  # from here on it exists only wrapped
    session.add(EncryptedPdf(report_id=report.id, pdf=encrypted))
    record(session, "system", "pdf.prepared", f"report:{report.id}", school_id=school.id,
           size=len(encrypted), password_to=kind.value)
    return True
