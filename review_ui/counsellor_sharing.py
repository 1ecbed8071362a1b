"""The school's side of counselling: share one report with a counsellor, revoke, read advice.

Sharing needs the report's data key, which only the member's unlocked school key opens
(``review_ui.school_session.school_data_key``); it is wrapped to the counsellor's public
key, so the counsellor reads that one report with their own password and nothing else.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user

from models import Counsellor, CounsellorShare, Report
from models.audit import record
from ozvise.db import db
from review_ui.auth import MEMBER_READERS, require
from review_ui.confirmation import ask, confirmed
from review_ui.counsellor_shares import (
    ShareRefused,
    active_counsellors,
    active_shares,
    can_share,
    revoke_share,
    share_report,
)
from review_ui.school_session import current_member, own_report, school_data_key
from review_ui.staff_confirmations import revoking_confirmation, sharing_confirmation

bp = Blueprint("counsellor_sharing", __name__)


def _back_url(report: Report) -> str:
    target = ("portal.report" if request.form.get("return_to") == "report"
              else "conversation.school_page")
    return url_for(target, report_id=report.id, _anchor="poradci")


def _back(report: Report):
    return redirect(_back_url(report))


@bp.post("/skola/hlaseni/<report_id>/poradci")
@require(*MEMBER_READERS)
def share(report_id: str):
    report = own_report(report_id)
    try:
        counsellor_id = int(request.form.get("counsellor_id") or "")
    except ValueError:
        counsellor_id = 0
    counsellor = db().get(Counsellor, counsellor_id) if counsellor_id else None
    if counsellor is not None and counsellor.active and not confirmed():
        return ask(sharing_confirmation(report, counsellor, _back_url(report)))
    try:
        created = share_report(db(), report, school_data_key(report), counsellor_id,
                               current_member().id)
    except ShareRefused as exc:
        db().rollback()
        flash(exc.message, "error")
        return _back(report)
    record(db(), current_user.get_id(), "report.shared", f"report:{report.id}",
           counsellor_id=created.counsellor_id, share_id=created.id)
    db().commit()
    flash("Hlášení je sdílené s poradcem. Sdílení můžete kdykoli zrušit.", "ok")
    return _back(report)


@bp.post("/skola/hlaseni/<report_id>/poradci/<int:share_id>/zrusit")
@require(*MEMBER_READERS)
def revoke(report_id: str, share_id: int):
    report = own_report(report_id)
    share = db().get(CounsellorShare, share_id)
    if share is None or share.report_id != report.id:
        abort(404)
    if share.revoked_at is None and not confirmed():
        return ask(revoking_confirmation(db().get(Counsellor, share.counsellor_id),
                                         _back_url(report)))
    if share.revoked_at is None:
        revoke_share(db(), report, share)
        record(db(), current_user.get_id(), "report.share_revoked", f"report:{report.id}",
               counsellor_id=share.counsellor_id, share_id=share.id)
        db().commit()
    flash("Sdílení s poradcem je zrušené; poradce hlášení už neotevře.", "ok")
    return _back(report)


def counsellor_panel(report: Report) -> dict[str, object]:
    """Template helper for the school's report page: active shares and whom to ask.

    The counsellors' advice is a ``Note``: the portal's notes list shows it.
    """
    if not can_share(db(), report):
        return {"available": False}
    shares = active_shares(db(), report)
    shared_ids = {c.id for _s, c in shares}
    return {"available": True, "shares": shares,
            "counsellors": [c for c in active_counsellors(db()) if c.id not in shared_ids]}


@bp.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"counsellor_panel": counsellor_panel}
