"""Login throttling per (account, client): growing delays, no lockout of the owner,
atomic counting under real concurrency, purge after 7 days (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import requests
from sqlalchemy import func, select, update

from models import LoginAttempt, LoginThrottle, utcnow
from ozvise.app import create_app
from ozvise.db import session_factory
from review_ui import login_throttle
from review_ui.auth import purge_login_attempts
from tests.factories import csrf_token, login_member, register_school

ATTACKER, OWNER = "198.51.100.66", "192.0.2.10"


def _wrong_password(client, email: str) -> int:
    token = csrf_token(client, "/skola/prihlaseni")
    return client.post("/skola/prihlaseni", data={"csrf_token": token, "email": email,
                                                  "password": "spatne-heslo-123"}).status_code


def test_wrong_passwords_slow_down_their_client_not_the_owner(app, session):
    reg = register_school(session)
    member, password = reg.members["handler"]
    attacker = app.test_client()
    attacker.environ_base["REMOTE_ADDR"] = ATTACKER
    assert [_wrong_password(attacker, member.email) for _ in range(6)] == [401] * 5 + [429]
    assert "nejvýše na 15 minut" in attacker.post("/skola/prihlaseni", data={
        "csrf_token": csrf_token(attacker, "/skola/prihlaseni"), "email": member.email,
        "password": password}).get_data(as_text=True)  # even the right password waits
    owner = app.test_client()
    owner.environ_base["REMOTE_ADDR"] = OWNER
    assert login_member(owner, member, password).headers["Location"].endswith("/skola/")


def test_delays_grow_and_a_full_login_resets_the_client(session):
    start = utcnow()
    account, client = "member:1", "c" * 32

    def attempt(after_seconds: float) -> login_throttle.Verdict:
        return login_throttle.reserve_attempt(session, account, client,
                                              now=start + timedelta(seconds=after_seconds))

    assert all(attempt(0).allowed for _ in range(5))
    refused = attempt(1)
    assert not refused.allowed and 13 <= refused.retry_after_seconds <= 15
    assert attempt(16).allowed  # 6th try after 15 s …
    assert not attempt(40).allowed  # … then 30 s
    assert attempt(47).allowed  # 7th
    assert not attempt(100).allowed and attempt(108).allowed  # 60 s
    assert [login_throttle.delay_after(n).total_seconds() for n in (4, 5, 6, 7, 12, 30)] == [
        0, 15, 30, 60, 900, 900]
    login_throttle.succeeded(session, account, client)
    session.commit()
    assert all(attempt(109).allowed for _ in range(5))


def test_a_quiet_day_forgets_the_count(session):
    start = utcnow()
    for _ in range(5):
        login_throttle.reserve_attempt(session, "moderator:1", "d" * 32, now=start)
    assert not login_throttle.reserve_attempt(session, "moderator:1", "d" * 32,
                                              now=start + timedelta(seconds=5)).allowed
    later = start + timedelta(days=1, seconds=1)
    assert all(login_throttle.reserve_attempt(session, "moderator:1", "d" * 32,
                                              now=later).allowed for _ in range(5))


def test_concurrent_tries_cannot_pass_the_limit(app, session):
    """Twelve real threads, each on its own database connection, race for the same
    (account, client): exactly FREE_FAILURES get through."""
    factory = session_factory(app)
    barrier = threading.Barrier(12)
    moment = utcnow()

    def race(_n: int) -> bool:
        with factory() as own:
            barrier.wait()
            return login_throttle.reserve_attempt(own, "member:7", "e" * 32, now=moment).allowed

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(race, range(12)))
    assert results.count(True) == login_throttle.FREE_FAILURES
    failures = session.scalar(select(LoginThrottle.failures).where(
        LoginThrottle.account == "member:7"))
    assert failures == login_throttle.FREE_FAILURES


@pytest.fixture
def app(settings):
    """The app without the Argon2 cap: the race below is about the throttle, not the cap."""
    from tests import factories

    application = create_app(settings.with_overrides(argon2_concurrency=0))
    factories.CURRENT_APP = application
    yield application
    factories.CURRENT_APP = None


def test_concurrent_wrong_passwords_over_http_record_at_most_the_limit(live_server, session):
    reg = register_school(session)
    member, _password = reg.members["admin"]
    url = f"{live_server}/skola/prihlaseni"

    def try_once(_n: int) -> int:
        with requests.Session() as browser:
            token = re.search(r'name="csrf_token" value="([^"]+)"',
                              browser.get(url, timeout=30).text).group(1)
            return browser.post(url, data={"csrf_token": token, "email": member.email,
                                           "password": "spatne-heslo-123"}, timeout=60
                                ).status_code

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(try_once, range(10)))
    assert codes.count(401) == 5 and codes.count(429) == 5
    recorded = session.scalar(select(func.count(LoginAttempt.id)).where(
        LoginAttempt.account_id == member.id, LoginAttempt.success.is_(False)))
    assert recorded == 5


def test_throttle_rows_are_purged_after_7_days_and_hold_no_address(app, session):
    reg = register_school(session)
    member, _password = reg.members["handler"]
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = ATTACKER
    _wrong_password(client, member.email)
    row = session.scalars(select(LoginThrottle)).one()
    assert ATTACKER not in row.client and re.fullmatch(r"[0-9a-f]{32}", row.client)
    session.execute(update(LoginThrottle).values(updated_at=utcnow() - timedelta(days=8)))
    session.execute(update(LoginAttempt).values(created_at=utcnow() - timedelta(days=8)))
    session.commit()
    assert purge_login_attempts(session) == 2  # the attempt record and the throttle row
    session.commit()
    assert session.scalar(select(func.count(LoginThrottle.id))) == 0
