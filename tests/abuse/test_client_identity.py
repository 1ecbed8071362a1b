"""Client identity behind trusted proxies, and limits that count what they are meant to."""

from __future__ import annotations

import pytest

from ozvise.app import create_app
from tests.factories import register_school

PROXY = "10.0.0.2"  # the TLS proxy's address as the server sees it (never contacted)
GUESS = "Bearer " + "1" * 25


def _status(client, client_ip: str, receipt: str = GUESS, forwarded: str | None = None):
    headers = {"Authorization": receipt,
               "X-Forwarded-For": forwarded if forwarded is not None else client_ip}
    return client.get("/api/v1/reports/status", headers=headers,
                      environ_base={"REMOTE_ADDR": PROXY}).status_code


@pytest.fixture
def proxied_app(settings):
    return create_app(settings.with_overrides(trusted_proxy_hops=1))


def test_behind_one_proxy_each_client_has_its_own_lookup_budget(proxied_app):
    client = proxied_app.test_client()
    assert [_status(client, "198.51.100.7") for _ in range(10)] == [401] * 10
    assert _status(client, "198.51.100.7") == 429
    assert _status(client, "198.51.100.8") == 401  # another pupil behind the same proxy


def test_without_trusted_hops_the_header_is_ignored(app):
    """Default 0 hops: X-Forwarded-For cannot pick an identity (everyone is the proxy)."""
    client = app.test_client()
    for n in range(10):
        assert _status(client, f"198.51.100.{n}") == 401
    assert _status(client, "198.51.100.200") == 429


def test_a_client_cannot_escape_its_limit_by_forging_the_header(proxied_app):
    client = proxied_app.test_client()
    for n in range(10):  # the proxy appends the real address after the forged one
        assert _status(client, "", forwarded=f"203.0.113.{n}, 198.51.100.7") == 401
    assert _status(client, "", forwarded="203.0.113.99, 198.51.100.7") == 429


def test_proxy_fix_also_trusts_the_scheme(proxied_app):
    client = proxied_app.test_client()
    response = client.get("/skola/prihlaseni", environ_base={"REMOTE_ADDR": PROXY},
                          headers={"X-Forwarded-For": "198.51.100.7",
                                   "X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_only_failed_lookups_count(client, session, settings):
    reg = register_school(session)
    created = client.post("/api/v1/reports", json={"school_id": reg.school.id,
                                                   "text": "Někdo mi bere svačinu."})
    receipt = "Bearer " + created.get_json()["receipt"]
    for _ in range(12):  # a reporter checking their own report is never limited
        response = client.get("/api/v1/reports/status", headers={"Authorization": receipt})
        assert response.status_code == 200
    codes = [client.get("/api/v1/reports/status", headers={"Authorization": GUESS}).status_code
             for _ in range(11)]
    assert codes == [401] * 10 + [429]


def test_form_lookup_counts_failures_only(client, session):
    from tests.factories import csrf_token

    token = csrf_token(client, "/stav")
    codes = [client.post("/stav", data={"csrf_token": token, "receipt": "1" * 25}).status_code
             for _ in range(11)]
    assert codes == [404] * 10 + [429]


def test_only_accepted_reports_count(settings, session):
    app = create_app(settings.with_overrides(rate_limit_reports="2 per hour"))
    client = app.test_client()
    reg = register_school(session)
    for _ in range(4):  # refused submissions (empty text) cost nothing
        refused = client.post("/api/v1/reports", json={"school_id": reg.school.id, "text": " "})
        assert refused.status_code == 400
    body = {"school_id": reg.school.id, "text": "Spolužák mi každý den schová boty."}
    assert [client.post("/api/v1/reports", json=body).status_code for _ in range(3)] == [
        201, 201, 429]
