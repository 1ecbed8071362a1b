"""Web pages of the anonymous conversation: the school's side and the reporter's side.

The school reads and writes with its unlocked private key (``review_ui.auth``). The
reporter is authorised by the receipt alone: when the intake status page is rendered for
a presented receipt, ``reporter_conversation`` re-derives the reporter's private key from
it and keeps it in the server's in-memory key ring for the session. The cookie holds
only a random handle; the receipt is never stored, put in a URL or a cookie.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user

from crypto.hpke import public_key_of
from crypto.messages import REPORTER, SCHOOL
from intake.status import status_text
from intake.uploads import received, sanitise_all
from intake.validation import InvalidSubmission
from models import MessageAuthor, Report
from models.audit import record
from ozvise.context import settings
from ozvise.db import db
from ozvise.extensions import limiter
from ozvise.uploads import accepts_files
from review_ui.auth import MEMBER_READERS, keyring, require
from review_ui.school_session import current_member, own_report, school_private_key
from review_ui.thread import (
    MAX_MESSAGE_CHARS,
    InvalidMessage,
    ThreadMessage,
    add_message,
    awaits_moderation,
    closed_reason,
    read_thread,
    reporter_key,
)

bp = Blueprint("conversation", __name__, template_folder="templates")

REPORTER_HANDLE = "reporter_handle"
_OWNER_PREFIX = "reporter:"


# --- the school's side -------------------------------------------------------------------

def school_thread(report: Report) -> list[ThreadMessage]:
    """The thread decrypted for the logged-in school member; audited with counts only."""
    thread = read_thread(db(), report, SCHOOL, school_private_key(), current_user.get_id(),
                         current_member().school_key_id)
    db().commit()
    return thread


@bp.get("/skola/hlaseni/<report_id>/konverzace")
@require(*MEMBER_READERS)
def school_page(report_id: str):
    return render_template("conversation/school.html", report=own_report(report_id))


@bp.post("/skola/hlaseni/<report_id>/zpravy")
@require(*MEMBER_READERS)
def school_reply(report_id: str):
    report = own_report(report_id)
    school_private_key()  # a member whose key idled out unlocks again before writing
    try:
        message = add_message(db(), settings(), report, MessageAuthor.SCHOOL,
                              request.form.get("text"))
    except InvalidMessage as exc:
        db().rollback()
        return render_template("conversation/school.html", report=report, error=exc.message,
                               draft=request.form.get("text", "")[:MAX_MESSAGE_CHARS]), 400
    record(db(), current_user.get_id(), "message.sent", f"report:{report.id}",
           message_id=message.id)
    db().commit()
    flash("Odpověď je odeslaná. Oznamovatel ji uvidí, až se podívá na stav hlášení.", "ok")
    if request.form.get("return_to") == "report" and "portal.report" in current_app.view_functions:
        return redirect(url_for("portal.report", report_id=report.id, _anchor="konverzace"))
    return redirect(url_for("conversation.school_page", report_id=report.id,
                            _anchor="konverzace"))


# --- the reporter's side -----------------------------------------------------------------

def _reporter_owner(report: Report) -> str:
    return _OWNER_PREFIX + report.id


def _unlock_from_receipt(report: Report) -> bytes | None:
    """Re-derive the reporter key from the receipt posted with this request, if it fits."""
    private_key = reporter_key(report, request.form.get("receipt", ""))
    if private_key is not None:
        keyring().drop(session.get(REPORTER_HANDLE))
        session[REPORTER_HANDLE] = keyring().put(_reporter_owner(report), private_key)
    return private_key


def _reporter_session() -> tuple[Report, bytes] | None:
    """The report and key of this browser session's reporter, if still held."""
    handle = session.get(REPORTER_HANDLE)
    owner = keyring().owner_of(handle)
    if owner is None or not owner.startswith(_OWNER_PREFIX):
        return None
    report = db().get(Report, owner.removeprefix(_OWNER_PREFIX))
    private_key = keyring().get(handle, owner)
    if report is None or private_key is None or report.reporter_public_key is None:
        return None
    if public_key_of(private_key) != report.reporter_public_key:
        return None
    return report, private_key


def reporter_conversation(report: Report) -> dict[str, object]:
    """Template helper for the intake status page: the thread for the presented receipt.

    Called while the page for a just-presented receipt renders (or for the session's own
    report); anything else gets an empty, closed panel.
    """
    held = _reporter_session()
    private_key = held[1] if held and held[0].id == report.id else _unlock_from_receipt(report)
    if private_key is None:
        return {"available": False, "thread": [], "closed": None}
    return {"available": True, "thread": _reporter_thread(report, private_key),
            "closed": closed_reason(db(), report)}


def _reporter_thread(report: Report, private_key: bytes) -> list[ThreadMessage]:
    thread = read_thread(db(), report, REPORTER, private_key, "reporter")
    db().commit()
    return thread


def _reporter_page(report: Report, private_key: bytes, error: str | None = None,
                   draft: str = "", status: int = 200):
    convo = {"available": True, "thread": _reporter_thread(report, private_key),
             "closed": closed_reason(db(), report)}
    return render_template("conversation/reporter.html", report=report, convo=convo,
                           status=status_text(db(), report), error=error,
                           draft=draft), status


@bp.get("/stav/konverzace")
def reporter_page():
    held = _reporter_session()
    if held is None:
        flash(gettext("Pro zobrazení zpráv zadej prosím znovu kód hlášení."), "error")
        return redirect(url_for("submit.status_lookup"))
    return _reporter_page(*held)


@bp.post("/stav/konverzace")
@limiter.limit("30 per hour")
@accepts_files
def reporter_reply():
    held = _reporter_session()
    if held is None:
        flash(gettext("Pro odeslání zprávy zadej prosím znovu kód hlášení."), "error")
        return redirect(url_for("submit.status_lookup"))
    report, private_key = held
    try:
        files = sanitise_all(received(request))
        message = add_message(db(), settings(), report, MessageAuthor.REPORTER,
                              request.form.get("text"), private_key, attachments=files)
    except (InvalidMessage, InvalidSubmission) as exc:
        db().rollback()
        return _reporter_page(report, private_key, exc.message,
                              request.form.get("text", "")[:MAX_MESSAGE_CHARS], 400)
    record(db(), "reporter", "message.sent", f"report:{report.id}", message_id=message.id,
           awaiting_moderation=awaits_moderation(message), attachments=len(files))
    db().commit()
    flash(gettext("Zpráva je odeslaná. Škola ji uvidí po kontrole, že v ní nejsou jména.")
          if message.moderated_at is None else gettext("Zpráva je odeslaná."), "ok")
    return redirect(url_for("conversation.reporter_page", _anchor="konverzace"))


@bp.post("/stav/konverzace/odejit")
def reporter_leave():
    """Forget the reporter's key now (a shared phone): the receipt is needed again."""
    keyring().drop(session.pop(REPORTER_HANDLE, None))
    flash(gettext("Zprávy jsou zavřené. Pro další zobrazení zadej kód hlášení."), "ok")
    return redirect(url_for("submit.status_lookup"))


@bp.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"reporter_conversation": reporter_conversation, "school_thread": school_thread,
            "max_message_chars": MAX_MESSAGE_CHARS}
