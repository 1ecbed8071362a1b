"""Moderator login: Argon2id password, then a mandatory TOTP code.

Between the two steps the session holds only the account id and a timestamp (valid
five minutes), not a login. At the first login the moderator must enrol: the QR code of
the account's TOTP secret is shown and one code confirms it. Failed passwords and codes
count together towards the per-account throttle (``review_ui.auth.too_many_failures``).

The password also unlocks the moderation key (``crypto.moderation_keys``): it waits in
the key ring under a pending owner during the TOTP step and becomes the session's key at
the end of the login, as the school portal does with the school key.
"""

from __future__ import annotations

import time

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user
from werkzeug.wrappers import Response

from crypto.errors import DecryptionError
from crypto.moderation_keys import unlock_for_moderator
from crypto.passwords import verify_password
from models import Moderator, utcnow
from models.audit import record
from ozvise.argon2_gate import argon2_bounded
from ozvise.db import db
from ozvise.extensions import limiter
from ozvise.safe_redirect import local_target
from review_ui.auth import Principal, keyring, record_attempt, step_passed, too_many_failures
from review_ui.login_timing import equal_time_miss
from review_ui.moderation import bp
from review_ui.moderation.accounts import find_moderator
from review_ui.second_factor import new_secret, qr_data_uri, verify_code

PENDING = "moderation_pending"
PENDING_SECONDS = 300
LOGIN_FAILED = "Přihlášení se nepodařilo. Zkontrolujte uživatelské jméno a heslo."
CODE_FAILED = "Kód nesouhlasí nebo už byl použit. Opište aktuální kód z aplikace."
THROTTLED = ("Příliš mnoho neúspěšných pokusů z tohoto zařízení. Zkuste to prosím znovu za "
             "chvíli (čekání se s dalšími neúspěchy prodlužuje, nejvýše na 15 minut).")
NO_KEY = ("Váš účet zatím nemá přístup k moderačnímu klíči, takže by hlášení nešla přečíst. "
          "Požádejte provozovatele, aby vám přístup udělil (ozvise moderators grant).")


def _safe_next(target: str | None) -> str | None:
    """Only paths of this surface: no open redirect, no header injection."""
    return local_target(target, "/moderace/")


def _pending() -> Moderator | None:
    data = session.get(PENDING) or {}
    if not isinstance(data, dict) or time.time() - float(data.get("at", 0)) > PENDING_SECONDS:
        return None
    moderator = db().get(Moderator, int(data.get("id", 0)))
    return moderator if moderator is not None and moderator.active else None


def _restart() -> Response:
    session.pop(PENDING, None)
    flash("Přihlášení vypršelo. Zadejte prosím znovu jméno a heslo.", "error")
    return redirect(url_for("moderation.login"))


