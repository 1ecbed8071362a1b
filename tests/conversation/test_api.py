"""The mobile app's conversation endpoints, authorised by the receipt in a Bearer header."""

from __future__ import annotations

from tests.conversation.helpers import school_writes
from tests.factories import delivered_report, login_member, register_school

REPLY = "Dobrý den, díky za zprávu. Jsme tu pro tebe."


def test_api_round_trip(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=False)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, "Strkají mě.")
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    school_writes(school, report.id, REPLY)

    auth = {"Authorization": f"Bearer {receipt}"}
    body = client.get("/api/v1/reports/messages", headers=auth).get_json()
    assert body["can_write"] is True and [m["text"] for m in body["messages"]] == [REPLY]
    assert body["messages"][0]["author"] == "school"

    sent = client.post("/api/v1/reports/messages", headers=auth, json={"text": "Díky, napíšu."})
    assert sent.status_code == 201 and sent.get_json()["awaiting_moderation"] is False
    page = school.get(f"/skola/hlaseni/{report.id}/konverzace").get_data(as_text=True)
    assert "Díky, napíšu." in page


def test_api_refuses_bad_input(app, client, session, settings):
    reg = register_school(session)
    _report, receipt = delivered_report(client, session, settings, reg.school.id, "Text.")
    assert client.get("/api/v1/reports/messages").status_code == 401
    wrong = {"Authorization": "Bearer " + "9" * 25}
    response = client.get("/api/v1/reports/messages", headers=wrong)
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "receipt_unknown"
    auth = {"Authorization": f"Bearer {receipt}"}
    assert client.post("/api/v1/reports/messages", headers=auth, data="x").status_code == 415
    empty = client.post("/api/v1/reports/messages", headers=auth, json={"text": "  "})
    assert empty.status_code == 400 and empty.get_json()["error"]["field"] == "text"
    assert client.post("/api/v1/reports/messages", headers=auth, json=[1]).status_code == 400
    too_long = client.post("/api/v1/reports/messages", headers=auth, json={"text": "a" * 4001})
    assert too_long.status_code == 400


def test_api_closed_before_delivery(app, client, session, settings):
    from models import Plan

    reg = register_school(session, plan=Plan.BASIC)  # basic plan: PDF, no portal conversation
    response = client.post("/api/v1/reports", json={"school_id": reg.school.id, "text": "Text."})
    receipt = response.get_json()["receipt"]
    auth = {"Authorization": f"Bearer {receipt}"}
    body = client.get("/api/v1/reports/messages", headers=auth).get_json()
    assert body["can_write"] is False and body["closed_reason"]
    sent = client.post("/api/v1/reports/messages", headers=auth, json={"text": "Ahoj"})
    assert sent.status_code == 409 and sent.get_json()["error"]["code"] == "conversation_closed"
