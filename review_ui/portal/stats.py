"""School statistics from metadata only (dates and statuses): no decryption, so analysts
see them too. Figures: reports per month (last 12 months), by status, time to resolution.
Reports anonymised by retention keep counting, by the status they had before.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import render_template
from flask_login import current_user
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from models import Report, ReportStatus
from models.audit import record
from ozvise.db import db
from review_ui.auth import ALL_MEMBERS, require
from review_ui.portal import bp
from review_ui.portal.chart import bar_chart
from review_ui.portal.reports import STATUS_LABELS
from review_ui.school_session import VISIBLE_TO_SCHOOL

MONTHS = 12
MONTH_NAMES = ("led", "úno", "bře", "dub", "kvě", "čvn", "čvc", "srp", "zář", "říj", "lis", "pro")


@dataclass(frozen=True)
class SchoolStats:
    months: list[tuple[str, int]]     # ("led 2026", 3), oldest first
    by_status: dict[ReportStatus, int]
    total: int
    resolved: int
    median_days: float | None
    mean_days: float | None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _month_keys(now: datetime) -> list[tuple[int, int]]:
    keys, year, month = [], now.year, now.month
    for _ in range(MONTHS):
        keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def school_stats(session: Session, school_id: int, now: datetime | None = None) -> SchoolStats:
    now = now or datetime.now(UTC)
    # An anonymised report (retention) counts by the status it had before, if the school
    # saw it then; spam and reports never delivered to the portal do not count.
    rows = session.execute(
        select(Report.created_at, Report.status, Report.status_before_anonymisation,
               Report.resolved_at)
        .where(Report.school_id == school_id,
               or_(Report.status.in_(VISIBLE_TO_SCHOOL),
                   and_(Report.status == ReportStatus.ANONYMISED,
                        Report.status_before_anonymisation.in_(VISIBLE_TO_SCHOOL))))).all()
    per_month = dict.fromkeys(_month_keys(now), 0)
    by_status = dict.fromkeys(VISIBLE_TO_SCHOOL, 0)
    durations = []
    for created, current, before, resolved in rows:
        status = before if current == ReportStatus.ANONYMISED else current
        created = _aware(created)
        key = (created.year, created.month)
        if key in per_month:
            per_month[key] += 1
        by_status[status] += 1
        if status == ReportStatus.RESOLVED and resolved is not None:
            durations.append((_aware(resolved) - created).total_seconds() / 86400)
    months = [(f"{MONTH_NAMES[m - 1]} {y}", n) for (y, m), n in per_month.items()]
    return SchoolStats(
        months=months, by_status=by_status, total=len(rows), resolved=len(durations),
        median_days=round(statistics.median(durations), 1) if durations else None,
        mean_days=round(statistics.fmean(durations), 1) if durations else None)


@bp.get("/statistiky")
@require(*ALL_MEMBERS)
def stats():
    member = current_user.account
    figures = school_stats(db(), member.school_id)
    record(db(), current_user.get_id(), "stats.viewed", f"school:{member.school_id}",
           reports=figures.total)
    db().commit()
    chart = bar_chart([label.split()[0] for label, _ in figures.months],
                      [n for _, n in figures.months], "Hlášení za posledních 12 měsíců")
    return render_template("portal/stats.html", figures=figures, chart=chart,
                           labels=STATUS_LABELS, member=member)