@bp.route("/prihlaseni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
@argon2_bounded()
def login():
    if request.method == "GET":
        return render_template("moderation/login.html", next=_safe_next(request.args.get("next")))
    username = (request.form.get("username") or "").strip().lower()[:80]
    password = request.form.get("password") or ""
    next_url = _safe_next(request.form.get("next"))
    moderator = find_moderator(db(), username) if username else None
    if moderator is None or not moderator.active:
        equal_time_miss(password)
        return render_template("moderation/login.html", error=LOGIN_FAILED, username=username,
                               next=next_url), 401
    if too_many_failures("moderator", moderator.id):
        record(db(), f"moderator:{moderator.id}", "login.throttled")
        db().commit()
        return render_template("moderation/login.html", error=THROTTLED, username=username,
                               next=next_url), 429
    if not verify_password(moderator.password_hash, password):
        record_attempt("moderator", moderator.id, False)
        record(db(), f"moderator:{moderator.id}", "login.failure", step="password")
        db().commit()
        return render_template("moderation/login.html", error=LOGIN_FAILED, username=username,
                               next=next_url), 401
    step_passed("moderator", moderator.id)
    try:
        _key, private_key = unlock_for_moderator(db(), moderator, password)
    except DecryptionError:
        record(db(), f"moderator:{moderator.id}", "login.failure", step="moderation_key")
        db().commit()
        return render_template("moderation/login.html", error=NO_KEY, username=username,
                               next=next_url), 403
    db().commit()  # a wrap carried over to a rotated key is kept
    keyring().drop(session.get("key_handle"))
    session.clear()
    session.permanent = True
    session[PENDING] = {"id": moderator.id, "at": time.time(), "next": next_url,
                        "key": keyring().put(_pending_owner(moderator), private_key)}
    if moderator.totp_enrolled_at is None:
        return redirect(url_for("moderation.enrol"))
    return redirect(url_for("moderation.second_factor"))


def _check_code(moderator: Moderator) -> tuple[bool, tuple[str, int] | None]:
    """Verify the posted code; returns (ok, error to render)."""
    if too_many_failures("moderator", moderator.id):
        record(db(), f"moderator:{moderator.id}", "login.throttled")
        db().commit()
        return False, (THROTTLED, 429)
    ok = verify_code(moderator.totp_secret, request.form.get("code") or "",
                     f"moderator:{moderator.id}")
    if not ok:
        record_attempt("moderator", moderator.id, False)
        record(db(), f"moderator:{moderator.id}", "login.failure", step="totp")
        db().commit()
        return False, (CODE_FAILED, 401)
    return True, None


def _pending_owner(moderator: Moderator) -> str:
    return f"pending:moderator:{moderator.id}"


def _complete(moderator: Moderator) -> Response:
    pending = session.get(PENDING) or {}
    next_url = pending.get("next")
    private_key = keyring().get(pending.get("key"), _pending_owner(moderator))
    keyring().drop(pending.get("key"))
    if private_key is None:  # the key ring forgot it (restart): unlock again
        return _restart()
    record_attempt("moderator", moderator.id, True)
    record(db(), f"moderator:{moderator.id}", "login.success")
    db().commit()
    session.clear()
    session.permanent = True
    principal = Principal("moderator", moderator)
    login_user(principal)
    session["key_handle"] = keyring().put(principal.get_id(), private_key)
    return redirect(_safe_next(next_url) or url_for("moderation.queue"))


@bp.route("/overeni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def second_factor():
    moderator = _pending()
    if moderator is None:
        return _restart()
    if moderator.totp_enrolled_at is None:
        return redirect(url_for("moderation.enrol"))
    if request.method == "GET":
        return render_template("moderation/totp.html")
    ok, error = _check_code(moderator)
    if not ok:
        message, status = error  # type: ignore[misc]
        return render_template("moderation/totp.html", error=message), status
    return _complete(moderator)


@bp.route("/nastaveni-overeni", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def enrol():
    moderator = _pending()
    if moderator is None:
        return _restart()
    if moderator.totp_enrolled_at is not None:
        return redirect(url_for("moderation.second_factor"))
    if not moderator.totp_secret:
        moderator.totp_secret = new_secret()
        db().commit()
    qr = qr_data_uri(moderator.totp_secret, moderator.username)
    if request.method == "GET":
        return render_template("moderation/enrol.html", qr=qr, secret=moderator.totp_secret)
    ok, error = _check_code(moderator)
    if not ok:
        message, status = error  # type: ignore[misc]
        return render_template("moderation/enrol.html", qr=qr, secret=moderator.totp_secret,
                               error=message), status
    moderator.totp_enrolled_at = utcnow()
    record(db(), f"moderator:{moderator.id}", "moderator.totp_enrolled")
    return _complete(moderator)


@bp.post("/odhlasit")
def logout():
    keyring().drop(session.get("key_handle"))
    logout_user()
    session.clear()
    flash("Byli jste odhlášeni.", "ok")
    return redirect(url_for("moderation.login"))
