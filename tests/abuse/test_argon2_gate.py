"""The global Argon2 cap: at most N evaluations at once; beyond it a fast 503 that keeps
the form's input (except passwords) and works without JavaScript."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from ozvise.app import create_app
from ozvise.argon2_gate import EXTENSION
from tests.factories import csrf_token, register_school

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def gated_app(settings):
    return create_app(settings.with_overrides(argon2_concurrency=1, argon2_wait_ms=20))


def test_busy_login_answers_503_and_keeps_everything_but_the_password(gated_app, session):
    reg = register_school(session)
    member, password = reg.members["handler"]
    client = gated_app.test_client()
    token = csrf_token(client, "/skola/prihlaseni")
    gate = gated_app.extensions[EXTENSION]
    assert gate.acquire()  # another request holds the only slot
    try:
        started = time.perf_counter()
        busy = client.post("/skola/prihlaseni", data={"csrf_token": token, "email": member.email,
                                                      "password": password})
        elapsed = time.perf_counter() - started
    finally:
        gate.release()
    html = busy.get_data(as_text=True)
    assert busy.status_code == 503 and "Retry-After" in busy.headers
    assert elapsed < 1.0  # refused quickly, the worker thread is free again
    assert "vytížený" in html and "<script" not in html
    assert f'name="email" value="{member.email}"' in html
    assert 'name="csrf_token"' in html and password not in html
    action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    retried = client.post(action, data={**fields, "password": password})  # the retry button
    assert retried.status_code == 302 and retried.headers["Location"].endswith("/skola/overeni")


def test_busy_api_lookup_is_json(gated_app):
    client = gated_app.test_client()
    gate = gated_app.extensions[EXTENSION]
    assert gate.acquire()
    try:
        busy = client.get("/api/v1/reports/status", headers={"Authorization": "Bearer " + "1" * 25})
    finally:
        gate.release()
    assert busy.status_code == 503 and busy.get_json()["error"]["code"] == "busy"
    assert client.get("/api/v1/reports/status", headers={
        "Authorization": "Bearer " + "1" * 25}).status_code == 401


def test_pages_without_argon2_are_never_gated(gated_app):
    client = gated_app.test_client()
    gate = gated_app.extensions[EXTENSION]
    assert gate.acquire()
    try:
        assert client.get("/").status_code == 200
        assert client.get("/stav").status_code == 200  # the lookup form itself (GET)
    finally:
        gate.release()


@pytest.fixture
def app(settings, request):
    """The app, with the cap under test where a test names one (indirect parameter)."""
    from tests import factories

    cap = getattr(request, "param", settings.argon2_concurrency)
    application = create_app(settings.with_overrides(argon2_concurrency=cap,
                                                     argon2_wait_ms=10_000))
    factories.CURRENT_APP = application
    yield application
    factories.CURRENT_APP = None


@pytest.mark.parametrize("app", [1, 0], indirect=True, ids=["cap1", "nocap"])
def test_concurrent_lookups_never_exceed_the_cap(app, live_server, monkeypatch):
    import intake.api

    running, peak, lock = 0, 0, threading.Lock()
    original = intake.api.report_for_receipt

    def counted(session, text):  # noqa: ANN001, ANN202
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        try:
            time.sleep(0.15)  # make overlaps certain if the cap lets them happen
            return original(session, text)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(intake.api, "report_for_receipt", counted)
    url = f"{live_server}/api/v1/reports/status"

    def guess(n: int) -> int:
        return requests.get(url, headers={"Authorization": f"Bearer {n:025d}"},
                            timeout=30).status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(guess, range(8)))
    cap = app.config["OZVISE_SETTINGS"].argon2_concurrency
    if cap == 1:  # one runs, one waits, the others are refused at once
        assert peak == 1 and set(codes) <= {401, 503} and codes.count(401) >= 2
    else:
        assert peak > 1 and codes == [401] * 8

