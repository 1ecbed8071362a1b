"""The moderator's work in a real browser (Debian chromium): TOTP login, oldest report,
select a missed name with the mouse, hide every occurrence, decide *not spam*."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from crypto.moderation_copy import open_redacted_version
from models import Report, ReportStatus, utcnow
from ner.textutil import fold
from review_ui.second_factor import current_code
from tests.factories import MODERATOR_PASSWORD, moderators_text, school_data_key

pytestmark = [pytest.mark.slow, pytest.mark.browser]

OLDEST = ("Pak je tu Pinďa, pinďákovi se všichni smějou. Tlusťocha z lavice u okna se bojíme. "
          "TLUSŤOCHA nikdo nezastaví a tlustocha učitelé neslyší.")
NEWER = "Ve škole mi pořád někdo bere věci a nikdo s tím nic nedělá."


def _double_click_word(page, word: str) -> None:
    """Double-click the first occurrence of ``word`` in the report text, as a user would."""
    box = page.evaluate("""(word) => {
        const root = document.getElementById("report-text");
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(word);
            if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + word.length);
                const r = range.getBoundingClientRect();
                return {x: r.x + r.width / 2, y: r.y + r.height / 2};
            }
        }
        return null;
    }""", word)
    assert box is not None, word
    page.mouse.dblclick(box["x"], box["y"])


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_moderator_marks_a_missed_name_and_delivers(live_server, browser, session, school,
                                                    moderator, pending, artifacts):
    oldest = pending(school.school.id, OLDEST)
    newer = pending(school.school.id, NEWER)
    session.execute(update(Report).where(Report.id == oldest.id)
                    .values(created_at=utcnow() - timedelta(hours=3)))
    session.commit()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="cs-CZ")
    page = context.new_page()
    page.goto(live_server + "/moderace/")
    assert "/moderace/prihlaseni" in page.url
    page.fill("#username", moderator.username)
    page.fill("#password", MODERATOR_PASSWORD)
    page.click("button:has-text('Pokračovat')")
    page.fill("#code", current_code(moderator.totp_secret))
    page.screenshot(path=str(artifacts / "moderation-totp.png"))
    page.click("button:has-text('Přihlásit')")
    assert page.inner_text("#waiting-count").startswith("2 hlášení čekají")
    page.screenshot(path=str(artifacts / "moderation-queue.png"), full_page=True)

    page.keyboard.press("j")  # keyboard: first row, then open it
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/moderace/hlaseni/{oldest.id}")
    assert "Tlusťocha" in page.inner_text("#report-text")
    _double_click_word(page, "Tlusťocha")
    page.wait_for_function("document.getElementById('phrase').value === 'Tlusťocha'")
    page.screenshot(path=str(artifacts / "moderation-selected.png"), full_page=True)
    page.select_option("#target", "new:PERSON")
    page.click("#mark-button")

    text = page.inner_text("#report-text")
    assert "tlustoch" not in fold(text)
    assert text.count("[OSOBA 2]") == 3
    assert page.locator("#report-text mark.ph-PERSON", has_text="[OSOBA 2]").count() == 3
    assert "3 výskyty nahrazeno údajem [OSOBA 2]" in page.content()
    page.screenshot(path=str(artifacts / "moderation-marked.png"), full_page=True)

    page.click("#decide-deliver")
    page.wait_for_url(f"**/moderace/hlaseni/{newer.id}")  # straight on to the next one
    assert "Hlášení bylo předáno škole." in page.content()
    page.screenshot(path=str(artifacts / "moderation-next.png"), full_page=True)
    session.expire_all()
    stored = session.get(Report, oldest.id)
    assert stored.status == ReportStatus.DELIVERED
    assert moderators_text(session, oldest.id) is None  # the sealed copy went with the decision
    passed_on = open_redacted_version(stored, school_data_key(session, stored, school))
    assert "tlustoch" not in fold(passed_on) and passed_on.count("[OSOBA 2]") == 3

    page.goto(live_server + "/moderace/statistiky")
    assert page.locator("svg.chart rect").count() >= 1
    page.screenshot(path=str(artifacts / "moderation-stats.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_review_works_on_a_phone_without_javascript(live_server, browser, session, school,
                                                   moderator, pending, artifacts):
    report = pending(school.school.id, OLDEST)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ",
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/moderace/prihlaseni")
    page.fill("#username", moderator.username)
    page.fill("#password", MODERATOR_PASSWORD)
    page.click("button:has-text('Pokračovat')")
    page.fill("#code", current_code(moderator.totp_secret))
    page.click("button:has-text('Přihlásit')")
    page.click("#open-oldest")
    page.fill("#phrase", "pinďákovi")
    page.select_option("#target", "[OSOBA 1]")
    page.click("#mark-button")
    assert page.inner_text("#report-text").startswith("Pak je tu [OSOBA 1], [OSOBA 1] se")
    page.select_option("#reason", "nesmysl")
    page.click("#decide-spam")
    assert "Fronta je prázdná" in page.content()
    page.screenshot(path=str(artifacts / "moderation-phone-nojs.png"), full_page=True)
    session.expire_all()
    assert session.get(Report, report.id).status == ReportStatus.SPAM
    context.close()
