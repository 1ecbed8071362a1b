"""Moderation of reporters' follow-up messages (/moderace/zpravy), when follow-ups are moderated.

The moderator sees only the detector's pseudonymised copy, sealed to the moderation key
and opened with the key unlocked at login (``crypto.moderation_copy``), never the message
itself, and decides: pass it to the school, or withhold it (spam).
The school reads the original, decrypted with its own key, once the message is passed.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from delivery.followup_notice import notify_followup
from models import Message, Report, School
from models.audit import record
from ozvise.context import settings
from ozvise.db import db
from review_ui.auth import require
from review_ui.moderation.unlocked import moderation_key, open_message_copies
from review_ui.thread import awaiting_moderation, decide_followup

bp = Blueprint("followups", __name__)


@bp.get("/moderace/zpravy")
@require("moderator")
def queue():
    private_key = moderation_key()
    messages = awaiting_moderation(db())
    texts = open_message_copies(db(), messages, private_key)
    schools = dict(db().execute(select(Report.id, School.name).join(
        School, School.id == Report.school_id).where(
        Report.id.in_({m.report_id for m in messages}))).all()) if messages else {}
    record(db(), current_user.get_id(), "followups.viewed", count=len(messages))
    db().commit()
    return render_template("conversation/followups.html", messages=messages, schools=schools,
                           texts=texts)


@bp.post("/moderace/zpravy/<int:message_id>")
@require("moderator")
def decide(message_id: int):
    decision = request.form.get("decision")
    if decision not in ("pass", "withhold"):
        abort(400)
    message = db().get(Message, message_id)
    if message is None:
        abort(404)
    if not decide_followup(db(), message_id, decision == "pass"):
        db().rollback()
        flash("O této zprávě už rozhodl jiný moderátor.", "error")
        return redirect(url_for("followups.queue"))
    if decision == "pass":
        notify_followup(db(), settings(), db().get(Report, message.report_id))
    record(db(), current_user.get_id(), "followup.moderated", f"report:{message.report_id}",
           message_id=message_id, decision=decision)
    db().commit()
    flash("Zpráva je předaná škole." if decision == "pass" else "Zpráva nebyla předána.", "ok")
    return redirect(url_for("followups.queue"))
