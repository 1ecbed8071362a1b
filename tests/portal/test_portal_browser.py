"""The portal in a real browser (Debian chromium): registration with two members, a handler
reading a delivered report, and an admin re-granting access to a member who forgot the
password. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pyotp
import pytest

from tests.browser_checks import FITS, GROUPS_UNBROKEN
from tests.browser_logins import member_login
from tests.factories import delivered_report, make_school, register_school
from tests.portal.helpers import CONTACTS, FIRST_PASSWORD, link_path, outbox

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


def _enrol_totp(page) -> None:
    secret = page.inner_text("#totp-secret").strip()
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button:has-text('Ověřit a pokračovat')")


def _accept(page, base: str, path: str, code: str, password: str) -> None:
    page.goto(base + path)
    page.fill("#code", code)
    page.fill("#password", password)
    page.fill("#password2", password)
    page.click("button:has-text('Nastavit heslo')")
    _enrol_totp(page)


def test_registration_with_two_members(live_server, browser, phone_page, session, settings,
                                       artifacts):
    school = make_school(session, name="ZŠ Vlnitá, Praha 4", town="Praha", street="Vlnitá 9")
    session.commit()
    page = phone_page
    page.goto(live_server + "/skola/registrace?q=vlnita")
    page.check(f"input[name=red_izo][value='{school.red_izo}']")
    page.fill("#legal_entity_name", "Základní škola Vlnitá, příspěvková organizace")
    for slot, (name, email, phone) in enumerate(CONTACTS, start=1):
        page.fill(f"#c{slot}_name", name)
        page.fill(f"#c{slot}_email", email)
        page.fill(f"#c{slot}_phone", phone)
    page.fill("#password", FIRST_PASSWORD)
    page.fill("#password2", FIRST_PASSWORD)
    page.check("input[name=understood]")
    page.screenshot(path=str(artifacts / "portal-registration-form.png"), full_page=True)
    page.click("button:has-text('Zaregistrovat školu')")
    page.screenshot(path=str(artifacts / "portal-registration-totp.png"), full_page=True)
    _enrol_totp(page)
    recovery = page.inner_text("#recovery-key")
    code = page.inner_text(f"td.code[data-email='{CONTACTS[1][1]}']")
    assert len(recovery.replace("-", "")) == 32 and len(code.replace("-", "")) == 12
    for width in (320, 360, 375, 390, 414):  # codes wrap only between groups, on any phone
        page.set_viewport_size({"width": width, "height": 844})
        assert page.evaluate(GROUPS_UNBROKEN, "#recovery-key, td.code"), width
        assert page.evaluate(FITS), width
    page.set_viewport_size({"width": 390, "height": 844})
    assert "nepřečte" in page.inner_text("main")
    page.screenshot(path=str(artifacts / "portal-registration-recovery-key.png"), full_page=True)

    (invitation,) = outbox(session, "member_invitation")
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    second = context.new_page()
    _accept(second, live_server, link_path(invitation.body, "/skola/pozvanka/"), code,
            "heslo-druhe-osoby-1")
    second.wait_for_selector("#pending-state")  # no reports before the school is verified
    assert "čeká na ověření" in second.inner_text("h1")
    second.screenshot(path=str(artifacts / "portal-second-member-in.png"), full_page=True)
    context.close()


def test_handler_reads_delivered_report_with_names(live_server, app, phone_page, session,
                                                   settings, artifacts):
    reg = register_school(session)
    report, _ = delivered_report(app.test_client(), session, settings, reg.school.id,
                                 "Ondřeji Kubátovi ze 3.B spolužák Dominik Mráz bere svačinu.",
                                 name="Ondřej Kubát", klass="3.B")
    handler, password = reg.members["handler"]
    page = phone_page
    member_login(page, live_server, handler, password)
    page.click("#reports a")
    assert page.inner_text("#victim-name") == "Ondřej Kubát"
    assert page.inner_text("#victim-class") == "3.B"
    assert "Dominik Mráz" in page.inner_text("#report-text")
    page.click("#redacted summary")
    assert "Dominik Mráz" not in page.inner_text("#redacted-text")
    page.screenshot(path=str(artifacts / "portal-handler-report.png"), full_page=True)
    assert report.id in page.url


def test_admin_regrants_forgotten_password_and_member_reads_old_report(
        live_server, app, browser, phone_page, session, settings, artifacts):
    reg = register_school(session)
    report, _ = delivered_report(app.test_client(), session, settings, reg.school.id,
                                 "Stará zpráva: Alžbětu Novou z 9.A vyřazují z kolektivu.",
                                 name="Alžběta Nová", klass="9.A")
    admin, admin_password = reg.members["admin"]
    handler, _forgotten = reg.members["handler"]
    page = phone_page
    member_login(page, live_server, admin, admin_password)
    page.goto(live_server + "/skola/clenove")
    page.click(f"#member-{handler.id} button:has-text('Obnovit přístup')")
    code = page.inner_text("#code")
    page.screenshot(path=str(artifacts / "portal-regrant-code.png"), full_page=True)

    mail = outbox(session, "member_invitation", handler.email)[-1]
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    member_page = context.new_page()
    _accept(member_page, live_server, link_path(mail.body, "/skola/pozvanka/"), code,
            "nove-heslo-po-zapomenuti")
    member_page.goto(live_server + f"/skola/hlaseni/{report.id}")
    assert member_page.inner_text("#victim-name") == "Alžběta Nová"
    member_page.screenshot(path=str(artifacts / "portal-regranted-member-reads.png"),
                           full_page=True)
    context.close()

