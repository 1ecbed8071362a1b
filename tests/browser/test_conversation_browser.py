"""A school's reply reaches the reporter's status page in a real browser (phone size)."""

from __future__ import annotations

import pytest

from tests.conversation.helpers import school_writes
from tests.factories import delivered_report, login_member, register_school

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPLY = "Děkujeme, že ses ozval(a). Zítra to probereme s třídní učitelkou."
ANSWER = "Děkuju. Dnes to bylo zase v šatně po tělocviku."


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_reply_reaches_reporter_status_page(app, live_server, phone_page, client, session,
                                            settings, artifacts):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=False)
    reg = register_school(session, roles=("admin", "handler"))
    report, receipt = delivered_report(client, session, settings, reg.school.id,
                                       "Posmívají se mi kvůli brýlím.", name="Ota", klass="5.A")
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    assert school_writes(school, report.id, REPLY).status_code == 302

    page = phone_page
    page.goto(live_server + "/stav")
    page.fill("#receipt", receipt)
    page.click("button[type=submit]")
    page.wait_for_selector("#konverzace")
    assert REPLY in page.inner_text("#konverzace")
    assert receipt not in page.url
    page.screenshot(path=str(artifacts / "conversation-reporter-reply.png"), full_page=True)

    page.fill("#reply-text", ANSWER)
    page.click("button:has-text('Odeslat zprávu')")
    page.wait_for_selector(".flash-ok")
    assert ANSWER in page.inner_text("#konverzace")
    page.screenshot(path=str(artifacts / "conversation-reporter-answered.png"), full_page=True)

    school_page = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert ANSWER in school_page and REPLY in school_page

    page.click("button:has-text('Zavřít zprávy')")
    page.goto(live_server + "/stav/konverzace")
    assert "/stav/konverzace" not in page.url and ANSWER not in page.content()
