"""Release at registration: the operator's offline key hands a school its earlier reports.

Run by ``ozvise onboarding release --school RED-IZO --key FILE`` once the school's
registration is verified (``models.trust``: nothing is ever re-wrapped to a claim). With
the onboarding private key, in memory only for this command:

1. every report of the school whose data key is wrapped to the onboarding key gets it
   wrapped to the school's key; the onboarding wrap is deleted (after registration the
   offline key should open nothing of this school any more);
2. on the extended plan, reports waiting as PDFs move into the portal (``DELIVERED``);
3. every PDF password of the school's reports (one per report) is re-wrapped to the
   school key, so logged-in members see each next to its report's number in the portal,
   and its onboarding wrap is deleted (``delivery.pdf_passwords.release_passwords``);
4. the verified contacts (members with a confirmed e-mail) get a notice via the outbox.

Each step is audited with ids and counts only. Running it again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.envelope import find_key, unwrap_from, wrap_for
from delivery.mail_text import RELEASE_SUBJECT, release_body
from delivery.outbox import enqueue
from delivery.pdf_passwords import release_passwords
from models import (
    KeyRecipient,
    Plan,
    Report,
    ReportKey,
    ReportStatus,
    School,
    SchoolMember,
    utcnow,
)
from models.audit import record
from models.trust import trusted_key
from ozvise.config import Settings

ACTOR = "operator"
KIND_RELEASE = "onboarding_release"


class ReleaseError(RuntimeError):
    """The release cannot run; the message is Czech and meant for the operator."""


@dataclass(frozen=True)
class ReleaseSummary:
    rewrapped: int
    moved_to_portal: int
    passwords_released: int
    notified: int


def _pending_reports(session: Session, school_id: int) -> list[Report]:
    return list(session.scalars(
        select(Report).join(ReportKey, ReportKey.report_id == Report.id)
        .where(Report.school_id == school_id, ReportKey.recipient == KeyRecipient.ONBOARDING,
               ReportKey.revoked_at.is_(None)).order_by(Report.created_at)).unique())


def _rewrap_reports(session: Session, school: School, onboarding_private: bytes) -> list[Report]:
    school_key = trusted_key(school)
    assert school_key is not None
    reports = _pending_reports(session, school.id)
    for report in reports:
        onboarding_wrap = find_key(report, KeyRecipient.ONBOARDING)
        assert onboarding_wrap is not None
        if find_key(report, KeyRecipient.SCHOOL, school_key.id) is None:
            data_key = unwrap_from(report, onboarding_wrap, onboarding_private)
            wrap_for(report, data_key, KeyRecipient.SCHOOL, school_key.id, school_key.public_key)
            del data_key
        report.keys.remove(onboarding_wrap)
    session.flush()
    record(session, ACTOR, "onboarding.rewrapped", f"school:{school.id}",
           reports=len(reports), school_key_id=school_key.id)
    return reports


def _move_to_portal(session: Session, school: School) -> int:
    if school.plan != Plan.EXTENDED:
        return 0
    waiting = session.scalars(select(Report).where(
        Report.school_id == school.id, Report.status == ReportStatus.AWAITING_PDF)).all()
    for report in waiting:
        report.status, report.status_changed_at = ReportStatus.DELIVERED, utcnow()
    record(session, ACTOR, "onboarding.moved_to_portal", f"school:{school.id}",
           reports=len(waiting))
    return len(waiting)


def _release_passwords(session: Session, school: School, onboarding_private: bytes) -> int:
    released = release_passwords(session, school, onboarding_private)
    record(session, ACTOR, "pdf_password.released", f"school:{school.id}", passwords=released)
    return released


def _notify_contacts(session: Session, settings: Settings, school: School, released: int,
                     passwords: int) -> int:
    contacts = session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.active.is_(True),
        SchoolMember.email_confirmed_at.is_not(None)).order_by(SchoolMember.id)).all()
    body = release_body(school.name, settings.base_url + "/skola/", released, passwords)
    for member in contacts:
        enqueue(session, kind=KIND_RELEASE,
                dedupe_key=f"onboarding-release:{school.id}:{member.id}",
                recipient=member.email, subject=RELEASE_SUBJECT, body=body)
    record(session, ACTOR, "onboarding.contacts_notified", f"school:{school.id}",
           members=[m.id for m in contacts])
    return len(contacts)


def release_school(session: Session, settings: Settings, red_izo: str,
                   onboarding_private: bytes) -> ReleaseSummary:
    """Do the whole release in one transaction (commits); see the module docstring."""
    school = session.scalars(select(School).where(School.red_izo == red_izo)).first()
    if school is None:
        raise ReleaseError(f"Škola s RED-IZO {red_izo} v rejstříku není.")
    if trusted_key(school) is None:
        raise ReleaseError(f"Škola {red_izo} ještě není zaregistrovaná nebo registrace není "
                           f"ověřená (ozvise schools show {red_izo}).")
    reports = _rewrap_reports(session, school, onboarding_private)
    moved = _move_to_portal(session, school)
    passwords = _release_passwords(session, school, onboarding_private)
    notified = (_notify_contacts(session, settings, school, len(reports), passwords)
                if reports or passwords else 0)
    session.commit()
    return ReleaseSummary(rewrapped=len(reports), moved_to_portal=moved,
                          passwords_released=passwords, notified=notified)
