"""Member login in two steps (password, then TOTP), e-mail confirmation, invitations.

Between the steps the session holds only the member id and a keyring handle of the
already unlocked school key, never the key itself, and for at most ten minutes. The same
second step enrols the authenticator for members who have none yet (new members, members
re-granted access, the demo members), so a full login always involves both factors.
"""

from __future__ import annotations

import time

from flask import redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from crypto.errors import DecryptionError
from crypto.passwords import verify_password
from crypto.school_keys import unlock_for_member
from models import SchoolKey, SchoolMember, utcnow
from models.audit import record
from ozvise.argon2_gate import argon2_bounded
from ozvise.context import settings
from ozvise.db import db
from ozvise.extensions import limiter
from ozvise.safe_redirect import local_target
from review_ui import second_factor
from review_ui.auth import (
    MEMBER_READERS,
    Principal,
    keyring,
    purge_login_attempts,
    record_attempt,
    step_passed,
    too_many_failures,
)
from review_ui.login_timing import equal_time_miss
from review_ui.portal import bp
from review_ui.portal.fields import FieldErrors, new_password
from review_ui.portal.invitations import accept, find_invited, token_hash

LOGIN_FAILED = "Přihlášení se nepodařilo. Zkontrolujte e-mail a heslo."
THROTTLED = ("Příliš mnoho neúspěšných pokusů z tohoto zařízení. Zkuste to prosím znovu za "
             "chvíli (čekání se s dalšími neúspěchy prodlužuje, nejvýše na 15 minut).")
PENDING_SECONDS = 600
#: session entries that survive the session reset at the end of a login
CARRIED_OVER = ("registration_handle",)


def _safe_next(target: str | None) -> str | None:
    """Only paths of this surface: no open redirect, no header injection."""
    return local_target(target, "/skola/")


def begin_second_step(member: SchoolMember, private_key: bytes | None,
                      next_url: str | None = None) -> Response:
    """Password (or invitation) verified: remember that, then ask for the TOTP code."""
    carried = {k: session[k] for k in CARRIED_OVER if k in session}
    keyring().drop(session.get("key_handle"))
    session.clear()
    session.update(carried)
    session["pending_member"] = member.id
    session["pending_at"] = int(time.time())
    if private_key is not None:
        session["pending_key"] = keyring().put(f"pending:member:{member.id}", private_key)
    if next_url:
        session["pending_next"] = next_url
    return redirect(url_for("portal.second_step"))


def _pending_member() -> SchoolMember | None:
    member_id, since = session.get("pending_member"), session.get("pending_at", 0)
    if member_id is None or time.time() - since > PENDING_SECONDS:
        return None
    member = db().get(SchoolMember, member_id)
    return member if member is not None and member.active else None


def _finish_login(member: SchoolMember) -> Response:
    owner = f"pending:member:{member.id}"
    private_key = keyring().get(session.get("pending_key"), owner)
    keyring().drop(session.get("pending_key"))
    next_url = session.get("pending_next")
    carried = {k: session[k] for k in CARRIED_OVER if k in session}
    session.clear()  # a fresh session: nothing from before the login survives (fixation)
    session.update(carried)
    principal = Principal("member", member)
    login_user(principal)
    if private_key is not None and member.role.value in MEMBER_READERS:
        session["key_handle"] = keyring().put(principal.get_id(), private_key)
    record_attempt("member", member.id, True)
    record(db(), principal.get_id(), "login.success", f"school:{member.school_id}")
    db().commit()
    return redirect(_safe_next(next_url) or url_for("portal.reports"))


def _throttled(member: SchoolMember, template: str, **context: object):
    record(db(), f"member:{member.id}", "login.throttled")
    db().commit()
    return render_template(template, error=THROTTLED, **context), 429


