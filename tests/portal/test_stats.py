"""School statistics: figures from dates and statuses only, an SVG chart, analysts admitted."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from models import AuditEvent, Report, ReportStatus
from review_ui.portal.chart import bar_chart
from review_ui.portal.stats import school_stats
from tests.factories import delivered_report, login_member, register_school


def test_figures_per_month_status_and_resolution(client, session, settings):
    reg = register_school(session)
    now = datetime(2026, 6, 15, tzinfo=UTC)
    made = [delivered_report(client, session, settings, reg.school.id, f"Hlášení {i}.")[0]
            for i in range(4)]
    plan = [(now - timedelta(days=2), ReportStatus.RESOLVED, 2),
            (now - timedelta(days=40), ReportStatus.RESOLVED, 6),
            (now - timedelta(days=40), ReportStatus.IN_PROGRESS, None),
            (now - timedelta(days=400), ReportStatus.DELIVERED, None)]  # older than 12 months
    for report, (created, status, days) in zip(made, plan, strict=True):
        row = session.get(Report, report.id)
        row.created_at, row.status = created, status
        row.resolved_at = created + timedelta(days=days) if days else None
    session.commit()
    figures = school_stats(session, reg.school.id, now=now)
    assert figures.total == 4 and figures.resolved == 2
    assert figures.median_days == 4.0 and figures.mean_days == 4.0
    assert figures.by_status == {ReportStatus.DELIVERED: 1, ReportStatus.IN_PROGRESS: 1,
                                 ReportStatus.RESOLVED: 2}
    assert figures.months[-1] == ("čvn 2026", 1) and figures.months[-2] == ("kvě 2026", 2)
    assert sum(n for _, n in figures.months) == 3 and len(figures.months) == 12


def test_analyst_sees_chart_without_any_decryption(client, session, settings):
    reg = register_school(session)
    delivered_report(client, session, settings, reg.school.id, "Něco se děje.", name="Ota Nový")
    analyst, password = reg.members["analyst"]
    login_member(client, analyst, password)
    assert client.get("/skola/").headers["Location"].endswith("/skola/statistiky")
    page = client.get("/skola/statistiky").get_data(as_text=True)
    assert "<svg" in page and 'role="img"' in page and "<rect" in page
    assert 'id="total">1<' in page and "Ota Nový" not in page
    actions = set(session.scalars(select(AuditEvent.action)))
    assert "stats.viewed" in actions and "report.decrypted" not in actions


def test_chart_escapes_labels_and_scales_bars():
    svg = str(bar_chart(["<b>", "b"], [2, 4], "Titulek & <x>"))
    assert "&lt;b&gt;" in svg and "<b>" not in svg
    assert "&lt;x&gt;" in svg and "style=" not in svg
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert heights[1] == 2 * heights[0]
