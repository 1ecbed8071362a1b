"""The school's reports: the list with filters, the decrypted report page, notes, status.

Every decryption is an audit event (ids and counts only). Analysts never reach these
pages: they see statistics, which need no decryption.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import select

from crypto.envelope import open_report
from crypto.moderation_copy import open_redacted_version
from models import Report, ReportStatus, SchoolMember, utcnow
from models.audit import record
from ozvise.db import db
from review_ui.auth import ALL_MEMBERS, MEMBER_READERS, require
from review_ui.confirmation import ask, confirmed
from review_ui.portal import bp
from review_ui.portal.handlers import readers
from review_ui.portal.notes import MAX_NOTE_CHARS, add_note, counsellor_names, open_notes
from review_ui.portal.report_list import (
    NOBODY,
    SORTS,
    ListQuery,
    build_list,
    unread_followups,
)
from review_ui.school_session import (
    VISIBLE_TO_SCHOOL,
    own_report,
    school_data_key,
    school_private_key,
)
from review_ui.staff_confirmations import closing_confirmation

STATUS_LABELS = {ReportStatus.DELIVERED: "Nové", ReportStatus.IN_PROGRESS: "Řeší se",
                 ReportStatus.RESOLVED: "Vyřešeno"}
#: which statuses a member may move a report to, from each status
TRANSITIONS = {ReportStatus.DELIVERED: (ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED),
               ReportStatus.IN_PROGRESS: (ReportStatus.RESOLVED,),
               ReportStatus.RESOLVED: (ReportStatus.IN_PROGRESS,)}
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\]")


def highlight_placeholders(text: str) -> Markup:
    """Escape the redacted text and mark each placeholder (``[OSOBA 1]``) for the eye."""
    out, last = [], 0
    for match in _PLACEHOLDER.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(Markup('<mark class="placeholder">{}</mark>').format(match.group(0)))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@bp.route("/", methods=["GET", "POST"])
@require(*ALL_MEMBERS)
def reports():
    """The list, decrypted for this request only (``report_list``); analysts see counts.

    The filter form is posted, so that a searched pupil's name never lands in a URL (the
    browser's history on a shared staff computer); filters without a search also work as
    plain links."""
    member: SchoolMember = current_user.account
    if member.role.value not in MEMBER_READERS:
        return redirect(url_for("portal.stats"))
    if request.method == "POST":
        query = ListQuery.from_args(request.form)
    else:  # a search arrives only by POST: a name typed in a URL is not taken
        query = replace(ListQuery.from_args(request.args), search="")
    listing = build_list(db(), member.school_id, VISIBLE_TO_SCHOOL, query, school_private_key(),
                         member.school_key_id or -1, readers(db(), member.school_id))
    record(db(), current_user.get_id(), "reports.list_decrypted", f"school:{member.school_id}",
           decrypted=listing.decrypted, shown=len(listing.rows), total=listing.total)
    db().commit()
    return render_template("portal/reports.html", listing=listing, query=query, member=member,
                           labels=STATUS_LABELS, sorts=SORTS, nobody=NOBODY)


@bp.get("/hlaseni/<report_id>")
@require(*MEMBER_READERS)
def report(report_id: str):
    return _report_page(own_report(report_id))


def _report_page(report: Report, note_errors: dict[str, str] | None = None,
                 note_draft: str = "", status: int = 200):
    """The decrypted report page; a refused note comes back next to its field, kept."""
    data_key = school_data_key(report)
    opened = open_report(report, data_key)
    redacted_version = open_redacted_version(report, data_key)
    notes = open_notes(db(), report, data_key)
    del data_key
    if report.read_by_school_at is None:
        report.read_by_school_at = utcnow()
    record(db(), current_user.get_id(), "report.decrypted", f"report:{report.id}",
           school_id=report.school_id, notes=len(notes), redactions=len(report.redactions))
    db().commit()
    authors = {m.id: m.name for m in db().scalars(select(SchoolMember).where(
        SchoolMember.school_id == report.school_id))}
    counsellors = counsellor_names(db(), notes)
    new_messages = unread_followups(db(), [report.id]).get(report.id, 0)  # before the thread opens
    return render_template("portal/report.html", report=report, opened=opened, notes=notes,
                           authors=authors, counsellors=counsellors, labels=STATUS_LABELS,
                           new_messages=new_messages,
                           next_statuses=TRANSITIONS.get(report.status, ()),
                           redacted=(highlight_placeholders(redacted_version)
                                     if redacted_version is not None else None),
                           max_note=MAX_NOTE_CHARS, errors=note_errors or {},
                           note_draft=note_draft), status


def _bad_request(report: Report, message: str):
    return render_template("portal/message.html", title="Nelze uložit", message=message,
                           link=url_for("portal.report", report_id=report.id)), 400


@bp.post("/hlaseni/<report_id>/poznamka")
@require(*MEMBER_READERS)
def add_report_note(report_id: str):
    report = own_report(report_id)
    body = (request.form.get("body") or "").strip()
    if not body or len(body) > MAX_NOTE_CHARS:
        return _report_page(report, {"body": f"Poznámka musí mít 1 až {MAX_NOTE_CHARS} znaků."},
                            body[:MAX_NOTE_CHARS], 400)
    note = add_note(db(), report, school_data_key(report), body,
                    member_id=current_user.account.id)
    record(db(), current_user.get_id(), "note.added", f"report:{report.id}", note_id=note.id,
           length=len(body))
    db().commit()
    flash("Poznámka je uložená (šifrovaně, vidí ji jen vaše škola).", "ok")
    return redirect(url_for("portal.report", report_id=report.id) + "#poznamky", 303)


@bp.post("/hlaseni/<report_id>/stav")
@require(*MEMBER_READERS)
def change_status(report_id: str):
    report = own_report(report_id)
    try:
        target = ReportStatus(request.form.get("status", ""))
    except ValueError:
        target = None
    if target not in TRANSITIONS.get(report.status, ()):
        return _bad_request(report, "Tuto změnu stavu nelze provést (hlášení už mezitím "
                                    "mohl změnit kolega). Načtěte hlášení znovu.")
    if target == ReportStatus.RESOLVED and not confirmed():
        return ask(closing_confirmation(report))
    old, report.status = report.status, target
    report.status_changed_at = utcnow()
    report.resolved_at = utcnow() if target == ReportStatus.RESOLVED else None
    record(db(), current_user.get_id(), "report.status_changed", f"report:{report.id}",
           old=old.value, new=target.value)
    db().commit()
    flash(f"Stav změněn na „{STATUS_LABELS[target]}“.", "ok")
    return redirect(url_for("portal.report", report_id=report.id), 303)
