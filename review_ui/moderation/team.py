"""Moderators add a colleague from the web: the key is granted from their own unlocked key.

A new moderator needs the moderation key wrapped under their password. The operator can do
that on the command line (``ozvise moderators create --grantor``/``--recovery``); here a
moderator who is logged in does it with the key their login already unlocked, so the key is
never re-derived from anything the server holds and no report is re-encrypted. The new
account enrols its TOTP app at its first login (as an operator-created one does). Who added
whom is in the audit log; the page lists accounts without any report data.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from crypto.errors import DecryptionError
from crypto.moderation_keys import active_moderation_key
from models import Moderator
from models.audit import record
from ozvise.context import settings
from ozvise.db import db
from review_ui.auth import require
from review_ui.moderation import bp
from review_ui.moderation.accounts import AccountError, create_moderator
from review_ui.moderation.unlocked import RELOGIN, moderation_key

MAX_FIELD_CHARS = 200


def _render(errors: dict[str, str] | None = None, username: str = "", status: int = 200):
    moderators = db().scalars(select(Moderator).order_by(Moderator.username)).all()
    return render_template("moderation/team.html", moderators=moderators,
                           errors=errors or {}, username=username), status


def _field_errors(username: str, password: str, again: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not username:
        errors["username"] = "Vyplňte uživatelské jméno."
    if password != again:
        errors["password2"] = "Hesla se neshodují."
    return errors


@bp.route("/moderatori", methods=["GET", "POST"])
@require("moderator")
def team() -> Response | tuple[str, int]:
    if request.method == "GET":
        return _render()
    username = (request.form.get("username") or "").strip().lower()[:MAX_FIELD_CHARS]
    password = (request.form.get("password") or "")[:MAX_FIELD_CHARS]
    errors = _field_errors(username, password, (request.form.get("password2") or "")[
        :MAX_FIELD_CHARS])
    if errors:
        return _render(errors, username, 400)
    private_key = moderation_key()
    key = active_moderation_key(db())
    if key is None:
        return _render({"form": "Moderační klíč neexistuje; požádejte provozovatele."},
                       username, 409)
    try:
        moderator = create_moderator(db(), username, password, settings().kdf, key=key,
                                     private_key=private_key, actor=current_user.get_id())
    except AccountError as exc:
        db().rollback()
        field = "password" if "Heslo" in str(exc) else "username"
        return _render({field: str(exc)}, username, 400)
    except DecryptionError:  # the key was rotated since this login: log in again
        db().rollback()
        flash(RELOGIN, "error")
        return redirect(url_for("moderation.login", next=request.path))
    record(db(), current_user.get_id(), "moderator.granted_from_web",
           f"moderator:{moderator.id}", key_id=key.id)
    db().commit()
    flash(f"Moderátor {moderator.username} je přidaný a má přístup k moderačnímu klíči. "
          "Heslo mu předejte osobně; při prvním přihlášení si nastaví ověřovací aplikaci.",
          "ok")
    return redirect(url_for("moderation.team"))
