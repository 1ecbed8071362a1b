"""The e-mail that tells a school's readers the reporter wrote again.

Like the new-report notice (``delivery.portal_notice``) it carries a link and nothing
else: no text, no name, not even how long the message is. It goes out when the school
can read the follow-up: when a moderator passes it, or as it is written when follow-ups
are not moderated; a follow-up written before the school has the report needs none
(the hand-over notice covers it), and a withheld one is never announced.

Deduplicated per member and per *unread batch*: the key names the oldest follow-up of
the report that nobody at the school has opened yet, so three messages in a row before
anyone looks make one mail, and the next one after the school read them makes a new
one. A member who opted out (``SchoolMember.followup_notices``) is not mailed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from delivery.outbox import enqueue
from delivery.portal_notice import REPORT_PATH, notified_readers
from delivery.urgency_text import urgent_subject, with_urgent_note
from models import Message, MessageAuthor, Report, ReportStatus, School
from ozvise.config import Settings

SUBJECT = "Nová zpráva k hlášení v portálu Ozvi se"
KIND = "followup_notice"
_IN_PORTAL = (ReportStatus.DELIVERED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED)


def followup_body(settings: Settings, school: School, report: Report) -> str:
    link = settings.base_url + REPORT_PATH.format(report_id=report.id) + "#konverzace"
    return with_urgent_note((
        "Dobrý den,\n\n"
        f"oznamovatel napsal ve školním portálu Ozvi se ({school.name}) novou zprávu "
        "k hlášení.\n"
        f"Přečtete si ji po přihlášení zde:\n\n{link}\n\n"
        "Obsah zprávy ani hlášení z bezpečnostních důvodů e-mailem neposíláme.\n\n"
        "Upozornění na nové zprávy si můžete v portálu vypnout (Upozornění).\n\nOzvi se"
    ), bool(report.urgent))


def _oldest_unread(session: Session, report: Report) -> int | None:
    return session.scalar(select(Message.id).where(
        Message.report_id == report.id, Message.author == MessageAuthor.REPORTER,
        Message.moderated_at.is_not(None), Message.withheld_at.is_(None),
        Message.read_at.is_(None)).order_by(Message.created_at, Message.id).limit(1))


def notify_followup(session: Session, settings: Settings, report: Report) -> int:
    """Queue the notice for every reader who wants it (once per unread batch); returns how
    many members it is for.

    Call after the follow-up became visible to the school (flushed or in this session).
    """
    session.flush()
    school = session.get(School, report.school_id)
    batch = _oldest_unread(session, report)
    if report.status not in _IN_PORTAL or school is None or batch is None:
        return 0
    members = [m for m in notified_readers(session, school) if m.followup_notices]
    body = followup_body(settings, school, report)
    subject = urgent_subject(SUBJECT, bool(report.urgent))
    for member in members:
        enqueue(session, kind=KIND, recipient=member.email, subject=subject, body=body,
                dedupe_key=f"followup:{report.id}:{batch}:member:{member.id}")
    return len(members)
