"""What happens to a report the moderator passed as not spam.

- Registered school on the extended plan with a key: the report becomes visible in the
  portal (``DELIVERED``) and the members get a notification without any report content.
- Anyone else (unregistered, pending verification or basic plan), and any report whose
  data key is not wrapped to the school's key yet: ``AWAITING_PDF``, and the outbox mails
  the password-protected PDF that intake prepared (``delivery.pdf_mail``); without a PDF
  the report waits for ``ozvise onboarding release``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from crypto.envelope import find_key
from models import KeyRecipient, Plan, Report, ReportStatus, School, utcnow
from models.trust import trusted_key
from ozvise.config import Settings


def reaches_portal(school: School | None) -> bool:
    """True if the school reads reports in its portal (extended plan, verified
    registration: ``models.trust``); everyone else, pending schools too, gets PDFs."""
    return (school is not None and school.plan == Plan.EXTENDED
            and trusted_key(school) is not None)


def readable_in_portal(school: School | None, report: Report) -> bool:
    """``reaches_portal`` and the report's data key is wrapped to the school's key.

    A report that came in while the school was unregistered (or pending) is wrapped only
    to the onboarding key: the portal could not open it, so it goes out as a PDF (or
    waits for ``ozvise onboarding release``) instead of being called delivered.
    """
    school_key = trusted_key(school) if reaches_portal(school) else None
    return (school_key is not None
            and find_key(report, KeyRecipient.SCHOOL, school_key.id) is not None)


def hand_over(session: Session, settings: Settings, report: Report) -> ReportStatus:
    """Move a not-spam report on; the caller commits (same transaction as the decision)."""
    school = session.get(School, report.school_id)
    portal = readable_in_portal(school, report)
    report.status = ReportStatus.DELIVERED if portal else ReportStatus.AWAITING_PDF
    report.status_changed_at = utcnow()
    if portal:
        from delivery.portal_notice import notify_members

        notify_members(session, settings, school, report)
    if not portal and school is not None:
        from delivery.pdf_mail import enqueue_report_pdf

        enqueue_report_pdf(session, settings, school, report)
    return report.status
