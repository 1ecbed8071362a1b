"""The JSON API over real HTTP (waitress on loopback), as the mobile app uses it."""

from __future__ import annotations

import re

import requests

from tests.factories import make_school, register_school

RECEIPT = re.compile(r"^\d{5}(-\d{5}){4}$")


def _school(session, **kwargs):
    reg = register_school(session, make_school(session, **kwargs))
    return reg.school


def test_search_submit_and_status(live_server, session):
    school = _school(session, name="ZŠ Plzeň, Zahradní 14", town="Plzeň", street="Zahradní 14")
    found = requests.get(f"{live_server}/api/v1/schools", params={"q": "plzen zahr"}, timeout=10)
    assert found.status_code == 200
    assert [s["id"] for s in found.json()["schools"]] == [school.id]
    assert found.json()["schools"][0]["name"] == "ZŠ Plzeň, Zahradní 14"

    created = requests.post(f"{live_server}/api/v1/reports", timeout=30, json={
        "school_id": school.id, "victim_name": "Eliška", "victim_class": "5.A",
        "text": "Elišku ze 5.A holky zamykají na záchodě."})
    assert created.status_code == 201, created.text
    body = created.json()
    assert RECEIPT.match(body["receipt"])
    assert body["status"] == "pending_moderation"
    assert body["status_label"] == "Přijato, čeká na kontrolu"

    spaced = body["receipt"].replace("-", " ")  # typed by hand, with spaces
    status = requests.get(f"{live_server}/api/v1/reports/status", timeout=10,
                          headers={"Authorization": f"Bearer {spaced}"})
    assert status.status_code == 200
    assert status.json() == {key: body[key] for key in ("status", "status_label",
                                                         "submitted_on", "urgent")}
    assert status.headers["Cache-Control"] == "no-store"


def test_status_refuses_missing_and_wrong_receipts(live_server, session):
    url = f"{live_server}/api/v1/reports/status"
    missing = requests.get(url, timeout=10)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "receipt_missing"
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = requests.get(url, headers={"Authorization": "Bearer " + "1" * 25}, timeout=10)
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "receipt_unknown"
    assert "Kód hlášení neznáme" in wrong.json()["error"]["message"]


def test_receipt_guessing_is_throttled(live_server, session):
    url = f"{live_server}/api/v1/reports/status"
    codes = [requests.get(url, headers={"Authorization": f"Bearer {n:025d}"}, timeout=10)
             for n in range(12)]
    assert [r.status_code for r in codes[:10]] == [401] * 10
    assert codes[10].status_code == 429
    assert codes[10].json()["error"]["code"] == "rate_limited"
    assert "Retry-After" in codes[10].headers


def test_errors_are_json_with_code_and_czech_message(live_server, session):
    school = _school(session)
    url = f"{live_server}/api/v1/reports"
    cases = [
        ({"json": {"text": "Něco"}}, 400, "school_missing"),
        ({"json": {"school_id": 999999, "text": "Něco"}}, 422, "school_unknown"),
        ({"json": {"school_id": school.id, "text": "  \n "}}, 400, "text_missing"),
        ({"json": {"school_id": school.id, "text": "x" * 20_001}}, 400, "too_long"),
        ({"json": {"school_id": school.id, "text": "a\x00b"}}, 400, "control_characters"),
        ({"json": {"school_id": school.id, "text": 5}}, 400, "invalid_type"),
        ({"json": [1, 2]}, 400, "invalid_json"),
        ({"data": b'{"text": "\xff\xfe"}', "headers": {"Content-Type": "application/json"}},
         400, "invalid_json"),
        ({"data": "[" * 100_000, "headers": {"Content-Type": "application/json"}},
         400, "invalid_json"),
        ({"data": "text=ahoj", "headers": {"Content-Type": "text/plain"}}, 415,
         "unsupported_media_type"),
        ({"data": b"{" + b" " * (1024 * 1024 + 1) + b"}",
          "headers": {"Content-Type": "application/json"}}, 413, "too_large"),
        ({"data": b"{" + b" " * (2 * 1024 * 1024) + b"}",
          "headers": {"Content-Type": "application/json"}}, 413, "too_large"),
    ]
    for kwargs, status, code in cases:
        response = requests.post(url, timeout=30, **kwargs)
        assert response.status_code == status, (code, response.text[:300])
        error = response.json()["error"]
        assert error["code"] == code
        assert re.search(r"[áčďéěíňóřšťúůýž]", error["message"]), error["message"]


def test_unknown_paths_and_methods_answer_json(live_server, session):
    assert requests.get(f"{live_server}/api/v1/nic", timeout=10).json()["error"]["code"] == \
        "not_found"
    response = requests.delete(f"{live_server}/api/v1/reports", timeout=10)
    assert response.status_code == 405 and response.json()["error"]["code"] == \
        "method_not_allowed"


def test_openapi_document_is_served(live_server, session):
    document = requests.get(f"{live_server}/api/v1/openapi.json", timeout=10).json()
    assert document["openapi"].startswith("3.")
    assert {"/schools", "/reports", "/reports/status"} <= set(document["paths"])
