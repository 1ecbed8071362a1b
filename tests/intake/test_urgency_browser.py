"""On a phone (390×844, Debian's chromium), an urgent report's receipt and status pages
open with the crisis help in view, before anything else; a calm report keeps it quiet."""

from __future__ import annotations

import pytest

from tests.factories import register_school

pytestmark = [pytest.mark.slow, pytest.mark.browser]
URGENT = "Kluci z 8.A mi píšou, ať se zabiju. Už nechci žít."
CALM = "Spolužačky mi schovávají věci a pomlouvají mě."
VIEWPORT_HEIGHT = 844


def _submit(page, base: str, school_id: int, text: str) -> str:
    page.goto(f"{base}/?school_id={school_id}")
    page.fill("#text", text)
    page.click("button:has-text('Odeslat hlášení')")
    page.wait_for_load_state()
    return page.get_attribute("#receipt", "data-receipt")


def _help_box_in_first_view(page) -> dict:
    box = page.locator("#crisis-help")
    assert box.is_visible()
    rect = box.bounding_box()
    assert rect["y"] + rect["height"] <= VIEWPORT_HEIGHT, "help box must be seen without scrolling"
    return {"role": box.get_attribute("role"), "class": box.get_attribute("class"),
            "tel": page.eval_on_selector_all("#crisis-help a[href^='tel:']",
                                             "els => els.map(e => e.getAttribute('href'))")}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_urgent_receipt_and_status_open_with_help(live_server, phone_page, session, artifacts):
    school_id = register_school(session).school.id
    page = phone_page
    receipt = _submit(page, live_server, school_id, URGENT)
    seen = _help_box_in_first_view(page)
    assert seen["role"] == "alert" and "crisis-urgent" in seen["class"]
    assert seen["tel"] == ["tel:116111", "tel:155", "tel:158", "tel:112"]
    page.screenshot(path=str(artifacts / "urgency-receipt.png"))

    page.goto(live_server + "/stav")
    page.fill("#receipt", receipt)
    page.click("button:has-text('Zobrazit')")
    seen = _help_box_in_first_view(page)
    assert seen["role"] == "alert"
    page.screenshot(path=str(artifacts / "urgency-status.png"))

    _submit(page, live_server, school_id, CALM)
    seen = _help_box_in_first_view(page)  # the quiet line is in view too
    assert seen["role"] is None and "crisis-urgent" not in seen["class"]
    assert "tel:116111" in seen["tel"]
