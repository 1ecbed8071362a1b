"""A logged-in session is bound to the client that logged in (address and browser).

Flask-Login's ``session_protection = "strong"`` never fired here: for a permanent session
(ours are, for the idle timeout) it only marks the session "not fresh", and it reads the
client's address from a raw ``X-Forwarded-For`` header that any client can set. This
binding replaces it: at login the session stores a hash of the client address (as the
trusted proxies report it, ``ozvise.client_identity``) and the User-Agent; a request whose
client differs has the session cleared before anything reads it, so a stolen session
cookie used from elsewhere is anonymous (and is sent to the login page). The original
client keeps its session.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import Flask, request, session
from flask_login import user_logged_in

from ozvise.client_identity import client_address

BINDING = "client_binding"
#: Flask-Login's key for the logged-in identity
USER_KEY = "_user_id"


def binding() -> str:
    """Hash of the client address and User-Agent (not reversible to either on its own)."""
    user_agent = request.headers.get("User-Agent", "")
    return hashlib.sha256(f"{client_address()}|{user_agent}".encode()).hexdigest()[:32]


def install_session_binding(app: Flask) -> None:
    @user_logged_in.connect_via(app)
    def _bind(_sender: Flask, **_extra: Any) -> None:
        session[BINDING] = binding()

    @app.before_request
    def _check_binding() -> None:
        if USER_KEY in session and session.get(BINDING) != binding():
            session.clear()
