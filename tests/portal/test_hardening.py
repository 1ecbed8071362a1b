"""Session and login hardening: cookies, CSRF on every form, idle expiry, throttling, headers."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import AuditEvent, LoginAttempt, utcnow
from ozvise.extensions import csrf
from tests.factories import csrf_token, login_member, register_school

TLS = "https://ozvise.example"


def test_session_cookie_flags_over_tls(settings, session):
    from ozvise.app import create_app

    app = create_app(settings.with_overrides(base_url=TLS))
    reg = register_school(session)
    client = app.test_client()
    member, password = reg.members["handler"]
    html = client.get("/skola/prihlaseni", base_url=TLS).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    response = client.post("/skola/prihlaseni", base_url=TLS,
                           data={"csrf_token": token, "email": member.email,
                                 "password": password})
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    headers = client.get("/skola/prihlaseni", base_url=TLS).headers
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_security_headers(client):
    response = client.get("/skola/prihlaseni")
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP: no HSTS


def test_every_form_route_refuses_a_missing_csrf_token(app, client):
    """Generated from the route map: a new POST route cannot escape the check."""
    exempt = {bp.name for bp in csrf._exempt_blueprints}  # the JSON APIs: no cookies
    assert not csrf._exempt_views, "no single form view may opt out of CSRF"
    checked = 0
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint.split(".")[0] in exempt:
            continue
        url = rule.rule
        for arg in rule.arguments:
            url = url.replace(f"<int:{arg}>", "1").replace(f"<{arg}>", "x")
        response = client.post(url, data={"anything": "1"})
        assert response.status_code == 400, rule.endpoint
        assert "Formulář vypršel" in response.get_data(as_text=True), rule.endpoint
        checked += 1
    assert checked >= 10


def test_thirty_idle_minutes_end_the_session(client, session, monkeypatch):
    reg = register_school(session)
    member, password = reg.members["handler"]
    assert login_member(client, member, password).status_code == 302
    assert client.get("/skola/").status_code == 200
    real_time, real_monotonic = time.time, time.monotonic
    monkeypatch.setattr(time, "time", lambda: real_time() + 29 * 60)
    monkeypatch.setattr(time, "monotonic", lambda: real_monotonic() + 29 * 60)
    assert client.get("/skola/").status_code == 200  # activity refreshes the session
    monkeypatch.setattr(time, "time", lambda: real_time() + 60 * 60)
    monkeypatch.setattr(time, "monotonic", lambda: real_monotonic() + 60 * 60)
    response = client.get("/skola/")
    assert response.status_code == 302 and "/skola/prihlaseni" in response.headers["Location"]


def test_logout_invalidates_a_copied_cookie(app, client, session):
    reg = register_school(session)
    member, password = reg.members["handler"]
    login_member(client, member, password)
    stolen = client.get_cookie("session").value
    client.post("/skola/odhlasit", data={"csrf_token": csrf_token(client, "/skola/")})
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/skola/").status_code == 302


def test_second_factor_is_required(app, session):
    reg = register_school(session)
    member, password = reg.members["handler"]
    client = app.test_client()
    first = client.post("/skola/prihlaseni", data={
        "csrf_token": csrf_token(client, "/skola/prihlaseni"), "email": member.email,
        "password": password})
    assert first.headers["Location"].endswith("/skola/overeni")
    assert client.get("/skola/").status_code == 302  # a password alone logs nobody in
    wrong = client.post("/skola/overeni", data={
        "csrf_token": csrf_token(client, "/skola/overeni"), "code": "000000"})
    assert wrong.status_code == 401 and client.get("/skola/").status_code == 302


def test_failed_logins_are_throttled_per_account(app, session):
    reg = register_school(session)
    member, password = reg.members["handler"]
    client = app.test_client()
    for _ in range(5):
        response = client.post("/skola/prihlaseni", data={
            "csrf_token": csrf_token(client, "/skola/prihlaseni"), "email": member.email,
            "password": "spatne-heslo-123"})
        assert response.status_code == 401
    blocked = login_member(client, member, password)  # even the right password now
    assert blocked.status_code == 429 and "Příliš mnoho" in blocked.get_data(as_text=True)
    failures = session.scalar(select(func.count(LoginAttempt.id)).where(
        LoginAttempt.account_type == "member", LoginAttempt.account_id == member.id,
        LoginAttempt.success.is_(False)))
    assert failures == 5
    assert session.scalars(select(AuditEvent).where(
        AuditEvent.action == "login.throttled")).first() is not None
    other, other_password = reg.members["admin"]  # per account: others are not locked out
    assert login_member(app.test_client(), other, other_password).status_code == 302


@pytest.mark.parametrize("age_days", [6, 8])
def test_login_records_are_kept_at_most_seven_days(client, session, age_days):
    reg = register_school(session)
    member, password = reg.members["handler"]
    session.add(LoginAttempt(account_type="member", account_id=member.id, success=False,
                             created_at=utcnow() - timedelta(days=age_days)))
    session.commit()
    login_member(client, member, password)
    session.expire_all()
    old = session.scalar(select(func.count(LoginAttempt.id)).where(
        LoginAttempt.created_at < utcnow() - timedelta(days=1)))
    assert old == (1 if age_days < 7 else 0)


def test_purge_command(settings, session, monkeypatch):
    from click.testing import CliRunner

    from ozvise.cli import main

    session.add(LoginAttempt(account_type="member", account_id=1, success=False,
                             created_at=utcnow() - timedelta(days=8)))
    session.commit()
    monkeypatch.setenv("OZVISE_INSTANCE_DIR", str(settings.instance_dir))
    monkeypatch.setenv("OZVISE_DATABASE_URL", settings.database_url)
    result = CliRunner().invoke(main, ["logins", "purge"])
    assert result.exit_code == 0 and "Smazáno záznamů o přihlášení: 1." in result.output
    session.expire_all()
    assert session.scalar(select(func.count(LoginAttempt.id))) == 0
