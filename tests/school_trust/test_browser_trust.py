"""In a real browser (Debian chromium): someone who does not control the school's register
address registers it and sees no report; the register address confirms on the page from
its mail; new reports then open in the portal. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pyotp
import pytest
from sqlalchemy import delete

from models import TotpStep
from tests.factories import delivered_report, make_school
from tests.school_trust.helpers import IMPOSTOR_PASSWORD, IMPOSTORS, register_mail

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

NAME = "Viktorie Hájková"


def test_registrant_sees_reports_only_after_the_register_address_confirms(
        live_server, app, browser, phone_page, session, settings, artifacts, onboarding_key):
    school = make_school(session, name="ZŠ Javorová, Brno", town="Brno", street="Javorová 4")
    session.commit()
    page = phone_page
    page.goto(live_server + "/skola/registrace?q=javorova")
    page.check(f"input[name=red_izo][value='{school.red_izo}']")
    page.fill("#legal_entity_name", "Základní škola Javorová, příspěvková organizace")
    for slot, (name, email, phone) in enumerate(IMPOSTORS, start=1):
        page.fill(f"#c{slot}_name", name)
        page.fill(f"#c{slot}_email", email)
        page.fill(f"#c{slot}_phone", phone)
    page.fill("#password", IMPOSTOR_PASSWORD)
    page.fill("#password2", IMPOSTOR_PASSWORD)
    page.check("input[name=understood]")
    page.click("button:has-text('Zaregistrovat školu')")
    session.execute(delete(TotpStep))  # replay protection: as if the next code came
    session.commit()
    page.fill("#code", pyotp.TOTP(page.inner_text("#totp-secret").strip()).now())
    page.click("button:has-text('Ověřit a pokračovat')")
    assert "nelze znovu načíst" in page.inner_text("#shown-once")
    page.click("a:has-text('pokračovat do portálu')")
    assert "čeká na ověření" in page.inner_text("h1")
    page.screenshot(path=str(artifacts / "trust-pending-portal.png"), full_page=True)

    early, _ = delivered_report(app.test_client(), session, settings, school.id,
                                f"{NAME} ze 2.B má schované boty.", name=NAME, klass="2.B")
    page.goto(live_server + f"/skola/hlaseni/{early.id}")
    assert page.url.endswith("/skola/cekame-na-overeni") and NAME not in page.content()

    _mail, link, code = register_mail(session)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    director = context.new_page()
    director.goto(live_server + link)
    assert "Ivan Podvodník" in director.inner_text("#registrants")
    director.screenshot(path=str(artifacts / "trust-register-confirmation.png"), full_page=True)
    director.fill("#code", code)
    director.click("button:has-text('Ano, registrace je naše')")
    assert "potvrzena" in director.inner_text("h1")
    context.close()

    later, _ = delivered_report(app.test_client(), session, settings, school.id,
                                f"{NAME} ze 2.B nechce jíst ve školní jídelně.", name=NAME,
                                klass="2.B")
    page.goto(live_server + "/skola/")
    page.click(f"a[href$='{later.id}']")
    assert page.inner_text("#victim-name") == NAME
    page.screenshot(path=str(artifacts / "trust-verified-report.png"), full_page=True)
