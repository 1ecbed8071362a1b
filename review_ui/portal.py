"""The school portal: members log in, unlock the school key, and read their reports."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy import func, select

from crypto.envelope import find_key, open_report, unwrap_from
from crypto.errors import DecryptionError
from crypto.passwords import verify_password
from crypto.school_keys import unlock_for_member
from models import KeyRecipient, Report, ReportStatus, SchoolKey, SchoolMember, utcnow
from models.audit import record
from ozvise.db import db
from ozvise.extensions import limiter
from review_ui.auth import (
    ALL_MEMBERS,
    MEMBER_READERS,
    Principal,
    keyring,
    record_attempt,
    require,
    too_many_failures,
    unlocked_key,
)

bp = Blueprint("portal", __name__, template_folder="templates")

#: Reports a school sees: delivered and later (never before moderation).
VISIBLE_TO_SCHOOL = (ReportStatus.DELIVERED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED)
LOGIN_FAILED = "Přihlášení se nepodařilo. Zkontrolujte e-mail a heslo."


@bp.route("/prihlaseni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def login():
    if request.method == "GET":
        return render_template("portal/login.html")
    email = (request.form.get("email") or "").strip().lower()
    password = request.form.get("password") or ""
    member = db().scalars(select(SchoolMember).where(
        func.lower(SchoolMember.email) == email, SchoolMember.active.is_(True))).first()
    if member is None or member.password_hash is None:
        return render_template("portal/login.html", error=LOGIN_FAILED, email=email), 401
    if too_many_failures("member", member.id):
        record(db(), f"member:{member.id}", "login.throttled")
        db().commit()
        return render_template("portal/login.html", email=email,
                               error="Příliš mnoho neúspěšných pokusů. Zkuste to za 15 minut."), 429
    ok = verify_password(member.password_hash, password)
    private_key = None
    if ok and member.school_key_id is not None:
        try:
            private_key = unlock_for_member(member, db().get(SchoolKey, member.school_key_id),
                                            password)
        except DecryptionError:
            ok = False
    record_attempt("member", member.id, ok)
    record(db(), f"member:{member.id}", "login.success" if ok else "login.failure")
    db().commit()
    if not ok:
        return render_template("portal/login.html", error=LOGIN_FAILED, email=email), 401
    session.clear()
    principal = Principal("member", member)
    login_user(principal)
    if private_key is not None and member.role.value in MEMBER_READERS:
        session["key_handle"] = keyring().put(principal.get_id(), private_key)
    return redirect(url_for("portal.reports"))


@bp.post("/odhlasit")
def logout():
    keyring().drop(session.get("key_handle"))
    logout_user()
    session.clear()
    return redirect(url_for("portal.login"))


@bp.get("/")
@require(*ALL_MEMBERS)
def reports():
    member: SchoolMember = current_user.account
    rows = db().scalars(select(Report).where(
        Report.school_id == member.school_id, Report.status.in_(VISIBLE_TO_SCHOOL))
        .order_by(Report.created_at.desc())).all()
    return render_template("portal/reports.html", reports=rows, member=member,
                           can_read=member.role.value in MEMBER_READERS)


def _own_report(report_id: str) -> Report:
    report = db().get(Report, report_id)
    if (report is None or report.school_id != current_user.account.school_id
            or report.status not in VISIBLE_TO_SCHOOL):
        abort(404)
    return report


def _data_key(report: Report) -> bytes:
    private_key = unlocked_key()
    member: SchoolMember = current_user.account
    wrapped = find_key(report, KeyRecipient.SCHOOL, member.school_key_id or -1)
    if private_key is None:
        flash("Z bezpečnostních důvodů se prosím přihlaste znovu.", "error")
        abort(redirect(url_for("portal.login", next=request.path)))
    if wrapped is None:
        abort(404)
    return unwrap_from(report, wrapped, private_key)


@bp.get("/hlaseni/<report_id>")
@require(*MEMBER_READERS)
def report(report_id: str):
    report = _own_report(report_id)
    opened = open_report(report, _data_key(report))
    if report.read_by_school_at is None:
        report.read_by_school_at = utcnow()
    record(db(), current_user.get_id(), "report.decrypted", f"report:{report.id}")
    db().commit()
    return render_template("portal/report.html", report=report, opened=opened)
