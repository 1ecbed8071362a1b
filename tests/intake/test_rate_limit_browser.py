"""The rate limit answers with the pupil's text still in the form (issue 17, item 1)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import Report
from tests.factories import register_school

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]
TEXT = "Vojtu spolužáci zamykají na záchodě a vyhrožují mu.\nDěje se to každý den."


@pytest.fixture
def settings(settings):
    return settings.with_overrides(rate_limit_reports="1 per hour")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_text_survives_the_rate_limit(live_server, browser, session, js):
    school = register_school(session).school
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ",
                                  java_script_enabled=js)
    page = context.new_page()
    for _attempt in range(2):
        page.goto(live_server + f"/?school_id={school.id}")
        page.fill("#victim_name", "Vojta")
        page.fill("#text", TEXT)
        page.click("#send-button")
        page.wait_for_load_state()
    assert "Nic se neztratilo" in page.inner_text("#chyba")
    assert page.input_value("#text") == TEXT and page.input_value("#victim_name") == "Vojta"
    session.expire_all()
    assert session.scalar(select(func.count(Report.id))) == 1
    context.close()
