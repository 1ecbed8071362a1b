"""Which reports a moderator's queue shows, and in which order.

A report sent for a second look must reach *another* moderator: it leaves the queue
(and "Otevřít první") of the moderator who asked for it, who could not decide it anyway
(``decisions.decide`` refuses them), and it comes first for everyone else, after the
urgent ones (a risk to life or health is never queued behind anything). Within each
rank, the oldest first.
"""

from __future__ import annotations

from sqlalchemy import case, false

from models import Report, ReportStatus
from review_ui.moderation.decisions import OPEN_STATUSES, asked_for_second_look

_IS_SECOND_LOOK = Report.status == ReportStatus.SECOND_LOOK
#: 0 for a second look, so that it sorts first within its urgency
_SECOND_LOOK_RANK = case((_IS_SECOND_LOOK, 0), else_=1)
QUEUE_ORDER = (Report.urgent.desc(), _SECOND_LOOK_RANK, Report.created_at, Report.id)


def in_queue_of(moderator_id: int):
    """Open reports, without the second looks this moderator asked for."""
    return Report.status.in_(OPEN_STATUSES) & ~(
        _IS_SECOND_LOOK & asked_for_second_look(moderator_id).exists())


def own_second_looks(moderator_id: int):
    """The second looks this moderator asked for that still wait for someone else."""
    return _IS_SECOND_LOOK & asked_for_second_look(moderator_id).exists()


def ahead_of(report: Report):
    """Reports before ``report`` in ``QUEUE_ORDER`` (ties by id are ignored)."""
    urgent = bool(report.urgent)
    same_urgency = Report.urgent.is_(urgent)
    more_urgent = false() if urgent else Report.urgent.is_(True)
    if report.status == ReportStatus.SECOND_LOOK:
        higher, same_rank = more_urgent, same_urgency & _IS_SECOND_LOOK
    else:
        higher = more_urgent | (same_urgency & _IS_SECOND_LOOK)
        same_rank = same_urgency & ~_IS_SECOND_LOOK
    return higher | (same_rank & (Report.created_at < report.created_at))
