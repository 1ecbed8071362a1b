"""The logged-in school member's view of reports: ownership and the report's data key.

Shared by every surface a school member uses (portal, conversation, counsellor sharing),
so the rules "which reports does this school see" and "where does the data key come
from" live in one place.
"""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from crypto.envelope import find_key, unwrap_from
from models import KeyRecipient, Report, ReportStatus, SchoolMember
from ozvise.db import db
from review_ui.auth import unlocked_key_or_relogin

#: Reports a school sees: delivered and later (never before moderation).
VISIBLE_TO_SCHOOL = (ReportStatus.DELIVERED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED)


def current_member() -> SchoolMember:
    """The logged-in school member (call only behind ``require(...)`` with member roles)."""
    return current_user.account


def own_report(report_id: str) -> Report:
    """A report of the member's school that the school may see, else 404 (never 403:
    a foreign report's existence is not confirmed)."""
    report = db().get(Report, report_id)
    if (report is None or report.school_id != current_member().school_id
            or report.status not in VISIBLE_TO_SCHOOL):
        abort(404)
    return report


def school_private_key() -> bytes:
    """The school key unlocked in this session; if it was forgotten (restart, idle
    timeout), the member is sent to log in again (and back here) rather than shown an error.
    """
    return unlocked_key_or_relogin("portal.login", next=request.path)


def school_data_key(report: Report) -> bytes:
    """The report's data key, unwrapped with the school key unlocked in this session.

    If the unlocked key was forgotten (restart, idle timeout), the member is sent to log
    in again rather than shown an error.
    """
    private_key = school_private_key()
    wrapped = find_key(report, KeyRecipient.SCHOOL, current_member().school_key_id or -1)
    if wrapped is None:
        abort(404)
    return unwrap_from(report, wrapped, private_key)
