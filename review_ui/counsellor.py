"""The counsellor's view (/poradce): reports a school shared with them, decrypted, and advice.

Login takes username, password and the TOTP code in one form (the authenticator was set
up when the operator created the account, ``ozvise counsellors create``); the password
also unlocks the counsellor's private key into the in-memory key ring. A counsellor
reaches a report only through an active share; anything else is 404, and every school
portal and moderation route refuses the counsellor role (403).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import func, select

from crypto.counsellor_keys import unlock_counsellor_key
from crypto.envelope import open_report, unwrap_from
from crypto.errors import DecryptionError
from crypto.passwords import verify_password
from models import Counsellor, Report, utcnow
from models.audit import record
from ozvise.argon2_gate import argon2_bounded
from ozvise.db import db
from ozvise.extensions import limiter
from review_ui.auth import (
    Principal,
    keyring,
    record_attempt,
    require,
    too_many_failures,
    unlocked_key_or_relogin,
)
from review_ui.counsellor_shares import counsellor_key, shared_reports
from review_ui.login_timing import equal_time_miss
from review_ui.portal.notes import add_note, open_notes
from review_ui.second_factor import verify_code
from review_ui.thread import InvalidMessage, clean_text

bp = Blueprint("counsellor", __name__, template_folder="templates")

LOGIN_FAILED = "Přihlášení se nepodařilo. Zkontrolujte jméno, heslo a kód z aplikace."
THROTTLED = ("Příliš mnoho neúspěšných pokusů z tohoto zařízení. Zkuste to prosím znovu za "
             "chvíli (čekání se s dalšími neúspěchy prodlužuje, nejvýše na 15 minut).")


def _login_form(error: str | None = None, status: int = 200, username: str = ""):
    return render_template("counsellor/login.html", error=error, username=username), status


@bp.route("/prihlaseni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@argon2_bounded()
def login():
    if request.method == "GET":
        return _login_form()
    username = (request.form.get("username") or "").strip().lower()[:80]
    password = request.form.get("password") or ""
    counsellor = db().scalars(select(Counsellor).where(
        func.lower(Counsellor.username) == username, Counsellor.active.is_(True))).first()
    if counsellor is None:
        equal_time_miss(password)
        return _login_form(LOGIN_FAILED, 401, username)
    if too_many_failures("counsellor", counsellor.id):
        record(db(), f"counsellor:{counsellor.id}", "login.throttled")
        db().commit()
        return _login_form(THROTTLED, 429, username)
    private_key = None
    if verify_password(counsellor.password_hash, password) and verify_code(
            counsellor.totp_secret, request.form.get("code") or "", f"counsellor:{counsellor.id}"):
        try:
            private_key = unlock_counsellor_key(counsellor, password)
        except DecryptionError:
            private_key = None
    ok = private_key is not None
    record_attempt("counsellor", counsellor.id, ok)
    record(db(), f"counsellor:{counsellor.id}", "login.success" if ok else "login.failure")
    if ok and counsellor.totp_enrolled_at is None:
        counsellor.totp_enrolled_at = utcnow()  # the first code proves the enrolment
    db().commit()
    if not ok:
        return _login_form(LOGIN_FAILED, 401, username)
    session.clear()
    principal = Principal("counsellor", counsellor)
    login_user(principal)
    session["key_handle"] = keyring().put(principal.get_id(), private_key)
    return redirect(url_for("counsellor.reports"))


@bp.post("/odhlasit")
def logout():
    keyring().drop(session.get("key_handle"))
    logout_user()
    session.clear()
    flash("Byli jste odhlášeni.", "ok")
    return redirect(url_for("counsellor.login"))


@bp.get("/")
@require("counsellor")
def reports():
    rows = shared_reports(db(), current_user.account.id)
    return render_template("counsellor/reports.html", rows=rows)


def _data_key(report_id: str) -> tuple[Report, bytes]:
    """The shared report and its data key, or 404 if there is no active share."""
    wrapped = counsellor_key(db(), current_user.account.id, report_id)
    if wrapped is None:
        abort(404)
    private_key = unlocked_key_or_relogin("counsellor.login")
    report = wrapped.report
    return report, unwrap_from(report, wrapped, private_key)


def _report_page(report_id: str, error: str | None = None, draft: str = "",
                 status: int = 200):
    report, data_key = _data_key(report_id)
    opened = open_report(report, data_key)
    # Advice only: the school's internal notes stay the school's (least privilege).
    advice = open_notes(db(), report, data_key, counsellors_only=True)
    record(db(), current_user.get_id(), "report.decrypted", f"report:{report.id}",
           advice=len(advice))
    db().commit()
    return render_template("counsellor/report.html", report=report, opened=opened,
                           advice=advice, error=error, draft=draft), status


@bp.get("/hlaseni/<report_id>")
@require("counsellor")
def report(report_id: str):
    return _report_page(report_id)


@bp.post("/hlaseni/<report_id>/rada")
@require("counsellor")
def add_advice(report_id: str):
    report, data_key = _data_key(report_id)
    try:
        text = clean_text(request.form.get("text"))
    except InvalidMessage as exc:
        return _report_page(report_id, exc.message, (request.form.get("text") or "")[:4000], 400)
    note = add_note(db(), report, data_key, text, counsellor_id=current_user.account.id)
    record(db(), current_user.get_id(), "advice.added", f"report:{report.id}", note_id=note.id)
    db().commit()
    flash("Rada je uložená; škola ji uvidí u hlášení.", "ok")
    return redirect(url_for("counsellor.report", report_id=report.id, _anchor="rady"))
