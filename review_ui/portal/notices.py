"""A member's own mail settings: whether to be told when a reporter writes again.

New reports are always announced (a school must not miss one); the follow-up notice
(``delivery.followup_notice``) is on by default and each reader can turn it off for
themselves. Analysts are never mailed about reports, so they have no such setting.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from models.audit import record
from ozvise.db import db
from review_ui.auth import MEMBER_READERS, require
from review_ui.portal import bp


@bp.get("/upozorneni")
@require(*MEMBER_READERS)
def notices():
    return render_template("portal/notices.html", member=current_user.account)


@bp.post("/upozorneni")
@require(*MEMBER_READERS)
def save_notices():
    member = current_user.account
    member.followup_notices = request.form.get("followup_notices") == "1"
    record(db(), current_user.get_id(), "member.notices_changed", f"member:{member.id}",
           followup_notices=member.followup_notices)
    db().commit()
    flash("Upozornění na nové zprávy oznamovatelů jsou zapnutá." if member.followup_notices
          else "Upozornění na nové zprávy oznamovatelů jsou vypnutá.", "ok")
    return redirect(url_for("portal.notices"), 303)
