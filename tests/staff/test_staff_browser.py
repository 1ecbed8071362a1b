"""The staff screens in a real browser (Debian chromium): a school with 30 reports finds
one pupil's report by name in the list decrypted in its session, sees the unread badge
after a moderated follow-up (one mail per member); removing a member and sharing with a
counsellor ask first; and every staff page fits a 390 px phone without horizontal
scrolling. Screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import CounsellorShare, SchoolMember
from tests.browser_checks import FITS, GROUPS_UNBROKEN
from tests.browser_logins import counsellor_login, member_login, moderator_login
from tests.conversation.helpers import open_status, reporter_writes
from tests.counsellor.helpers import PASSWORD as COUNSELLOR_PASSWORD
from tests.counsellor.helpers import make_counsellor
from tests.factories import delivered_report, register_school
from tests.portal.helpers import outbox

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

PUPIL, PUPIL_CLASS = "Anežka Křemenová", "6.C"


def _phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")


def _school_with_30_reports(app, session, settings):
    reg = register_school(session)
    client = app.test_client()
    reports = []
    for i in range(30):
        name, klass = (PUPIL, PUPIL_CLASS) if i == 17 else (f"Žák Číslo{i}", "9.A")
        report, receipt = delivered_report(
            client, session, settings, reg.school.id,
            f"Hlášení číslo {i}: o přestávce mi berou věci a smějí se mi.", name=name,
            klass=klass)
        reports.append((report, receipt))
    return reg, reports


def test_school_finds_a_pupil_and_sees_the_follow_up(live_server, app, browser, session,
                                                     settings, artifacts):
    from tests.factories import make_moderator

    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg, reports = _school_with_30_reports(app, session, settings)
    target, receipt = reports[17]
    context = _phone(browser)
    page = context.new_page()
    member_login(page, live_server, *reg.members["handler"])
    page.goto(live_server + "/skola/")
    assert page.locator("#reports tbody tr").count() == 25  # paged
    page.fill("#hledat", "kremenova")
    page.click("button:has-text('Filtrovat')")
    assert "kremenova" not in page.url  # the name never lands in the address (history)
    rows = page.locator("#reports tbody tr")
    assert rows.count() == 1
    assert f"{PUPIL}, {PUPIL_CLASS}" in rows.first.inner_text()
    page.screenshot(path=str(artifacts / "staff-list-search.png"), full_page=True)

    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, "Dneska zase, tentokrát na chodbě.")
    moderator = make_moderator(session)
    mod = context.browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    mod_page = mod.new_page()
    moderator_login(mod_page, live_server, moderator)
    mod_page.goto(live_server + "/moderace/zpravy")
    mod_page.click("button:has-text('Předat')")
    mod.close()

    page.goto(live_server + "/skola/")
    row = page.locator(f"#r-{target.id}")
    assert "1 nová zpráva" in row.inner_text()
    page.screenshot(path=str(artifacts / "staff-list-unread-follow-up.png"), full_page=True)
    notices = outbox(session, "followup_notice")
    assert sorted(n.recipient for n in notices) == sorted(
        m.email for m, _ in (reg.members["admin"], reg.members["handler"]))
    page.click(f"#r-{target.id} a")
    assert "1 nová zpráva od oznamovatele" in page.inner_text("#new-messages")
    assert "Dneska zase" in page.inner_text("#konverzace")
    context.close()


def test_removing_and_sharing_ask_first(live_server, app, browser, session, settings,
                                        artifacts):
    reg = register_school(session)
    report, _ = delivered_report(app.test_client(), session, settings, reg.school.id,
                                 "Kluci mě strkají na chodbě.", name=PUPIL, klass=PUPIL_CLASS)
    counsellor = make_counsellor(session, "radova", "Mgr. Pavla Radová")
    handler = reg.members["handler"][0]
    context = _phone(browser)
    page = context.new_page()
    member_login(page, live_server, *reg.members["admin"])

    page.goto(live_server + "/skola/clenove")
    page.click(f"#member-{handler.id} button:has-text('Odebrat')")
    assert "Odebrat Člen handler z portálu školy?" in page.inner_text("#potvrzeni")
    page.screenshot(path=str(artifacts / "staff-confirm-remove.png"), full_page=True)
    page.click("#zpet")  # back: nothing happens
    session.expire_all()
    assert session.get(SchoolMember, handler.id).active
    page.click(f"#member-{handler.id} button:has-text('Odebrat')")
    page.click("#potvrdit")
    assert "už do portálu nemá přístup" in page.content()
    session.expire_all()
    assert not session.get(SchoolMember, handler.id).active

    page.goto(live_server + f"/skola/hlaseni/{report.id}")
    page.select_option("#counsellor-id", str(counsellor.id))
    page.click("button:has-text('Sdílet hlášení s poradcem')")
    assert "Mgr. Pavla Radová uvidí celé hlášení" in page.inner_text("#co-se-stane")
    assert session.scalars(select(CounsellorShare)).all() == []
    page.screenshot(path=str(artifacts / "staff-confirm-share.png"), full_page=True)
    page.click("#potvrdit")
    assert "Hlášení je sdílené s poradcem" in page.content()
    assert len(session.scalars(select(CounsellorShare)).all()) == 1
    context.close()





def _fits(page, base: str, path: str, artifacts, name: str, public: bool = False) -> str | None:
    page.goto(base + path)
    assert public or "prihlaseni" not in page.url, f"{path}: not logged in"
    page.screenshot(path=str(artifacts / f"staff-390-{name}.png"), full_page=True)
    if page.evaluate(FITS):
        return None
    width = page.evaluate("document.documentElement.scrollWidth")
    return f"{path}: {width} px wide at 390"


def test_every_staff_page_fits_a_phone(live_server, app, browser, session, settings,
                                       artifacts):
    from tests.factories import make_moderator
    from tests.moderation.conftest import submit_pending

    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(
        app.test_client(), session, settings, reg.school.id,
        "Spolužáci ze třídy mi každý den schovávají věci a posílají si o mně zprávy.",
        name="Bořivoj Dlouhojmenný-Nejdelší", klass="9.A")
    pending = submit_pending(app, session, reg.school.id, "Ve škole mi někdo bere svačinu.")
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, "Ještě jedna věc k tomu.")
    counsellor = make_counsellor(session, "radova", "Mgr. Pavla Radová")
    moderator = make_moderator(session)
    problems = []

    context = _phone(browser)
    page = context.new_page()
    for path, name in (("/skola/prihlaseni", "login"), ("/skola/registrace", "register"),
                       ("/skola/obnova-pristupu", "recovery"),
                       ("/moderace/prihlaseni", "mlogin"), ("/poradce/prihlaseni", "clogin")):
        problems.append(_fits(page, live_server, path, artifacts, name, public=True))
    member_login(page, live_server, *reg.members["admin"])
    page.goto(live_server + f"/skola/hlaseni/{report.id}")
    page.select_option("#counsellor-id", str(counsellor.id))
    page.click("button:has-text('Sdílet hlášení s poradcem')")
    problems.append(None if page.evaluate(FITS) else "confirmation page too wide")
    page.click("#potvrdit")
    page.goto(live_server + "/skola/clenove")
    page.fill("#name", "Marie Nováková")
    page.fill("#email", "marie.novakova@skola.example")
    page.fill("#phone", "731000222")
    page.click("button:has-text('Poslat pozvánku')")
    assert page.locator("#code").count() == 1  # the invitation code is on the page
    assert page.evaluate(GROUPS_UNBROKEN, "#code"), "an invitation code group is split"
    problems.append(None if page.evaluate(FITS) else "members page with a code too wide")
    for path, name in (("/skola/", "list"), (f"/skola/hlaseni/{report.id}", "report"),
                       (f"/skola/hlaseni/{report.id}/konverzace", "conversation"),
                       ("/skola/clenove", "members"), ("/skola/statistiky", "stats"),
                       ("/skola/upozorneni", "notices"), ("/skola/heslo-pdf/", "pdf"),
                       ("/skola/ukoncit-registraci", "leave")):
        problems.append(_fits(page, live_server, path, artifacts, name))
    context.close()

    pages = {"moderator": ((lambda page: moderator_login(page, live_server, moderator)),
                           (("/moderace/", "queue"), (f"/moderace/hlaseni/{pending.id}", "review"),
                            ("/moderace/zpravy", "followups"), ("/moderace/statistiky", "mstats"),
                            ("/moderace/moderatori", "team"))),
             "counsellor": ((lambda page: counsellor_login(page, live_server, counsellor,
                                                           COUNSELLOR_PASSWORD)),
                            (("/poradce/", "shared"),
                             (f"/poradce/hlaseni/{report.id}", "shared-report")))}
    for login, paths in pages.values():
        context = _phone(browser)
        page = context.new_page()
        login(page)
        problems.extend(_fits(page, live_server, path, artifacts, name) for path, name in paths)
        context.close()
    assert not [p for p in problems if p], [p for p in problems if p]
