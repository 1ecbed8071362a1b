"""Queue, review page, decisions, marking and statistics: moderators only.

Everything shown is redacted text (opened from its sealed copy with the moderation key
unlocked at login, ``review_ui.moderation.unlocked``), the school's public register data
and counts; every page view and every action is an audit event with ids and counts only.
"""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from models import Decision, Report, ReportStatus, School, utcnow
from models.audit import record
from ozvise.context import settings
from ozvise.db import db
from review_ui.auth import require
from review_ui.moderation import bp
from review_ui.moderation.chart import daily_chart
from review_ui.moderation.decisions import OPEN_STATUSES, SPAM_REASONS, DecisionRefused, decide
from review_ui.moderation.marking import NEW_PREFIX, known_placeholders, mark_phrase
from review_ui.moderation.queue_order import QUEUE_ORDER, ahead_of, in_queue_of, own_second_looks
from review_ui.moderation.stats import WINDOWS, compute, duration_cs, local_cs, percent_cs
from review_ui.moderation.text import (
    LABEL_CHOICES,
    LABEL_NAMES,
    PhraseError,
    placeholders_in,
    segments,
)
from review_ui.moderation.unlocked import moderation_key, open_report_copy

QUEUE_LIMIT = 200
_DECISIONS = {"deliver": Decision.DELIVER, "spam": Decision.SPAM,
              "second_look": Decision.SECOND_LOOK}
_DONE = {
    Decision.DELIVER: "Hlášení bylo předáno škole.",
    Decision.SPAM: "Hlášení bylo označeno jako spam.",
    Decision.SECOND_LOOK: "Hlášení čeká na druhý pohled jiného moderátora.",
}


def _actor() -> str:
    return current_user.get_id()


def _plural(n: int, one: str, few: str, many: str) -> str:
    return one if n == 1 else few if 2 <= n <= 4 else many


