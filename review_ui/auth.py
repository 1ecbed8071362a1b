"""Who is logged in (Flask-Login) and what their role allows (DESIGN.md, role table).

One identity per session: ``member:ID``, ``moderator:ID`` or ``counsellor:ID``. Routes
declare the roles they admit with ``require``; anything else gets 403, and an anonymous
visitor is sent to the login page of the surface they asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from flask import Flask, abort, current_app, flash, redirect, request, session, url_for
from flask_login import LoginManager, current_user, user_logged_in, user_logged_out
from sqlalchemy import delete
from sqlalchemy.orm import Session

from models import Counsellor, LoginAttempt, MemberRole, Moderator, SchoolMember, utcnow
from ozvise.client_identity import client_tag
from ozvise.db import db
from review_ui import login_throttle
from review_ui.keyring import KeyRing
from review_ui.session_binding import install_session_binding

login_manager = LoginManager()
KEYRING = "ozvise.keyring"
LOGIN_RECORD_RETENTION = timedelta(days=7)
#: free tries of one client on one account before the growing delays start
MAX_FAILED_LOGINS = login_throttle.FREE_FAILURES


class Principal:
    """A logged-in account of any kind, as Flask-Login sees it."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, kind: str, account: Any) -> None:
        self.kind, self.account = kind, account

    def get_id(self) -> str:
        return f"{self.kind}:{self.account.id}"

    @property
    def role(self) -> str:
        """``admin``/``handler``/``analyst`` for members, else the account kind."""
        return self.account.role.value if self.kind == "member" else self.kind


#: Server-side half of every login: the signed cookie alone cannot be replayed after
#: logout, after 30 idle minutes (the keyring's idle expiry) or after a restart.
SESSION_HANDLE = "session_handle"


def _session_owner(identity: str) -> str:
    return f"session:{identity}"


_ACCOUNT_MODELS = {"member": SchoolMember, "moderator": Moderator, "counsellor": Counsellor}


def init_auth(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.session_protection = None  # replaced by review_ui.session_binding
    install_session_binding(app)
    settings = app.config["OZVISE_SETTINGS"]
    from review_ui.keyring_redis import keyring_for  # memory, or Redis for many processes

    app.extensions[KEYRING] = keyring_for(settings)

    @login_manager.user_loader
    def _load(identity: str) -> Principal | None:
        kind, _, raw_id = identity.partition(":")
        model = _ACCOUNT_MODELS.get(kind)
        if model is None or not raw_id.isdigit():
            return None
        if keyring().get(session.get(SESSION_HANDLE), _session_owner(identity)) is None:
            return None  # logged out, idle for 30 minutes, or the server restarted
        account = db().get(model, int(raw_id))
        if account is None or not account.active:
            return None
        return Principal(kind, account)

    @user_logged_in.connect_via(app)
    def _session_started(_sender: Flask, user: Principal, **_extra: Any) -> None:
        session[SESSION_HANDLE] = keyring().put(_session_owner(user.get_id()), b"live")

    @user_logged_out.connect_via(app)
    def _session_ended(_sender: Flask, **_extra: Any) -> None:
        keyring().drop(session.pop(SESSION_HANDLE, None))

    @login_manager.unauthorized_handler
    def _unauthorized():
        if request.path.startswith("/api/"):
            abort(401)
        target = {"moderation": "moderation.login", "counsellor": "counsellor.login",
                  "followups": "moderation.login"}.get(
            request.blueprint or "", "portal.login")
        if target not in app.view_functions:
            target = "portal.login"
        return redirect(url_for(target, next=request.path))

    @app.before_request
    def _idle_session() -> None:
        session.permanent = True  # PERMANENT_SESSION_LIFETIME = idle timeout, refreshed per request


def keyring() -> KeyRing:
    return current_app.extensions[KEYRING]


def unlocked_key() -> bytes | None:
    """The current user's unlocked private key (school or counsellor), if still held."""
    if not current_user.is_authenticated:
        return None
    return keyring().get(session.get("key_handle"), current_user.get_id())


RELOGIN_MESSAGE = "Z bezpečnostních důvodů se prosím přihlaste znovu."


def unlocked_key_or_relogin(login_endpoint: str, message: str = RELOGIN_MESSAGE,
                            **url_values: Any) -> bytes:
    """``unlocked_key``, or (the key was forgotten: restart, idle timeout) a flashed
    ``message`` and a redirect to ``login_endpoint`` rather than an error page."""
    private_key = unlocked_key()
    if private_key is None:
        flash(message, "error")
        abort(redirect(url_for(login_endpoint, **url_values)))
    return private_key


def require(*roles: str) -> Callable:
    """Admit only the given roles: member roles (admin/handler/analyst), moderator, counsellor."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapper.required_roles = roles  # type: ignore[attr-defined]
        return wrapper

    return decorator


MEMBER_READERS = (MemberRole.ADMIN.value, MemberRole.HANDLER.value)
ALL_MEMBERS = (MemberRole.ADMIN.value, MemberRole.HANDLER.value, MemberRole.ANALYST.value)


def too_many_failures(account_type: str, account_id: int) -> bool:
    """Reserve one try of this client on this account (``review_ui.login_throttle``);
    True if the client must wait first. Call right before checking a password or code."""
    verdict = login_throttle.reserve_attempt(db(), f"{account_type}:{account_id}", client_tag())
    return not verdict.allowed


def step_passed(account_type: str, account_id: int) -> None:
    """The password was right (the code comes next): give the reserved try back."""
    login_throttle.give_back(db(), f"{account_type}:{account_id}", client_tag())


def record_attempt(account_type: str, account_id: int, success: bool) -> None:
    db().add(LoginAttempt(account_type=account_type, account_id=account_id, success=success))
    if success:
        login_throttle.succeeded(db(), f"{account_type}:{account_id}", client_tag())


def purge_login_attempts(session: Session) -> int:
    """Delete login records older than 7 days (MISSION: kept at most 7 days); returns count.

    Called on every login attempt, so no scheduler is needed; ``ozvise logins purge``
    does the same for an installation nobody logs in to.
    """
    cutoff = utcnow() - LOGIN_RECORD_RETENTION
    result = session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < cutoff))
    return (result.rowcount or 0) + login_throttle.purge(session, cutoff)
