"""A pupil on a phone (390×844, Debian's chromium), with and without JavaScript: nothing
typed is ever lost, a sent report is sent once, and the pages speak Slovak, Ukrainian and English.
(Issue 17: "never lose a word", Post/Redirect/Get, languages.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from models import Report
from tests.factories import register_school

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]
NAME, CLASS = "Kristýna Malá", "5.A"
TEXT = ("Kristýnu holky ze třídy pořád pomlouvají ve skupině na WhatsAppu.\n"
        "Dneska jí schovaly batoh a smály se, když brečela.")


@pytest.fixture
def school(session):
    return register_school(session).school


def _page(browser, js: bool):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ",
                                  java_script_enabled=js)
    return context, context.new_page()


def _count(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count(Report.id)))


def _typed(page) -> tuple[str, str, str]:
    return (page.input_value("#victim_name"), page.input_value("#victim_class"),
            page.input_value("#text"))


def _type_report(page) -> None:
    page.fill("#victim_name", NAME)
    page.fill("#victim_class", CLASS)
    page.fill("#text", TEXT)


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_text_survives_search_enter_validation_and_an_expired_session(
        live_server, browser, school, session, artifacts, js):
    context, page = _page(browser, js)
    page.goto(live_server + "/")
    _type_report(page)  # written first, school found afterwards

    page.fill("#q", "testov")
    page.press("#q", "Enter")  # JS: searches in place; without: posts the form to search
    page.wait_for_load_state()
    expect(page.locator("#school_id option:checked")).to_contain_text("ZŠ Testov")
    assert _typed(page) == (NAME, CLASS, TEXT)

    page.press("#victim_name", "Enter")  # never sends the report
    page.wait_for_load_state()
    assert _typed(page) == (NAME, CLASS, TEXT)
    if js:
        assert page.evaluate("document.activeElement.id") == "victim_class"
    page.click("#search-button")  # the button, too, keeps everything
    page.wait_for_load_state()
    assert _typed(page) == (NAME, CLASS, TEXT)
    assert _count(session) == 0

    page.select_option("#school_id", "")  # a validation error
    page.click("#send-button")
    page.wait_for_load_state()
    expect(page.locator("#school_id-error")).to_be_visible()
    assert page.get_attribute("#school_id", "aria-invalid") == "true"
    assert _typed(page) == (NAME, CLASS, TEXT)

    page.select_option("#school_id", str(school.id))
    context.clear_cookies()  # half an hour later: the session and its token are gone
    page.click("#send-button")
    page.wait_for_load_state()
    assert "vypršel" in page.inner_text("#chyba")
    assert _typed(page) == (NAME, CLASS, TEXT)
    page.screenshot(path=str(artifacts / f"pupil-expired-{'js' if js else 'nojs'}.png"),
                    full_page=True)
    assert _count(session) == 0

    if not js:  # the language buttons under the form post it: switching keeps the text
        page.click(".languages-keep button[lang=en]")
        page.wait_for_load_state()
        assert page.get_attribute("html", "lang") == "en"
        assert _typed(page) == (NAME, CLASS, TEXT)
    page.click("#send-button")  # the fresh token in the page works
    page.wait_for_url("**/odeslano")
    receipt = page.get_attribute("#receipt", "data-receipt")
    assert receipt and _count(session) == 1
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_reload_and_back_after_sending(live_server, browser, school, session, js):
    context, page = _page(browser, js)
    page.goto(live_server + f"/?school_id={school.id}")
    _type_report(page)
    page.click("#send-button")
    page.wait_for_url("**/odeslano")
    receipt = page.get_attribute("#receipt", "data-receipt")
    for _ in range(2):
        page.reload()
        assert page.get_attribute("#receipt", "data-receipt") == receipt
    assert _count(session) == 1  # reloading never sends again

    page.go_back()  # a shared phone: the next person presses Back
    page.wait_for_load_state()
    assert "/odeslano" not in page.url and page.is_visible("#report-form")
    assert page.input_value("#text") == "" and page.input_value("#victim_name") == ""

    page.go_forward()
    page.click("#finished")  # "Hotovo": the receipt leaves this device
    page.wait_for_load_state()
    page.goto(live_server + "/odeslano")
    assert receipt not in page.content()
    assert page.is_visible("#receipt-gone")
    assert _count(session) == 1
    context.close()


@pytest.mark.parametrize(("code", "texts"), [
    ("uk", {"h1": "Повідомити про цькування – анонімно", "send": "Надіслати повідомлення",
            "thanks": "Дякуємо, ми отримали твоє повідомлення",
            "status": "Отримано, чекає на перевірку", "show": "Показати"}),
    ("en", {"h1": "Report bullying – anonymously", "send": "Send report",
            "thanks": "Thank you, we have received your report",
            "status": "Received, waiting to be checked", "show": "Show"}),
    ("sk", {"h1": "Nahlásiť šikanovanie – anonymne", "send": "Odoslať hlásenie",
            "thanks": "Ďakujeme, hlásenie sme prijali",
            "status": "Prijaté, čaká na kontrolu", "show": "Zobraziť"}),
])
def test_form_receipt_and_status_in_another_language(live_server, phone_page, school, session,
                                                      artifacts, code, texts):
    page = phone_page
    page.goto(live_server + "/")
    _type_report(page)  # typed before switching: the switch keeps it
    page.click(f"nav.languages a[hreflang={code}]")
    page.wait_for_load_state()
    assert page.inner_text("h1") == texts["h1"]
    assert page.get_attribute("html", "lang") == code
    assert _typed(page) == (NAME, CLASS, TEXT)
    page.fill("#q", "testov")
    expect(page.locator("#school_id option:checked")).to_contain_text("ZŠ Testov")
    page.click(f"button:has-text('{texts['send']}')")
    page.wait_for_url("**/odeslano")
    assert page.inner_text("h1") == texts["thanks"]
    receipt = page.get_attribute("#receipt", "data-receipt")
    page.screenshot(path=str(artifacts / f"pupil-receipt-{code}.png"), full_page=True)

    page.goto(live_server + "/stav")  # the choice is remembered without ?lang=
    page.fill("#receipt", receipt)
    page.click(f"button:has-text('{texts['show']}')")
    page.wait_for_load_state()
    assert page.inner_text("#status") == texts["status"]
    page.screenshot(path=str(artifacts / f"pupil-status-{code}.png"), full_page=True)
