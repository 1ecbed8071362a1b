"""Crisis help on every pupil page, prominent for an urgent report; the flag stored alone."""

from __future__ import annotations

import re

from intake.receipts import report_for_receipt
from ner.urgency import CATEGORY_LABELS_CS, UrgencyCategory
from tests.at_rest import stored_values
from tests.conversation.helpers import open_status
from tests.factories import csrf_token, register_school, submit_form

URGENT = "Ve skupině mi Kuba napsal, ať se zabiju, a že mě stejně zabije po škole."
CALM = "Holky mi schovávají penál a smějí se mi, že nosím brýle."
HELP_LINKS = ('href="tel:116111"', 'href="tel:155"', 'href="tel:158"', 'href="tel:112"')


def _receipt(html: str) -> str:
    return re.search(r'data-receipt="([0-9-]+)"', html).group(1)


def _prominent(html: str) -> bool:
    return 'class="crisis crisis-urgent" role="alert"' in html


def _crisis_box(html: str) -> str:
    box = re.search(r'<(?:section|aside) class="crisis.*?</(?:section|aside)>', html, re.S)
    return box.group(0)


def test_urgent_report_gets_the_prominent_help_on_receipt_and_status(client, session, app):
    reg = register_school(session)
    response = submit_form(client, reg.school.id, URGENT)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert _prominent(html)
    box = _crisis_box(html)
    assert all(link in box for link in HELP_LINKS) and "Linka bezpečí 116 111" in box
    # at the top: right under the heading, before the receipt code
    assert html.index("crisis-urgent") < html.index('id="receipt"')

    receipt = _receipt(html)
    session.expire_all()
    report = report_for_receipt(session, receipt)
    assert report.urgent is True

    status = open_status(app.test_client(), receipt).get_data(as_text=True)
    assert _prominent(status) and status.index("crisis-urgent") < status.index('id="status"')


def test_calm_report_gets_the_quiet_line_only(client, session, app):
    reg = register_school(session)
    html = submit_form(client, reg.school.id, CALM).get_data(as_text=True)
    assert not _prominent(html) and 'role="alert"' not in _crisis_box(html)
    assert all(link in _crisis_box(html) for link in HELP_LINKS)
    receipt = _receipt(html)
    session.expire_all()
    assert report_for_receipt(session, receipt).urgent is False
    status = open_status(app.test_client(), receipt).get_data(as_text=True)
    assert not _prominent(status) and 'href="tel:116111"' in status


def test_every_pupil_page_shows_where_to_get_help(client, session, app):
    reg = register_school(session)
    receipt = _receipt(submit_form(client, reg.school.id, CALM).get_data(as_text=True))
    pages = {"form": client.get("/"), "status lookup": client.get("/stav"),
             "wrong receipt": client.post("/stav", data={"receipt": "1",
                                                        "csrf_token": csrf_token(client, "/stav")})}
    pages["error (no CSRF token)"] = app.test_client().post("/nahlasit", data={"text": CALM})
    reporter = app.test_client()
    pages["status"] = open_status(reporter, receipt)
    pages["conversation"] = reporter.get("/stav/konverzace")
    pages["about"] = client.get("/o-sluzbe")
    pages["receipt page (reloaded)"] = client.get("/odeslano")
    pages["receipt page (receipt gone)"] = app.test_client().get("/odeslano")
    for name, response in pages.items():
        html = response.get_data(as_text=True)
        assert html.count('id="crisis-help"') == 1 and 'href="tel:116111"' in html, name
    assert pages["error (no CSRF token)"].status_code == 400
    staff_error = client.post("/skola/prihlaseni", data={}).get_data(as_text=True)
    assert 'id="crisis-help"' not in staff_error  # staff pages stay as they were


def test_only_the_flag_is_stored_never_the_category(client, session):
    reg = register_school(session)
    submit_form(client, reg.school.id, URGENT)
    session.expire_all()
    cells = [str(v) for _t, column, v in stored_values(session) if isinstance(v, str)]
    words = [c.value for c in UrgencyCategory] + list(CATEGORY_LABELS_CS.values())
    assert not any(word in cell for cell in cells for word in words)


def test_api_tells_the_app_when_to_show_help_prominently(client, session):
    reg = register_school(session)
    for text, urgent in ((URGENT, True), (CALM, False)):
        created = client.post("/api/v1/reports", json={"school_id": reg.school.id, "text": text})
        assert created.status_code == 201 and created.get_json()["urgent"] is urgent
        status = client.get("/api/v1/reports/status",
                            headers={"Authorization": f"Bearer {created.get_json()['receipt']}"})
        assert status.get_json()["urgent"] is urgent
