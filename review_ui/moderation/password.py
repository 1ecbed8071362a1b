"""A moderator changes their own password; the moderation key is re-wrapped under the new one.

The password a colleague or the operator chose when adding the account was told to the new
moderator by someone else, so the first thing a careful moderator does is replace it. The
moderation key rests only wrapped under the moderator's password (``crypto.moderation_keys``),
so a new password means a new wrap: it is made from the key this login already unlocked, never
from anything the server holds, and no copy is re-encrypted. The current password is asked
again (a session left open on a shared computer must not be enough), its check counts towards
the login throttle, and the Argon2 work is bounded like a login's.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from crypto.errors import DecryptionError
from crypto.moderation_keys import active_moderation_key, grant_moderator
from crypto.passwords import verify_password
from models.audit import record
from ozvise.argon2_gate import argon2_bounded
from ozvise.context import settings
from ozvise.db import db
from review_ui.auth import record_attempt, require, step_passed, too_many_failures
from review_ui.moderation import bp
from review_ui.moderation.accounts import MIN_PASSWORD_CHARS
from review_ui.moderation.login import THROTTLED
from review_ui.moderation.unlocked import RELOGIN, moderation_key

MAX_FIELD_CHARS = 200


def _render(errors: dict[str, str] | None = None, status: int = 200):
    return render_template("moderation/password.html", errors=errors or {},
                           min_chars=MIN_PASSWORD_CHARS), status


def _new_password_errors(current: str, new: str, again: str) -> dict[str, str]:
    """Every problem with the new password at once, next to its field."""
    errors: dict[str, str] = {}
    if len(new) < MIN_PASSWORD_CHARS:
        errors["new"] = f"Nové heslo musí mít aspoň {MIN_PASSWORD_CHARS} znaků."
    elif new == current:
        errors["new"] = "Nové heslo musí být jiné než současné."
    if new != again:
        errors["again"] = "Hesla se neshodují."
    return errors


@bp.route("/heslo", methods=["GET", "POST"])
@require("moderator")
@argon2_bounded()
def change_password() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _render()
    moderator = current_user.account
    current = (request.form.get("current") or "")[:MAX_FIELD_CHARS]
    new = (request.form.get("new") or "")[:MAX_FIELD_CHARS]
    errors = _new_password_errors(current, new, (request.form.get("again") or "")[
        :MAX_FIELD_CHARS])
    if not current:
        errors["current"] = "Vyplňte současné heslo."
    if errors:
        return _render(errors, 400)
    owner = f"moderator:{moderator.id}"
    if too_many_failures("moderator", moderator.id):
        db().commit()
        return _render({"current": THROTTLED}, 429)
    if not verify_password(moderator.password_hash, current):
        record_attempt("moderator", moderator.id, success=False)
        db().commit()
        return _render({"current": "Současné heslo nesouhlasí."}, 400)
    step_passed("moderator", moderator.id)
    private_key = moderation_key()
    key = active_moderation_key(db())
    try:
        if key is None:
            raise DecryptionError("no active moderation key")
        grant_moderator(moderator, key, private_key, new, settings().kdf)
    except DecryptionError:  # the key was rotated since this login: log in again
        db().rollback()
        flash(RELOGIN, "error")
        return redirect(url_for("moderation.login", next=request.path))
    record(db(), owner, "moderator.password_changed", owner, key_id=key.id)
    db().commit()
    flash("Heslo je změněné. Příště se přihlaste novým heslem.", "ok")
    return redirect(url_for("moderation.queue"))
