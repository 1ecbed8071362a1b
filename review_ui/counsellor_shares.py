"""Sharing one report with a platform counsellor, and taking it back (database side).

A share is two rows: the report's data key wrapped to the counsellor (``ReportKey``,
recipient COUNSELLOR) and a ``CounsellorShare`` recording who shared it and when.
Revoking sets ``revoked_at`` on the share and deletes the wrapped key row, so nothing the
counsellor's password could open is left behind; a later share wraps afresh.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.envelope import find_key, wrap_for
from models import (
    Counsellor,
    CounsellorShare,
    KeyRecipient,
    Plan,
    Report,
    ReportKey,
    School,
    utcnow,
)
from models.trust import is_verified


class ShareRefused(ValueError):
    """The share is not possible; ``message`` is shown to the member (Czech)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def active_counsellors(session: Session) -> list[Counsellor]:
    return list(session.scalars(select(Counsellor).where(Counsellor.active.is_(True))
                                .order_by(Counsellor.name)))


def active_shares(session: Session, report: Report) -> list[tuple[CounsellorShare, Counsellor]]:
    rows = session.execute(select(CounsellorShare, Counsellor)
                           .join(Counsellor, Counsellor.id == CounsellorShare.counsellor_id)
                           .where(CounsellorShare.report_id == report.id,
                                  CounsellorShare.revoked_at.is_(None))
                           .order_by(CounsellorShare.created_at))
    return [(share, counsellor) for share, counsellor in rows]


def can_share(session: Session, report: Report) -> bool:
    """Counselling is part of the extended plan only (MISSION, point 5), for a verified
    registration (``models.trust``)."""
    school = session.get(School, report.school_id)
    return school is not None and school.plan == Plan.EXTENDED and is_verified(school)


def share_report(session: Session, report: Report, data_key: bytes, counsellor_id: int,
                 member_id: int) -> CounsellorShare:
    """Wrap ``data_key`` to the counsellor and record the share (the caller commits)."""
    if not can_share(session, report):
        raise ShareRefused("Sdílení s poradcem je součástí rozšířeného tarifu.")
    counsellor = session.get(Counsellor, counsellor_id)
    if counsellor is None or not counsellor.active:
        raise ShareRefused("Vybraný poradce neexistuje. Vyberte ho prosím ze seznamu.")
    if find_key(report, KeyRecipient.COUNSELLOR, counsellor.id) is not None:
        raise ShareRefused("S tímto poradcem už hlášení sdílíte.")
    wrap_for(report, data_key, KeyRecipient.COUNSELLOR, counsellor.id, counsellor.public_key)
    share = CounsellorShare(report_id=report.id, counsellor_id=counsellor.id,
                            shared_by_member_id=member_id)
    session.add(share)
    session.flush()
    return share


def revoke_share(session: Session, report: Report, share: CounsellorShare) -> None:
    """End the share and destroy the counsellor's wrapped key (the caller commits)."""
    share.revoked_at = utcnow()
    for key in [k for k in report.keys if k.recipient == KeyRecipient.COUNSELLOR
                and k.recipient_id == share.counsellor_id]:
        report.keys.remove(key)  # delete-orphan: the row and its wrapped key are deleted


def counsellor_key(session: Session, counsellor_id: int, report_id: str) -> ReportKey | None:
    """The counsellor's wrapped key for a report they hold an active share of, else None."""
    share = session.scalars(select(CounsellorShare).where(
        CounsellorShare.report_id == report_id, CounsellorShare.counsellor_id == counsellor_id,
        CounsellorShare.revoked_at.is_(None))).first()
    report = session.get(Report, report_id)
    if share is None or report is None:
        return None
    return find_key(report, KeyRecipient.COUNSELLOR, counsellor_id)


def shared_reports(session: Session, counsellor_id: int) -> list[tuple[Report, School]]:
    rows = session.execute(select(Report, School)
                           .join(CounsellorShare, CounsellorShare.report_id == Report.id)
                           .join(School, School.id == Report.school_id)
                           .where(CounsellorShare.counsellor_id == counsellor_id,
                                  CounsellorShare.revoked_at.is_(None))
                           .order_by(CounsellorShare.created_at.desc()))
    return [(report, school) for report, school in rows]
