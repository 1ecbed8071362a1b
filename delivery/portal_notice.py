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
from models import MemberRole, Report, School, SchoolMember
from ozvise.config import Settings

REPORT_PATH = "/skola/hlaseni/{report_id}"
SUBJECT = "Nové hlášení v portálu Ozvi se"
NOTIFIED_ROLES = (MemberRole.ADMIN, MemberRole.HANDLER)


def notice_body(settings: Settings, school: School, report: Report) -> str:
    link = settings.base_url + REPORT_PATH.format(report_id=report.id)
    return (
        "Dobrý den,\n\n"
        f"ve školním portálu Ozvi se ({school.name}) čeká nové hlášení.\n"
        f"Přečtete si ho po přihlášení zde:\n\n{link}\n\n"
        "Obsah hlášení z bezpečnostních důvodů e-mailem neposíláme.\n\nOzvi se"
    )


def notify_members(session: Session, settings: Settings, school: School, report: Report) -> int:
    """Queue one notice per active, confirmed reader of the school; returns how many."""
    members = session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.active.is_(True),
        SchoolMember.role.in_(NOTIFIED_ROLES),
        SchoolMember.email_confirmed_at.is_not(None))).all()
    body = notice_body(settings, school, report)
    for member in members:
        enqueue(session, kind="report_delivered", recipient=member.email, subject=SUBJECT,
                dedupe_key=f"report-delivered:{report.id}:member:{member.id}", body=body)
    return len(members)
