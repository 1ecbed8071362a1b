"""What the reporter is told while a passed report has not reached the school's portal.

``AWAITING_PDF`` covers two situations the reporter should be able to tell apart: the
report went out to the school's register address as a password-protected PDF, or it
waits until the school gets access (a report that came in before the school's
registration was verified: it reaches the portal only after ``ozvise onboarding
release``). Every other status keeps its label from ``intake.status``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from delivery.pdf_mail import KIND_REPORT_PDF
from intake.status import REPORTER_STATUS_LABELS
from models import OutboxMessage, Report, ReportStatus

SENT_AS_PDF = "Předáno škole e-mailem (PDF chráněné heslem)"
WAITING_FOR_ACCESS = "Čeká, až škola získá přístup k hlášením"


def status_label(session: Session, report: Report) -> str:
    if report.status != ReportStatus.AWAITING_PDF:
        return REPORTER_STATUS_LABELS[report.status]
    queued = session.scalars(select(OutboxMessage.id).where(
        OutboxMessage.kind == KIND_REPORT_PDF,
        OutboxMessage.dedupe_key.startswith(f"report-pdf:{report.id}:", autoescape=True))
        .limit(1)).first()
    return SENT_AS_PDF if queued is not None else WAITING_FOR_ACCESS
