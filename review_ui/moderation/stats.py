"""Platform-wide moderation statistics: volume, spam share, speed, missed redactions.

Counts only: nothing here reads report text. Days are calendar days in Czech time.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Decision, MissedRedaction, ModerationDecision, Report, ReportStatus
from ozvise.localtime import cs_datetime
from review_ui.moderation.decisions import OPEN_STATUSES

PRAGUE = ZoneInfo("Europe/Prague")
WINDOWS = (7, 30, 90)
FINAL = (Decision.DELIVER, Decision.SPAM)


@dataclass
class Day:
    day: date
    received: int = 0
    passed: int = 0   # not spam, handed over
    spam: int = 0
    waiting: int = 0


@dataclass
class Stats:
    days: list[Day]
    received: int
    decided: int
    spam: int
    median_minutes: float | None
    marks: int
    marks_by_label: dict[str, int] = field(default_factory=dict)

    @property
    def spam_share(self) -> float | None:
        return self.spam / self.decided if self.decided else None

    @property
    def marks_per_100(self) -> float | None:
        return 100 * self.marks / self.received if self.received else None


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes, PostgreSQL aware ones."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def local_cs(moment: datetime) -> str:
    """A stored moment as Czech local time: ``21. 11. 2026 22:20``."""
    return cs_datetime(moment)  # the one date format (ozvise.localtime)


def compute(session: Session, now: datetime, days: int = 30) -> Stats:
    """Statistics of the reports received in the last ``days`` calendar days."""
    today = _aware(now).astimezone(PRAGUE).date()
    first = today - timedelta(days=days - 1)
    start = datetime.combine(first, time(), PRAGUE).astimezone(UTC)
    by_day = {first + timedelta(days=i): Day(first + timedelta(days=i)) for i in range(days)}

    rows = session.execute(select(Report.created_at, Report.status)
                           .where(Report.created_at >= start)).all()
    for created_at, status in rows:
        day = by_day.get(_aware(created_at).astimezone(PRAGUE).date())
        if day is None:
            continue
        day.received += 1
        if status == ReportStatus.SPAM:
            day.spam += 1
        elif status in OPEN_STATUSES:
            day.waiting += 1
        else:
            day.passed += 1

    first_final: dict[str, tuple[datetime, Decision, datetime]] = {}
    decisions = session.execute(
        select(ModerationDecision.report_id, ModerationDecision.created_at,
               ModerationDecision.decision, Report.created_at)
        .join(Report, Report.id == ModerationDecision.report_id)
        .where(Report.created_at >= start, ModerationDecision.decision.in_(FINAL))
        .order_by(ModerationDecision.created_at)).all()
    for report_id, decided_at, decision, created_at in decisions:
        first_final.setdefault(report_id, (_aware(decided_at), decision, _aware(created_at)))
    waits = [(decided - created).total_seconds() / 60
             for decided, _decision, created in first_final.values()]

    marks_by_label = dict(session.execute(
        select(MissedRedaction.label, func.count(MissedRedaction.id))
        .join(Report, Report.id == MissedRedaction.report_id)
        .where(Report.created_at >= start).group_by(MissedRedaction.label)).all())
    return Stats(
        days=list(by_day.values()), received=len(rows), decided=len(first_final),
        spam=sum(1 for _d, decision, _c in first_final.values() if decision == Decision.SPAM),
        median_minutes=statistics.median(waits) if waits else None,
        marks=sum(marks_by_label.values()), marks_by_label=marks_by_label)


def duration_cs(minutes: float | None) -> str:
    """``12 min``, ``3,5 h``, ``2,1 dne`` – short Czech durations for the figures."""
    if minutes is None:
        return "–"
    if minutes < 90:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h".replace(".", ",")
    return f"{minutes / 1440:.1f} dne".replace(".", ",")


def percent_cs(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"
