"""Moderation decisions, each at most once per report, even with moderators racing.

The status moves with one conditional UPDATE (``WHERE status IN (open states)``) as the
first write of the transaction: on PostgreSQL the second writer blocks on the row lock
and then finds the condition false; on SQLite the database write lock serialises them
the same way. Exactly one decision wins, so a report is never handed over twice.
The moderator who asked for a second look cannot take the final decision: the UPDATE's
condition excludes them, using the ``ModerationDecision`` rows of the report.
A final decision deletes the moderators' sealed copies (``crypto.moderation_copy``); on
*not spam* the version passed on is first sealed for the report's readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from crypto.moderation_copy import (
    discard_report_copy,
    open_copy,
    report_copy,
    seal_redacted_version,
)
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


OWN_SECOND_LOOK = ("O druhý pohled jste požádali vy, proto o hlášení musí rozhodnout jiný "
                   "moderátor.")


def asked_for_second_look(moderator_id: int, report_id: str | None = None):
    """This moderator's second-look request for the report (the UPDATE's row, or given)."""
    query = select(ModerationDecision.id).where(
        ModerationDecision.moderator_id == moderator_id,
        ModerationDecision.decision == Decision.SECOND_LOOK)
    if report_id is None:
        return query.where(ModerationDecision.report_id == Report.id)
    return query.where(ModerationDecision.report_id == report_id)


class DecisionRefused(Exception):
    """The decision cannot be taken; ``message`` is Czech, ``status`` the HTTP code."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    status: ReportStatus


def close_copy(session: Session, report: Report, delivered: bool,
                moderation_key: bytes) -> None:
    """The moderators' copy does not outlive the decision; a delivered report keeps the
    version passed on, sealed so that only its readers (school, counsellor) can open it."""
    copy = report_copy(session, report.id)
    if delivered and copy is not None:
        seal_redacted_version(report, open_copy(copy, moderation_key))
    discard_report_copy(session, report.id)


def decide(session: Session, settings: Settings, report_id: str, moderator_id: int,
           decision: Decision, reason: str | None = None, *,
           moderation_key: bytes) -> Outcome:
    """Record one decision and move the report on; the caller commits (rolls back on
    ``DecisionRefused``). A report in second look is decided by anyone but the moderator
    who asked for it; the check is part of the same conditional UPDATE.
    ``moderation_key``: the deciding moderator's unlocked key (opens the sealed copy)."""
    if decision == Decision.SPAM and reason not in SPAM_REASONS:
        raise DecisionRefused("U spamu vyberte prosím důvod.", 400)
    allowed, first_status = _TRANSITIONS[decision]
    final = decision != Decision.SECOND_LOOK
    condition = Report.status.in_(allowed)
    if final:  # a second look means another moderator: not the one who asked for it
        condition = or_(Report.status == ReportStatus.PENDING_MODERATION,
                        (Report.status == ReportStatus.SECOND_LOOK)
                        & ~asked_for_second_look(moderator_id).exists())
    claimed = session.execute(
        update(Report).where(Report.id == report_id, condition)
        .values(status=first_status, status_changed_at=utcnow())
        .execution_options(synchronize_session=False)).rowcount
    if claimed != 1:
        current = session.scalar(select(Report.status).where(Report.id == report_id))
        if current is None:
            raise DecisionRefused("Hlášení neexistuje.", 404)
        if current == ReportStatus.SECOND_LOOK and final:
            raise DecisionRefused(OWN_SECOND_LOOK, 403)
        if current == ReportStatus.SECOND_LOOK:
            raise DecisionRefused("Hlášení už čeká na druhý pohled.", 409)
        raise DecisionRefused("O tomto hlášení už rozhodl jiný moderátor.", 409)
    if final and session.scalar(select(asked_for_second_look(moderator_id, report_id)
                                       .exists())):
        # Only when the same moderator raced their own second look on PostgreSQL: the row
        # lock is ours now and this fresh snapshot sees the committed request. The status
        # was written; the caller rolls back on DecisionRefused.
        raise DecisionRefused(OWN_SECOND_LOOK, 403)
    report = session.scalars(select(Report).where(Report.id == report_id)
                             .execution_options(populate_existing=True)).one()
    if final:
        close_copy(session, report, decision == Decision.DELIVER, moderation_key)
    status = hand_over(session, settings, report) if decision == Decision.DELIVER else first_status
    session.add(ModerationDecision(report_id=report_id, moderator_id=moderator_id,
                                   decision=decision,
                                   reason=reason if decision == Decision.SPAM else None))
    record(session, f"moderator:{moderator_id}", "moderation.decided", f"report:{report_id}",
           decision=decision.value, status=status.value,
           **({"reason": reason} if decision == Decision.SPAM else {}))
    return Outcome(decision, status)
