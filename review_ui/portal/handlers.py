"""Who handles a report: one of the school's readers takes it, hands it on, or frees it.

The list shows and filters by it, so that a school with many reports sees at a glance
which are nobody's. Only readers (admins and handlers) can handle a report; analysts
never read one. Every change is an audit event with ids only.
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Report, SchoolMember
from models.audit import record
from ozvise.db import db
from review_ui.auth import MEMBER_READERS, require
from review_ui.portal import bp
from review_ui.school_session import own_report


def readers(session: Session, school_id: int) -> dict[int, str]:
    """The school's active members who can handle a report: id -> name, by name."""
    members = session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school_id, SchoolMember.active.is_(True),
        SchoolMember.role.in_(MEMBER_READERS)).order_by(SchoolMember.name))
    return {m.id: m.name for m in members}


def handler_panel(report: Report) -> dict[str, object]:
    """Template helper for the report page: the current handler and whom to choose."""
    choices = readers(db(), report.school_id)
    return {"current": report.handler_member_id, "choices": choices,
            "me": current_user.account.id}


@bp.post("/hlaseni/<report_id>/resitel")
@require(*MEMBER_READERS)
def set_handler(report_id: str):
    report = own_report(report_id)
    raw = request.form.get("member_id", "")
    choices = readers(db(), report.school_id)
    member_id = int(raw) if raw.isdigit() else None
    if raw and member_id not in choices:
        flash("Tento člověk hlášení řešit nemůže (není řešitel ani správce vaší školy).",
              "error")
        return redirect(url_for("portal.report", report_id=report.id, _anchor="resitel"), 303)
    old, report.handler_member_id = report.handler_member_id, member_id
    record(db(), current_user.get_id(), "report.handler_set", f"report:{report.id}",
           old=old, new=member_id)
    db().commit()
    flash(f"Hlášení řeší {choices[member_id]}." if member_id else "Hlášení teď nikdo neřeší.",
          "ok")
    return redirect(url_for("portal.report", report_id=report.id, _anchor="resitel"), 303)


@bp.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"handler_panel": handler_panel}
