"""Which report PDF passwords a school can read, and handing them over at release.

Each report's password is stored only wrapped (``crypto.pdf_password``): to the offline
onboarding key while the school has no key that may receive wraps, else to the school's
key. The school's members read the passwords of their school key in the portal
(``delivery.portal_pdf``). At ``ozvise onboarding release`` the operator's offline key
re-wraps every onboarding-wrapped password of the school to the school key and the
onboarding wraps are deleted, so the offline key opens no PDF of that school any more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from crypto.pdf_password import (
    find_password_wrap,
    unwrap_report_password,
    wrap_report_password,
)
from models import KeyRecipient, Report, ReportPdfPassword, ReportStatus, School, SchoolKey
from models.trust import trusted_key

#: Reports whose PDF the school may have received (never one still in moderation or spam).
RECEIVED = (ReportStatus.AWAITING_PDF, ReportStatus.DELIVERED, ReportStatus.IN_PROGRESS,
            ReportStatus.RESOLVED)


def school_wrap_key(school: School) -> SchoolKey | None:
    """The school key that may receive PDF passwords, or None.

    The one place this is decided for PDF passwords (registration and verification rules
    change what "may receive" means; ``models.trust`` applies them: a registration that is
    not verified receives nothing).
    """
    return trusted_key(school)


def password_in_portal(session: Session, school: School, report_id: str) -> bool:
    """True if the school's members already find this report's password in the portal."""
    school_key = school_wrap_key(school)
    return school_key is not None and find_password_wrap(
        session, report_id, KeyRecipient.SCHOOL, school_key.id) is not None


@dataclass(frozen=True)
class PortalPassword:
    """One row of the portal's password list (no password: that is unwrapped on demand)."""

    report_id: str
    received_at: datetime


def school_passwords(session: Session, school: School) -> list[PortalPassword]:
    """The school's reports whose PDF password its key opens, newest first."""
    school_key = school_wrap_key(school)
    if school_key is None:
        return []
    rows = session.execute(
        select(Report.id, Report.created_at)
        .join(ReportPdfPassword, ReportPdfPassword.report_id == Report.id)
        .where(Report.school_id == school.id, Report.status.in_(RECEIVED),
               ReportPdfPassword.recipient == KeyRecipient.SCHOOL.value,
               ReportPdfPassword.recipient_id == school_key.id)
        .order_by(Report.created_at.desc(), Report.id)).all()
    return [PortalPassword(report_id, created) for report_id, created in rows]


def school_password(session: Session, school: School, report_id: str,
                    private_key: bytes) -> str | None:
    """One report's PDF password for a member holding the unlocked school key.

    None if the report is not the school's or its password is not wrapped to the school
    key (yet). Raises ``crypto.errors.DecryptionError`` if ``private_key`` is not the key.
    """
    school_key = school_wrap_key(school)
    report = session.get(Report, report_id)
    if (school_key is None or report is None or report.school_id != school.id
            or report.status not in RECEIVED):
        return None
    row = find_password_wrap(session, report_id, KeyRecipient.SCHOOL, school_key.id)
    return None if row is None else unwrap_report_password(row, private_key)


def release_passwords(session: Session, school: School, onboarding_private: bytes) -> int:
    """Re-wrap every onboarding-wrapped password of the school to its key; delete the
    onboarding wraps. Returns how many passwords the school key received."""
    school_key = school_wrap_key(school)
    if school_key is None:
        raise ValueError("the school has no key that may receive PDF passwords")
    rows = session.scalars(
        select(ReportPdfPassword).join(Report, Report.id == ReportPdfPassword.report_id)
        .where(Report.school_id == school.id,
               ReportPdfPassword.recipient == KeyRecipient.ONBOARDING.value)
        .order_by(ReportPdfPassword.id)).all()
    added = 0
    for row in rows:
        if find_password_wrap(session, row.report_id, KeyRecipient.SCHOOL,
                              school_key.id) is None:
            password = unwrap_report_password(row, onboarding_private)
            wrap_report_password(session, row.report_id, password, KeyRecipient.SCHOOL,
                                 school_key.id, school_key.public_key)
            del password
            added += 1
        session.delete(row)
    session.flush()
    return added


def delete_report_passwords(session: Session, report_id: str) -> int:
    """Every wrap of one report's password (retention); returns how many."""
    return session.execute(delete(ReportPdfPassword).where(
        ReportPdfPassword.report_id == report_id)).rowcount