def age_cs(created_at: datetime, now: datetime) -> str:
    """How long a report has waited, in Czech: ``5 minut``, ``3 hodiny``, ``2 dny``."""
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=now.tzinfo)
    minutes = max(int((now - created_at).total_seconds() // 60), 0)
    if minutes < 1:
        return "méně než minutu"
    if minutes < 60:
        return f"{minutes} {_plural(minutes, 'minuta', 'minuty', 'minut')}"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} {_plural(hours, 'hodina', 'hodiny', 'hodin')}"
    days = hours // 24
    return f"{days} {_plural(days, 'den', 'dny', 'dní')}"


def _queue_query():
    """This moderator's queue (``queue_order``): urgent, then second looks, then oldest."""
    return (select(Report, School.name).join(School, School.id == Report.school_id)
            .where(in_queue_of(current_user.account.id)).order_by(*QUEUE_ORDER))


def _waiting_count() -> int:
    return db().scalar(select(func.count(Report.id)).where(
        in_queue_of(current_user.account.id)))


@bp.get("/")
@require("moderator")
def queue():
    rows = db().execute(_queue_query().limit(QUEUE_LIMIT)).all()
    waiting = _waiting_count()
    for_others = db().scalar(select(func.count(Report.id)).where(
        own_second_looks(current_user.account.id)))
    record(db(), _actor(), "moderation.queue_viewed", shown=len(rows), waiting=waiting)
    db().commit()
    now = utcnow()
    items = [{"report": report, "school": school, "age": age_cs(report.created_at, now)}
             for report, school in rows]
    return render_template("moderation/queue.html", items=items, waiting=waiting,
                           waits=_plural(waiting, "čeká", "čekají", "čeká"), limit=QUEUE_LIMIT,
                           for_others=for_others)


def _open_report(report_id: str) -> Report | None:
    report = db().get(Report, report_id)
    if report is None:
        abort(404)
    return report if report.status in OPEN_STATUSES else None


def _render_review(report: Report, *, error: str | None = None, phrase: str = "",
                   target: str = "", status: int = 200):
    text = open_report_copy(db(), report.id, moderation_key())
    if text is None:  # decided meanwhile (the copy goes with the decision)
        return _gone()
    school = db().get(School, report.school_id)
    in_text = placeholders_in(text)
    record(db(), _actor(), "moderation.report_viewed", f"report:{report.id}",
           placeholders=len(in_text))
    db().commit()
    position = db().scalar(select(func.count(Report.id)).where(
        in_queue_of(current_user.account.id), ahead_of(report)))
    return render_template(
        "moderation/review.html", report=report, school=school,
        segments=segments(text), placeholders=in_text,
        known=known_placeholders(report, text), label_choices=LABEL_CHOICES, new_prefix=NEW_PREFIX,
        spam_reasons=SPAM_REASONS, error=error, phrase=phrase, target=target,
        waiting=_waiting_count(), position=(position or 0) + 1,
        received=local_cs(report.created_at), age=age_cs(report.created_at, utcnow())), status


def _gone() -> tuple[str, int]:
    return render_template("moderation/gone.html", waiting=_waiting_count()), 409


@bp.get("/hlaseni/<report_id>")
@require("moderator")
def review(report_id: str):
    report = _open_report(report_id)
    if report is None:
        return _gone()
    return _render_review(report)


@bp.get("/dalsi")
@require("moderator")
def next_report() -> Response:
    """The first report of this moderator's queue (one key from the queue)."""
    first = db().execute(_queue_query().limit(1)).first()
    if first is None:  # the queue page says it is empty
        return redirect(url_for("moderation.queue"))
    return redirect(url_for("moderation.review", report_id=first[0].id))


@bp.post("/hlaseni/<report_id>/skryt")
@require("moderator")
def mark(report_id: str):
    report = _open_report(report_id)
    if report is None:
        return _gone()
    phrase = request.form.get("phrase") or ""
    target = request.form.get("target") or f"{NEW_PREFIX}PERSON"
    try:
        outcome = mark_phrase(db(), report, current_user.account.id, phrase, target,
                              moderation_key())
    except PhraseError as exc:
        db().rollback()
        report = db().get(Report, report_id)
        return _render_review(report, error=exc.message, phrase=phrase[:200], target=target,
                              status=400)
    db().commit()
    times = _plural(outcome.occurrences, "výskyt", "výskyty", "výskytů")
    flash(f"Skryto: {outcome.occurrences} {times} nahrazeno údajem {outcome.placeholder}.", "ok")
    return redirect(url_for("moderation.review", report_id=report_id))


@bp.post("/hlaseni/<report_id>/rozhodnuti")
@require("moderator")
def decision(report_id: str):
    choice = _DECISIONS.get(request.form.get("decision") or "")
    if choice is None:
        abort(400)
    reason = request.form.get("reason") or None
    try:
        outcome = decide(db(), settings(), report_id, current_user.account.id, choice, reason,
                         moderation_key=moderation_key())
    except DecisionRefused as exc:
        db().rollback()
        if exc.status == 404:
            abort(404)
        if exc.status in (400, 403):
            report = _open_report(report_id)
            if report is None:
                return _gone()
            return _render_review(report, error=exc.message, status=exc.status)
        flash(exc.message, "error")
        return _gone()
    db().commit()
    message = _DONE[outcome.decision]
    if outcome.status == ReportStatus.AWAITING_PDF:
        message += " Škola nemá portál, dostane ho jako PDF chráněné heslem."
    flash(message, "ok")
    return redirect(url_for("moderation.next_report"))


@bp.get("/statistiky")
@require("moderator")
def stats():
    days = request.args.get("dny", default=30, type=int)
    if days not in WINDOWS:
        days = 30
    figures = compute(db(), utcnow(), days)
    record(db(), _actor(), "moderation.stats_viewed", days=days)
    db().commit()
    return render_template("moderation/stats.html", figures=figures, chart=daily_chart(
        figures.days), days=days, windows=WINDOWS, duration_cs=duration_cs,
        percent_cs=percent_cs, label_names=LABEL_NAMES, waiting=_waiting_count())
