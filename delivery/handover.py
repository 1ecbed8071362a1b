"""What happens to a report the moderator passed as not spam.

- Registered school on the extended plan with a key: the report becomes visible in the
  portal (``DELIVERED``) and the members get a notification without any report content.
- Anyone else (unregistered or basic plan): ``AWAITING_PDF``, and the outbox mails the
  password-protected PDF that intake prepared (``delivery.pdf_mail``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from models import Plan, Report, ReportStatus, School, utcnow
from ozvise.config import Settings


def reaches_portal(school: School | None) -> bool:
    """True if the school reads reports in its portal; everyone else gets PDFs."""
    return (school is not None and school.plan == Plan.EXTENDED
            and school.active_key() is not None)


def hand_over(session: Session, settings: Settings, report: Report) -> ReportStatus:
    """Move a not-spam report on; the caller commits (same transaction as the decision)."""
    school = session.get(School, report.school_id)
    portal = reaches_portal(school)
    report.status = ReportStatus.DELIVERED if portal else ReportStatus.AWAITING_PDF
    report.status_changed_at = utcnow()
    if portal:
        from delivery.portal_notice import notify_members

        notify_members(session, settings, school, report)
    if not portal and school is not None:
        from delivery.pdf_mail import enqueue_report_pdf

        enqueue_report_pdf(session, settings, school, report)
    return report.status
