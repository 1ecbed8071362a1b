"""The pupil's form never loses what was typed (issue 17, items 1 and 2), over Flask's client.

Every way back to the form — all validation errors at once, an expired CSRF token, the
rate limit, searching the school again — answers with the same words in the fields and a
fresh token; a stored report answers with a redirect, so the receipt page can be reloaded
without sending the report twice.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import func, select

from models import Report
from tests.factories import csrf_token, register_school

NAME, CLASS = "Matěj Doležal", "8.C"
TEXT = "Matěje každý den po tělocviku zamykají v šatně.\nTrvá to od září."
pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _count(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count(Report.id)))


def _fields(page: str) -> dict[str, str]:
    """What the browser would show in the form's fields."""
    values = {name: unescape(value) for name, value in
              re.findall(r'<input type="text" id="(\w+)" name="\w+" value="([^"]*)"', page)}
    textarea = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S)
    values["text"] = unescape(textarea.group(1)) if textarea else ""
    return values


def _body(token: str, school_id, **fields) -> dict[str, str]:
    return {"csrf_token": token, "school_id": str(school_id), "victim_name": NAME,
            "victim_class": CLASS, "text": TEXT, **fields}


def test_every_error_at_once_next_to_its_field(client, session):
    register_school(session)
    token = csrf_token(client)
    response = client.post("/nahlasit", data=_body(token, "", victim_name="Jan\x07",
                                                  victim_class="x" * 41, text="  "))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    for field in ("school_id", "victim_name", "victim_class", "text"):
        error = re.search(rf'<p class="error field-error" id="{field}-error">', page)
        assert error, f"no message next to {field}"
        tag = re.search(rf'<(?:input|select|textarea)[^>]* id="{field}"[^>]*>', page).group(0)
        assert 'aria-invalid="true"' in tag and f"{field}-error" in tag, tag
    assert "oprav prosím 4 věci" in page  # Czech plural: 2–4 věci
    assert 'href="#text"' in page  # the summary links to each field
    assert _fields(page)["victim_class"] == "x" * 41  # kept, even the wrong value
    assert _count(session) == 0


def test_one_error_uses_the_singular_and_keeps_the_rest(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    page = client.post("/nahlasit", data=_body(token, reg.school.id, text="")
                       ).get_data(as_text=True)
    assert "oprav prosím 1 věc:" in page
    assert _fields(page)["victim_name"] == NAME
    assert f'<option value="{reg.school.id}" selected>' in page


def test_expired_token_brings_the_form_back_filled(app, session):
    """A pupil writing for more than 30 minutes: the session (and its CSRF token) is gone."""
    reg = register_school(session)
    first = app.test_client()
    stale = csrf_token(first)
    later = app.test_client()  # a new cookie jar: the old session has expired
    response = later.post("/nahlasit", data=_body(stale, reg.school.id))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Formulář vypršel" in page and "nic se neztratilo" in page
    assert _fields(page) == {"victim_name": NAME, "victim_class": CLASS, "text": TEXT}
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert fresh != stale
    assert later.post("/nahlasit", data=_body(fresh, reg.school.id)).status_code == 303
    assert _count(session) == 1


@pytest.fixture
def settings(settings):
    return settings.with_overrides(rate_limit_reports="2 per hour")


def test_rate_limit_keeps_the_text(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    for _ in range(2):
        assert client.post("/nahlasit", data=_body(token, reg.school.id)).status_code == 303
    response = client.post("/nahlasit", data=_body(token, reg.school.id))
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert "Nic se neztratilo" in page
    assert _fields(page) == {"victim_name": NAME, "victim_class": CLASS, "text": TEXT}
    assert _count(session) == 2


def test_school_search_keeps_the_text_and_sends_nothing(client, session):
    register_school(session)
    token = csrf_token(client)
    for query in ("testov", ""):  # the button or Enter with a query, and Enter elsewhere
        response = client.post("/nahlasit/skola", data=_body(token, "", q=query))
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert _fields(page) == {"victim_name": NAME, "victim_class": CLASS, "text": TEXT}
    assert "Hlášení zatím není odeslané" in page
    assert _count(session) == 0


def test_search_without_a_session_still_keeps_the_text(app, session):
    register_school(session)
    response = app.test_client().post("/nahlasit/skola", data=_body("", "", q="testov"))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Formulář vypršel" in page and "Nalezeno škol: 1" in page
    assert _fields(page)["text"] == TEXT


def test_form_fields_are_not_remembered_by_the_browser(client, session):
    register_school(session)
    response = client.get("/")
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    form = re.search(r'<form method="post" action="/nahlasit"[^>]*>', page)
    assert 'autocomplete="off"' in form.group(0)
    # the search button is the form's first submit button: Enter in a line never sends
    first_button = re.search(r'<button type="submit"[^>]*>', page[form.start():])
    assert 'id="search-button"' in first_button.group(0)


def test_receipt_page_can_be_reloaded_without_a_second_report(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    response = client.post("/nahlasit", data=_body(token, reg.school.id))
    assert response.status_code == 303 and response.headers["Location"].endswith("/odeslano")
    shown = [client.get("/odeslano") for _ in range(3)]  # reloads
    receipts = {re.search(r'data-receipt="([0-9-]+)"', r.get_data(as_text=True)).group(1)
                for r in shown}
    assert len(receipts) == 1
    assert all(r.headers["Cache-Control"] == "no-store" for r in shown)
    assert _count(session) == 1
    assert "Set-Cookie" not in shown[0].headers or (
        next(iter(receipts)) not in shown[0].headers["Set-Cookie"])

    done = client.post("/odeslano/hotovo", data={"csrf_token": token})
    assert done.status_code == 303
    after = client.get("/odeslano").get_data(as_text=True)
    assert 'id="receipt-gone"' in after and next(iter(receipts)) not in after
    assert _count(session) == 1


def test_receipt_never_rests_in_the_cookie(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    client.post("/nahlasit", data=_body(token, reg.school.id))
    page = client.get("/odeslano").get_data(as_text=True)
    receipt = re.search(r'data-receipt="([0-9-]+)"', page).group(1)
    cookie = client.get_cookie("session")
    from itsdangerous import base64_decode

    payload = cookie.value.split(".")[0].lstrip(".")
    decoded = base64_decode(payload + "=" * (-len(payload) % 4))
    import zlib

    try:
        decoded = zlib.decompress(decoded)
    except zlib.error:
        pass
    assert receipt.encode() not in decoded and receipt.replace("-", "").encode() not in decoded


@pytest.mark.parametrize(("typed", "message"), [
    ("12345 67890 12345", "Kód má 25 číslic, tenhle jich má 15."),
    ("12345-67890-12345-67890-12345-6", "tenhle jich má 26"),
    ("12345 678O0 12345 67890 12345", "O místo nuly"),
    ("", "Napiš prosím kód hlášení."),
    ("11111 11111 11111 11111 11111", "Hlášení s tímto kódem jsme nenašli"),
])
def test_wrong_receipt_keeps_what_was_typed_and_says_what_is_wrong(client, session, typed,
                                                                    message):
    token = csrf_token(client, "/stav")
    response = client.post("/stav", data={"csrf_token": token, "receipt": typed})
    assert response.status_code in (400, 404)
    page = response.get_data(as_text=True)
    assert message in page
    assert f'value="{typed}"' in page
    assert 'aria-invalid="true"' in page and 'receipt-error"' in page
