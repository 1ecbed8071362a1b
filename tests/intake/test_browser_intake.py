"""A pupil on a phone (390×844, Debian's chromium): find the school, report, keep the receipt,
come back with it. Once with JavaScript (live search, copy button), once without."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from intake.schools import demo_csv_path, import_rows, read_rows
from models import Report, ReportStatus
from tests.factories import moderators_text

pytestmark = [pytest.mark.slow, pytest.mark.browser]
NAME, CLASS = "Šimon Kořínek", "6.B"
TEXT = ("Šimona z 6.B každý den o velké přestávce strkají do skříněk. Nejvíc Lukáš "
        "Dvořák, ostatní se smějí a natáčí to.")


@pytest.fixture
def register(session, onboarding):
    """The demo register; its schools are unregistered, so reports go to the onboarding key."""
    rows, _missing = read_rows(demo_csv_path())
    import_rows(session, rows)
    session.commit()


def _fill_and_submit(page) -> str:
    page.fill("#victim_name", NAME)
    page.fill("#victim_class", CLASS)
    page.fill("#text", TEXT)
    page.click("button:has-text('Odeslat hlášení')")
    page.wait_for_load_state()
    assert page.query_selector("#receipt"), page.inner_text("main")[:500]
    return page.get_attribute("#receipt", "data-receipt")


def _receipt_groups_are_whole(page) -> None:
    """Every group of five digits sits on one line; lines break only between groups."""
    boxes = page.eval_on_selector_all(".receipt-group", "els => els.map(e => { "
                                      "const r = e.getClientRects(); return r.length; })")
    assert boxes == [1] * 5
    width = page.eval_on_selector("#receipt", "e => e.getBoundingClientRect().right")
    assert width <= 390


def _open_status(page, base: str, receipt: str) -> None:
    page.goto(base + "/stav")
    page.fill("#receipt", receipt.replace("-", " "))
    page.click("button:has-text('Zobrazit')")
    assert page.inner_text("#status") == "Přijato, čeká na kontrolu"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_pupil_reports_from_a_phone(live_server, phone_page, register, session, artifacts):
    page = phone_page
    page.goto(live_server + "/")
    assert page.get_attribute("label[for=victim_name]", "for") == "victim_name"
    page.fill("#q", "brno husova")  # no diacritics: live search through the API
    expect(page.locator("#school_id option")).to_have_count(2)  # placeholder + the one hit
    assert "ZŠ Brno, Husova 17" in page.inner_text("#school_id option:checked")
    page.screenshot(path=str(artifacts / "intake-1-search.png"), full_page=True)
    receipt = _fill_and_submit(page)
    assert len(receipt.replace("-", "")) == 25
    assert page.is_visible("#copy-receipt")  # copy button: JavaScript only
    _receipt_groups_are_whole(page)
    page.screenshot(path=str(artifacts / "intake-2-receipt.png"), full_page=True)

    stored = session.scalars(select(Report)).one()
    assert stored.status == ReportStatus.PENDING_MODERATION
    moderators = moderators_text(session, stored.id)
    assert "Šimon" not in moderators and "Lukáš" not in moderators
    _open_status(page, live_server, receipt)
    page.screenshot(path=str(artifacts / "intake-3-status.png"), full_page=True)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_pupil_reports_without_javascript(live_server, browser, register, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ",
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.fill("#q", "plzen")
    page.click("#search-button")
    assert "Nalezeno škol" in page.inner_text("#search-status")
    page.select_option("#school_id", label="ZŠ Plzeň, Zahradní 14")
    receipt = _fill_and_submit(page)
    assert not page.is_visible("#copy-receipt")  # nothing that would not work
    _receipt_groups_are_whole(page)
    page.screenshot(path=str(artifacts / "intake-nojs-receipt.png"), full_page=True)
    _open_status(page, live_server, receipt)
    context.close()
