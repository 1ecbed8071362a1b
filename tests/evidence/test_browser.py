"""On a phone (390×844, Debian's chromium): a pupil attaches screenshots (previews, one
removed again), sends; the moderator's review says "2 obrázky" and neither the page, its
HTML nor any of its requests carries a byte of them; the school sees both pictures."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from evidence.sealing import attachments_of, open_attachment
from models import Report
from tests.evidence import files
from tests.evidence.helpers import CLASS, NAME, TEXT
from tests.factories import (
    MODERATOR_PASSWORD,
    fresh_code,
    make_moderator,
    register_school,
    school_data_key,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


def _png(name: str, colour) -> dict[str, object]:
    return {"name": name, "mimeType": "image/png",
            "buffer": files.screenshot_png(360, 640, colour=colour)}


def test_two_screenshots_from_a_phone_reach_the_school_not_the_moderator(
        live_server, browser, phone_page, session, artifacts):
    reg = register_school(session)
    moderator = make_moderator(session)
    page = phone_page
    page.goto(live_server + "/")
    page.select_option("#school_id", str(reg.school.id))
    page.fill("#victim_name", NAME)
    page.fill("#victim_class", CLASS)
    page.fill("#text", TEXT)
    page.set_input_files("#attachments", [_png("chat-1.png", (240, 240, 240)),
                                          _png("chat-2.png", (20, 20, 20))])
    page.set_input_files("#attachments", [_png("omylem.png", (200, 0, 0))])  # picked later
    assert page.locator(".attachment-chosen").count() == 3
    assert page.locator(".attachment-chosen img").count() == 3  # previews (blob: images)
    page.screenshot(path=str(artifacts / "evidence-1-chosen.png"), full_page=True)
    page.click("button[aria-label='Odebrat: omylem.png']")
    assert page.locator(".attachment-chosen").count() == 2
    assert "omylem.png" in page.inner_text("#attachments-status")
    page.click("button:has-text('Odeslat hlášení')")
    page.wait_for_selector("#receipt")
    page.screenshot(path=str(artifacts / "evidence-2-receipt.png"), full_page=True)

    report = session.scalars(select(Report)).one()
    stored = attachments_of(session, report.id)
    assert [a.mime for a in stored] == ["image/png", "image/png"]
    sealed_away = [open_attachment(a, school_data_key(session, report, reg)) for a in stored]

    # The moderator: counts, types, sizes; no attachment byte in any response of the page.
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    mod = context.new_page()
    bodies: list[bytes] = []
    mod.on("response", lambda response: bodies.append(response.body())
           if response.status < 300 else None)
    mod.goto(live_server + "/moderace/prihlaseni")
    mod.fill("#username", moderator.username)
    mod.fill("#password", MODERATOR_PASSWORD)
    mod.click("button:has-text('Pokračovat')")
    mod.fill("#code", fresh_code(f"moderator:{moderator.id}", moderator.totp_secret))
    mod.click("button:has-text('Přihlásit')")
    requests: list[str] = []
    mod.on("request", lambda request: requests.append(request.url))
    mod.goto(f"{live_server}/moderace/hlaseni/{report.id}")
    summary = mod.inner_text("#attachments-summary")
    assert summary.startswith("2 obrázky (PNG") and "obsah příloh moderátor nevidí" in summary
    html = mod.content()
    assert "<img" not in html and "prilohy" not in html
    assert not [url for url in requests if "prilohy" in url or url.startswith("blob:")]
    for clean in sealed_away:
        assert all(clean[64:192] not in body for body in bodies)
    mod.screenshot(path=str(artifacts / "evidence-3-moderator.png"), full_page=True)
    mod.click("#decide-deliver")
    mod.wait_for_load_state()
    context.close()

    # The school: both pictures shown (decoded by the browser), each downloadable.
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    school = context.new_page()
    handler, password = reg.members["handler"]
    school.goto(live_server + "/skola/prihlaseni")
    school.fill("#email", handler.email)
    school.fill("#password", password)
    school.click("button:has-text('Přihlásit')")
    school.fill("#code", fresh_code(f"member:{handler.id}", handler.totp_secret))
    school.click("button:has-text('Přihlásit')")
    school.goto(f"{live_server}/skola/hlaseni/{report.id}")
    school.wait_for_load_state("networkidle")
    assert "Přílohy od oznamovatele (2)" in school.inner_text("#prilohy")
    widths = school.eval_on_selector_all(
        "img.attachment-preview", "imgs => imgs.map(i => i.complete ? i.naturalWidth : 0)")
    assert widths == [360, 360]
    school.screenshot(path=str(artifacts / "evidence-4-school.png"), full_page=True)
    context.close()
