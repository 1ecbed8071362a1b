"""Moderator login: password, mandatory TOTP (enrolment with QR), throttling, idle expiry."""

from __future__ import annotations

import re
import time

import itsdangerous.timed
from sqlalchemy import select

from models import AuditEvent, LoginAttempt, Moderator
from review_ui.auth import MAX_FAILED_LOGINS
from review_ui.second_factor import current_code
from tests.factories import MODERATOR_PASSWORD, csrf_token, login_moderator, make_moderator


def _password_step(client, username: str, password: str = MODERATOR_PASSWORD):
    token = csrf_token(client, "/moderace/prihlaseni")
    return client.post("/moderace/prihlaseni", data={
        "csrf_token": token, "username": username, "password": password})


def _code_step(client, path: str, code: str):
    token = csrf_token(client, path)
    return client.post(path, data={"csrf_token": token, "code": code})


def test_anonymous_is_sent_to_the_moderator_login(client):
    response = client.get("/moderace/")
    assert response.status_code == 302
    assert "/moderace/prihlaseni" in response.headers["Location"]
    assert "Moderace – přihlášení" in client.get("/moderace/prihlaseni").get_data(as_text=True)


def test_password_then_totp_logs_in_and_is_audited(client, session, moderator):
    response = _password_step(client, "moderator")
    assert response.status_code == 302 and response.headers["Location"].endswith("/overeni")
    assert client.get("/moderace/").status_code == 302  # the password alone is no login
    response = _code_step(client, "/moderace/overeni", current_code(moderator.totp_secret))
    assert response.status_code == 302 and response.headers["Location"].endswith("/moderace/")
    assert client.get("/moderace/").status_code == 200
    actions = session.scalars(select(AuditEvent.action).where(
        AuditEvent.actor == f"moderator:{moderator.id}")).all()
    assert "login.success" in actions


def test_first_login_requires_enrolment_with_a_qr_code(app, session):
    moderator = make_moderator(session, "nova", enrolled=False)
    client = app.test_client()
    response = _password_step(client, "nova")
    assert response.headers["Location"].endswith("/nastaveni-overeni")
    assert client.get("/moderace/overeni").headers["Location"].endswith("/nastaveni-overeni")
    page = client.get("/moderace/nastaveni-overeni").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page and moderator.totp_secret in page
    assert _code_step(client, "/moderace/nastaveni-overeni", "000000").status_code == 401
    response = _code_step(client, "/moderace/nastaveni-overeni",
                          current_code(moderator.totp_secret))
    assert response.status_code == 302
    assert client.get("/moderace/").status_code == 200
    session.expire_all()
    assert session.get(Moderator, moderator.id).totp_enrolled_at is not None


def test_wrong_password_unknown_user_and_wrong_code_are_refused(client, moderator):
    for username, password in (("moderator", "spatne-heslo-123"), ("nikdo", "cokoli-123456")):
        response = _password_step(client, username, password)
        assert response.status_code == 401
        assert "Zkontrolujte uživatelské jméno a heslo" in response.get_data(as_text=True)
    _password_step(client, "moderator")
    response = _code_step(client, "/moderace/overeni", "123 456")
    assert response.status_code == 401
    assert "Kód nesouhlasí" in response.get_data(as_text=True)
    assert client.get("/moderace/").status_code == 302


def test_a_used_code_cannot_be_replayed(app, moderator):
    first = app.test_client()
    assert login_moderator(first, moderator).status_code == 302
    code = current_code(moderator.totp_secret)
    second = app.test_client()
    _password_step(second, "moderator")
    assert _code_step(second, "/moderace/overeni", code).status_code == 401


def test_failed_logins_are_throttled(client, session, moderator):
    for _ in range(MAX_FAILED_LOGINS):
        assert _password_step(client, "moderator", "spatne-heslo-123").status_code == 401
    response = _password_step(client, "moderator")  # even the right password now
    assert response.status_code == 429
    assert "Příliš mnoho neúspěšných pokusů" in response.get_data(as_text=True)
    failures = session.scalars(select(LoginAttempt).where(
        LoginAttempt.account_type == "moderator", LoginAttempt.success.is_(False))).all()
    assert len(failures) == MAX_FAILED_LOGINS


def test_totp_failures_count_towards_the_throttle(client, moderator):
    _password_step(client, "moderator")
    for _ in range(MAX_FAILED_LOGINS):
        assert _code_step(client, "/moderace/overeni", "000000").status_code == 401
    response = _code_step(client, "/moderace/overeni", current_code(moderator.totp_secret))
    assert response.status_code == 429


def test_half_finished_login_expires(client, moderator, monkeypatch):
    _password_step(client, "moderator")
    later = time.time() + 301
    monkeypatch.setattr("review_ui.moderation.login.time.time", lambda: later)
    response = client.get("/moderace/overeni")
    assert response.status_code == 302 and response.headers["Location"].endswith("/prihlaseni")


def _session_cookie_signed_at(app, client, moment: float) -> str:
    """Re-sign the client's session as if its last request had been at ``moment``."""
    serializer = app.session_interface.get_signing_serializer(app)
    data = serializer.loads(client.get_cookie("session").value)
    original = itsdangerous.timed.TimestampSigner.get_timestamp
    itsdangerous.timed.TimestampSigner.get_timestamp = lambda _self: int(moment)
    try:
        return serializer.dumps(data)
    finally:
        itsdangerous.timed.TimestampSigner.get_timestamp = original


def test_session_expires_after_30_idle_minutes(app, mod_client):
    assert mod_client.get("/moderace/").status_code == 200
    fresh = _session_cookie_signed_at(app, mod_client, time.time() - 29 * 60)
    mod_client.set_cookie("session", fresh)
    assert mod_client.get("/moderace/").status_code == 200  # active 29 min ago: still in
    stale = _session_cookie_signed_at(app, mod_client, time.time() - 31 * 60)
    mod_client.set_cookie("session", stale)
    response = mod_client.get("/moderace/")
    assert response.status_code == 302 and "/moderace/prihlaseni" in response.headers["Location"]


def test_logout(mod_client):
    token = csrf_token(mod_client, "/moderace/")
    assert mod_client.post("/moderace/odhlasit", data={"csrf_token": token}).status_code == 302
    assert mod_client.get("/moderace/").status_code == 302


def test_next_parameter_only_leads_inside_moderation(client, moderator):
    token = csrf_token(client, "/moderace/prihlaseni")
    client.post("/moderace/prihlaseni", data={"csrf_token": token, "username": "moderator",
                                             "password": MODERATOR_PASSWORD,
                                             "next": "https://evil.example/"})
    response = _code_step(client, "/moderace/overeni", current_code(moderator.totp_secret))
    assert response.headers["Location"].endswith("/moderace/")
    assert not re.search(r"evil", response.headers["Location"])
