"""Accessibility of the pupil's pages: axe-core (npm, installed by `make install`) injected
into Playwright on a phone, zero serious or critical violations; a focus ring that stands
out from what is around it by at least 3:1 (WCAG 2.2, 1.4.11 and 2.4.13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.factories import register_school

pytestmark = [pytest.mark.slow, pytest.mark.browser,
              pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), "axe-core is missing: run `make install` (npm install)"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def page(browser):
    # axe is injected by the test, not by the page: only then may it bypass the page's CSP
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ",
                                  bypass_csp=True)
    yield context.new_page()
    context.close()


def _violations(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["html"][:80] for n in v["nodes"][:3])
            for v in result["violations"] if v["impact"] in BLOCKING]


def _pupil_pages(page, base: str, school_id: int):
    """Yield (name, page) at each pupil page: form (empty, with errors), receipt, status,
    the receipt lookup with an error, the about page, each language once."""
    page.goto(base + "/")
    yield "form"
    page.goto(base + "/?lang=uk")
    yield "form-uk"
    page.goto(base + "/?lang=sk")
    yield "form-sk"
    page.goto(base + "/?lang=cs")
    page.click("#send-button")  # nothing filled in: every error at once
    page.wait_for_load_state()
    yield "form-errors"
    page.goto(base + f"/?school_id={school_id}&lang=en")
    page.fill("#text", "They push me into the lockers every break.")
    page.click("#send-button")
    page.wait_for_url("**/odeslano")
    receipt = page.get_attribute("#receipt", "data-receipt")
    yield "receipt-en"
    page.goto(base + "/stav?lang=cs")
    page.fill("#receipt", "123")
    page.click("button:has-text('Zobrazit')")
    page.wait_for_load_state()
    yield "lookup-error"
    page.fill("#receipt", receipt)
    page.click("button:has-text('Zobrazit')")
    page.wait_for_load_state()
    yield "status"
    page.goto(base + "/o-sluzbe")
    yield "about"


def test_pupil_pages_have_no_serious_violations(live_server, page, session, axe_source):
    school = register_school(session).school
    found = {}
    for name in _pupil_pages(page, live_server, school.id):
        found[name] = _violations(page, axe_source)
    assert len(found) == 8
    assert not any(found.values()), found


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(css: str) -> tuple[int, int, int]:
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])


FOCUS_STYLE = """el => {
  const ring = getComputedStyle(el);
  let node = el.parentElement, behind = 'rgb(255, 255, 255)';
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { behind = bg; break; }
    node = node.parentElement;
  }
  const label = el.id || el.tagName + ':' + (el.textContent || '').trim().slice(0, 20);
  return {outline: ring.outlineColor, style: ring.outlineStyle, width: ring.outlineWidth,
          behind: behind, id: label};
}"""


def test_focus_ring_contrast_is_at_least_3_to_1(live_server, page, session):
    """Tab through the form and the receipt lookup: every focused control shows a ring of
    at least 2 px whose colour has >= 3:1 against the background it is drawn on."""
    register_school(session)
    checked = 0
    for path in ("/", "/stav"):
        page.goto(live_server + path)
        seen = set()
        for _ in range(30):
            page.keyboard.press("Tab")
            info = page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")
            if info["id"] in seen or info["id"].startswith("BODY"):
                break
            seen.add(info["id"])
            assert info["style"] != "none" and float(info["width"].rstrip("px")) >= 2, info
            ratio = _contrast(_rgb(info["outline"]), _rgb(info["behind"]))
            assert ratio >= 3, f"{info['id']}: focus ring {ratio:.2f}:1 on {info['behind']}"
            checked += 1
    assert checked >= 10
