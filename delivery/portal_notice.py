"""The e-mail that tells a school's members a report is waiting in their portal.

It carries a link and nothing else about the report: no text, no name, no class, not
even the report's length, because e-mail leaves our control. Readers (admins and
handlers) get it; analysts cannot open reports, so they are not mailed. The dedupe key
is per report and member, so a repeated hand-over never mails anyone twice.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from delivery.outbox import enqueue
from delivery.urgency_text import urgent_subject, with_urgent_note
from models import MemberRole, Report, ReportStatus, School, SchoolMember
from ozvise.config import Settings

REPORT_PATH = "/skola/hlaseni/{report_id}"
SUBJECT = "Nové hlášení v portálu Ozvi se"
URGENT_LATER_SUBJECT = "Hlášení v portálu Ozvi se je nově naléhavé"
#: statuses in which the school already has the report in its portal
_IN_PORTAL = (ReportStatus.DELIVERED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED)
NOTIFIED_ROLES = (MemberRole.ADMIN, MemberRole.HANDLER)


def notice_body(settings: Settings, school: School, report: Report) -> str:
    link = settings.base_url + REPORT_PATH.format(report_id=report.id)
    return with_urgent_note((
        "Dobrý den,\n\n"
        f"ve školním portálu Ozvi se ({school.name}) čeká nové hlášení.\n"
        f"Přečtete si ho po přihlášení zde:\n\n{link}\n\n"
        "Obsah hlášení z bezpečnostních důvodů e-mailem neposíláme.\n\nOzvi se"
    ), bool(report.urgent))


def notified_readers(session: Session, school: School) -> list[SchoolMember]:
    return list(session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.active.is_(True),
        SchoolMember.role.in_(NOTIFIED_ROLES),
        SchoolMember.email_confirmed_at.is_not(None))))


def notify_members(session: Session, settings: Settings, school: School, report: Report) -> int:
    """Queue one notice per active, confirmed reader of the school; returns how many."""
    members = notified_readers(session, school)
    body = notice_body(settings, school, report)
    subject = urgent_subject(SUBJECT, bool(report.urgent))
    for member in members:
        enqueue(session, kind="report_delivered", recipient=member.email, subject=subject,
                dedupe_key=f"report-delivered:{report.id}:member:{member.id}", body=body)
    return len(members)


def notify_urgent_later(session: Session, settings: Settings, report: Report) -> int:
    """A reporter's follow-up made a report urgent that the school already has: tell its
    readers once (still without content); reports not yet in the portal need no extra
    mail, as the hand-over notice will say "naléhavé" itself. Returns how many."""
    school = session.get(School, report.school_id)
    if report.status not in _IN_PORTAL or school is None:
        return 0
    link = settings.base_url + REPORT_PATH.format(report_id=report.id)
    body = with_urgent_note(
        "Dobrý den,\n\n"
        f"hlášení ve školním portálu Ozvi se ({school.name}) se po nové zprávě oznamovatele "
        f"stalo naléhavým. Přečtete si ho po přihlášení zde:\n\n{link}\n\n"
        "Obsah hlášení ani zprávy z bezpečnostních důvodů e-mailem neposíláme.\n\nOzvi se",
        True)
    members = notified_readers(session, school)
    for member in members:
        enqueue(session, kind="report_urgent", recipient=member.email,
                subject=urgent_subject(URGENT_LATER_SUBJECT, True), body=body,
                dedupe_key=f"report-urgent:{report.id}:member:{member.id}")
    return len(members)
