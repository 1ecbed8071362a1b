"""What happens to a report the moderator passed as not spam.

- Registered school on the extended plan with a key: the report becomes visible in the
  portal (``DELIVERED``) and the members get a notification without any report content.
- Anyone else (unregistered or basic plan): ``AWAITING_PDF``, and the outbox mails the
  password-protected PDF that intake prepared.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from models import Plan, Report, ReportStatus, School, utcnow
from ozvise.config import Settings


def hand_over(session: Session, settings: Settings, report: Report) -> ReportStatus:
    """Move a not-spam report on; the caller commits (same transaction as the decision)."""
    school = session.get(School, report.school_id)
    portal = (school is not None and school.plan == Plan.EXTENDED
              and school.active_key() is not None)
    report.status = ReportStatus.DELIVERED if portal else ReportStatus.AWAITING_PDF
    report.status_changed_at = utcnow()
    return report.status