@bp.route("/prihlaseni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@argon2_bounded()
def login():
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("portal/login.html", next=next_url)
    purge_login_attempts(db())
    email = (request.form.get("email") or "").strip().lower()[:254]
    password = request.form.get("password") or ""
    member = db().scalars(select(SchoolMember).where(
        func.lower(SchoolMember.email) == email, SchoolMember.active.is_(True))).first()
    if member is None or member.password_hash is None:
        equal_time_miss(password)
        db().commit()
        return render_template("portal/login.html", error=LOGIN_FAILED, email=email,
                               next=next_url), 401
    if too_many_failures("member", member.id):
        return _throttled(member, "portal/login.html", email=email, next=next_url)
    ok = verify_password(member.password_hash, password)
    private_key = None
    if ok and member.role.value in MEMBER_READERS:
        try:
            private_key = unlock_for_member(member, db().get(SchoolKey, member.school_key_id),
                                            password)
        except DecryptionError:
            ok = False
    if not ok:
        record_attempt("member", member.id, False)
        record(db(), f"member:{member.id}", "login.failure", reason="password")
        db().commit()
        return render_template("portal/login.html", error=LOGIN_FAILED, email=email,
                               next=next_url), 401
    step_passed("member", member.id)
    if member.email_confirmed_at is None:
        db().commit()
        return render_template("portal/login.html", email=email, next=next_url,
                               error="Nejdřív prosím potvrďte svůj e-mail odkazem, který "
                                     "jsme vám poslali."), 403
    db().commit()
    return begin_second_step(member, private_key, next_url)


@bp.route("/overeni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def second_step():
    member = _pending_member()
    if member is None:
        return redirect(url_for("portal.login"))
    enrolling = member.totp_enrolled_at is None
    if enrolling and member.totp_secret is None:
        member.totp_secret = second_factor.new_secret()
        db().commit()
    context = {"member": member, "enrolling": enrolling,
               "qr": second_factor.qr_data_uri(member.totp_secret, member.email)
               if enrolling else None}
    if request.method == "GET":
        return render_template("portal/second_step.html", **context)
    if too_many_failures("member", member.id):
        return _throttled(member, "portal/second_step.html", **context)
    if not second_factor.verify_code(member.totp_secret, request.form.get("code", ""),
                                     f"member:{member.id}"):
        record_attempt("member", member.id, False)
        record(db(), f"member:{member.id}", "login.failure", reason="second_factor")
        db().commit()
        return render_template("portal/second_step.html", **context,
                               error="Kód nesouhlasí. Zadejte prosím aktuální šestimístný "
                                     "kód z aplikace."), 401
    if enrolling:
        member.totp_enrolled_at = utcnow()
        record(db(), f"member:{member.id}", "totp.enrolled")
    return _finish_login(member)


@bp.post("/odhlasit")
def logout():
    keyring().drop(session.get("key_handle"))
    keyring().drop(session.get("pending_key"))
    keyring().drop(session.get("registration_handle"))
    logout_user()
    session.clear()
    return redirect(url_for("portal.login"))


@bp.route("/potvrzeni/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    """GET shows a button, only the POST confirms: mail scanners prefetch links."""
    member = db().scalars(select(SchoolMember).where(
        SchoolMember.email_token_hash == token_hash(token[:100]))).first()
    if member is None:
        return render_template("portal/message.html", title="Odkaz neplatí",
                               message="Tento potvrzovací odkaz neplatí nebo už byl použit."), 404
    if request.method != "POST":  # GET and HEAD (scanners) change nothing
        return render_template("portal/confirm_email.html", email=member.email)
    member.email_confirmed_at = member.email_confirmed_at or utcnow()
    member.email_token_hash = None
    record(db(), f"member:{member.id}", "member.email_confirmed", f"school:{member.school_id}")
    db().commit()
    return render_template("portal/message.html", title="E-mail potvrzen",
                           message="Děkujeme, e-mail je potvrzený. Můžete se přihlásit.",
                           link=url_for("portal.login"))


@bp.route("/pozvanka/<token>", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@argon2_bounded()
def invitation(token: str):
    member = find_invited(db(), token)
    if member is None:
        return render_template("portal/message.html", title="Pozvánka neplatí",
                               message="Pozvánka neplatí: vypršela, byla už použita, nebo ji "
                                       "správce zrušil. Požádejte správce školy o novou."), 404
    context = {"member": member, "token": token}
    if request.method == "GET":
        return render_template("portal/invitation.html", **context)
    if too_many_failures("member", member.id):
        return _throttled(member, "portal/invitation.html", **context)
    errors = FieldErrors()
    if not request.form.get("code", "").strip():
        errors["code"] = "Opište prosím kód, který vám sdělil správce školy."
    password = errors.check(lambda: new_password(request.form.get("password"),
                                                 request.form.get("password2"), "password",
                                                 not_equal=member.email))
    if errors:  # every problem at once, next to its field
        return render_template("portal/invitation.html", **context, errors=errors), 400
    try:
        private_key = accept(member, db().get(SchoolKey, member.school_key_id), token,
                             request.form.get("code", ""), password, settings().kdf)
    except (DecryptionError, ValueError):
        db().rollback()
        record_attempt("member", member.id, False)
        record(db(), f"member:{member.id}", "login.failure", reason="invitation_code")
        db().commit()
        return render_template("portal/invitation.html", **context, errors=FieldErrors(
            code="Kód nesouhlasí. Opište prosím kód, který vám sdělil správce školy.")), 400
    step_passed("member", member.id)
    record(db(), f"member:{member.id}", "member.invitation_accepted", f"school:{member.school_id}")
    db().commit()
    return begin_second_step(member, private_key)
