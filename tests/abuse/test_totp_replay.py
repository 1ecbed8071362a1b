"""A TOTP code is accepted once: not again after a restart, not in a concurrent race."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from ozvise.app import create_app
from ozvise.db import session_factory
from review_ui.second_factor import claim_step, current_code
from tests.factories import MODERATOR_PASSWORD, csrf_token, make_moderator


def _password_then_code(app, code: str) -> int:
    client = app.test_client()
    token = csrf_token(client, "/moderace/prihlaseni")
    first = client.post("/moderace/prihlaseni", data={
        "csrf_token": token, "username": "moderator", "password": MODERATOR_PASSWORD})
    assert first.status_code == 302
    token = csrf_token(client, "/moderace/overeni")
    return client.post("/moderace/overeni", data={"csrf_token": token, "code": code}).status_code


def test_a_used_code_is_refused_after_a_restart(app, settings, session):
    moderator = make_moderator(session)
    code = current_code(moderator.totp_secret)
    assert _password_then_code(app, code) == 302
    restarted = create_app(settings)  # a new process: nothing in memory survives
    assert _password_then_code(restarted, code) == 401


def test_concurrent_claims_of_one_step_let_exactly_one_through(app):
    factory = session_factory(app)
    barrier = threading.Barrier(8)

    def claim(_n: int) -> bool:
        with factory() as own:
            barrier.wait()
            won = claim_step(own, "counsellor:5", 1_000_000)
            own.commit()
            return won

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(claim, range(8))).count(True) == 1
    with factory() as own:
        assert not claim_step(own, "counsellor:5", 999_999)  # an older step: never
        assert claim_step(own, "counsellor:5", 1_000_001)  # the next one: yes
        assert claim_step(own, "counsellor:6", 0)  # other accounts are independent
