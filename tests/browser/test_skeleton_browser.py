"""The walking skeleton in a real browser: submit on a phone, read in the portal."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from delivery.handover import hand_over
from models import Report
from tests.browser_logins import member_login
from tests.factories import register_school

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_submit_and_read_in_portal(live_server, phone_page, session, settings, artifacts):
    reg = register_school(session, roles=("admin", "handler"))
    page = phone_page
    page.goto(live_server + "/")
    page.select_option("#school_id", str(reg.school.id))
    page.fill("#victim_name", "Šimon Kořínek")
    page.fill("#victim_class", "6.B")
    page.fill("#text", "Šimona z 6.B každý den strkají do skříněk.")
    page.click("button:has-text('Odeslat hlášení')")
    page.wait_for_selector("#receipt")
    page.screenshot(path=str(artifacts / "skeleton-receipt.png"), full_page=True)
    hand_over(session, settings, session.scalars(select(Report)).one())  # moderator: not spam
    session.commit()

    member_login(page, live_server, *reg.members["handler"])
    page.click("table a")
    assert page.inner_text("#victim-name") == "Šimon Kořínek"
    assert page.inner_text("#victim-class") == "6.B"
    page.screenshot(path=str(artifacts / "skeleton-portal-report.png"), full_page=True)
