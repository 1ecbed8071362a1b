"""Moderation decisions, each at most once per report, even with moderators racing.

The status moves with one conditional UPDATE (``WHERE status IN (open states)``) as the
first write of the transaction: on PostgreSQL the second writer blocks on the row lock
and then finds the condition false; on SQLite the database write lock serialises them
the same way. Exactly one decision wins, so a report is never handed over twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from delivery.handover import hand_over
from models import Decision, ModerationDecision, Report, ReportStatus, utcnow
from models.audit import record
from ozvise.config import Settings

#: Reports in the moderators' queue.
OPEN_STATUSES = (ReportStatus.PENDING_MODERATION, ReportStatus.SECOND_LOOK)

#: Why a report is spam: code → Czech label. The code is stored, never free text.
SPAM_REASONS = {
    "nesmysl": "Nesmyslný nebo testovací text",
    "reklama": "Reklama nebo odkazy",
    "urazky": "Jen urážky bez popisu situace",
    "duplicita": "Duplicitní hlášení",
    "jine": "Jiný důvod",
}

#: What the decision may start from, and the status it writes first.
_TRANSITIONS = {
    Decision.DELIVER: (OPEN_STATUSES, ReportStatus.AWAITING_PDF),  # hand_over refines it
    Decision.SPAM: (OPEN_STATUSES, ReportStatus.SPAM),
    Decision.SECOND_LOOK: ((ReportStatus.PENDING_MODERATION,), ReportStatus.SECOND_LOOK),
}


class DecisionRefused(Exception):
    """The decision cannot be taken; ``message`` is Czech, ``status`` the HTTP code."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    status: ReportStatus


def decide(session: Session, settings: Settings, report_id: str, moderator_id: int,
           decision: Decision, reason: str | None = None) -> Outcome:
    """Record one decision and move the report on; the caller commits."""
    if decision == Decision.SPAM and reason not in SPAM_REASONS:
        raise DecisionRefused("U spamu vyberte prosím důvod.", 400)
    allowed, first_status = _TRANSITIONS[decision]
    claimed = session.execute(
        update(Report).where(Report.id == report_id, Report.status.in_(allowed))
        .values(status=first_status, status_changed_at=utcnow())
        .execution_options(synchronize_session=False)).rowcount
    if claimed != 1:
        current = session.scalar(select(Report.status).where(Report.id == report_id))
        if current is None:
            raise DecisionRefused("Hlášení neexistuje.", 404)
        if current == ReportStatus.SECOND_LOOK:
            raise DecisionRefused("Hlášení už čeká na druhý pohled.", 409)
        raise DecisionRefused("O tomto hlášení už rozhodl jiný moderátor.", 409)
    report = session.scalars(select(Report).where(Report.id == report_id)
                             .execution_options(populate_existing=True)).one()
    status = hand_over(session, settings, report) if decision == Decision.DELIVER else first_status
    session.add(ModerationDecision(report_id=report_id, moderator_id=moderator_id,
                                   decision=decision,
                                   reason=reason if decision == Decision.SPAM else None))
    record(session, f"moderator:{moderator_id}", "moderation.decided", f"report:{report_id}",
           decision=decision.value, status=status.value,
           **({"reason": reason} if decision == Decision.SPAM else {}))
    return Outcome(decision, status)
