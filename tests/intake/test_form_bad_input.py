"""The web form refuses bad input with a 4xx and a clear Czech message, never a 5xx."""

from __future__ import annotations

import pytest
import requests
from sqlalchemy import func, select

from models import Report
from tests.factories import csrf_token, register_school


@pytest.fixture
def form(client, session):
    reg = register_school(session)
    token = csrf_token(client)

    def post(**fields):
        data = {"csrf_token": token, "school_id": str(reg.school.id), "victim_name": "Jan",
                "victim_class": "6.A", "text": "Jana strkají do skříňky.", **fields}
        return client.post("/nahlasit", data=data)

    return post


@pytest.mark.parametrize(("fields", "message"), [
    ({"school_id": ""}, "Vyber prosím školu"),
    ({"school_id": "abc"}, "Vyber prosím školu"),
    ({"school_id": "999999"}, "Vybraná škola neexistuje"),
    ({"school_id": "99999999999"}, "Vybraná škola neexistuje"),
    ({"text": ""}, "Popis nesmí být prázdný"),
    ({"text": " \n\t "}, "Popis nesmí být prázdný"),
    ({"text": "x" * 20_001}, "nejvýše 20\xa0000 znaků, teď jich má 20\xa0001"),
    ({"text": "ahoj\x00"}, "neplatné řídicí znaky"),
    ({"text": "ahoj\x1b[31m"}, "neplatné řídicí znaky"),
    ({"victim_name": "Jan\nNovák"}, "neplatné řídicí znaky"),
    ({"victim_class": "x" * 41}, "nejvýše 40 znaků"),
    ({"website": "http://spam.example"}, "Nevyplňujte"),
])
def test_bad_field_is_refused_with_czech_message(form, session, fields, message):
    response = form(**fields)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'role="alert"' in page
    assert session.scalar(select(func.count(Report.id))) == 0


def test_typed_values_survive_a_refusal(form):
    page = form(text="   ", victim_name="Jan Novák").get_data(as_text=True)
    assert 'value="Jan Novák"' in page  # the pupil does not have to type it again


def test_invalid_utf8_is_refused(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    body = f"csrf_token={token}&school_id={reg.school.id}&text=%FF%FEahoj".encode()
    response = client.post("/nahlasit", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "není v kódování UTF-8" in response.get_data(as_text=True)


def test_wrong_content_type_and_forged_token_are_refused(client, session):
    reg = register_school(session)
    as_json = client.post("/nahlasit", json={"school_id": reg.school.id, "text": "x"})
    assert as_json.status_code == 400
    assert "vypršel" in as_json.get_data(as_text=True)
    no_token = client.post("/nahlasit", data={"school_id": reg.school.id, "text": "x"})
    assert no_token.status_code == 400


def test_oversized_body_is_refused_early(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    response = client.post("/nahlasit", data={"csrf_token": token, "school_id": reg.school.id,
                                              "text": "a" * (1024 * 1024 + 1)})
    assert response.status_code == 413
    assert "příliš velká" in response.get_data(as_text=True)


def test_oversized_body_over_real_http_gets_the_czech_page(live_server, session):
    """Through waitress (the production server), not only Flask's test client."""
    reg = register_school(session)
    for size in (1024 * 1024 + 10, 2 * 1024 * 1024):
        response = requests.post(f"{live_server}/nahlasit", timeout=30, data={
            "csrf_token": "x", "school_id": reg.school.id, "text": "a" * size})
        assert response.status_code == 413
        assert "příliš velká" in response.text


def test_school_picker_survives_bad_parameters(client, session):
    register_school(session)
    for query in ("?school_id=99999999999999", "?school_id=-1", "?q=" + "ž" * 500,
                  "?q=%00%FF", "?school_id=1&q=%25%5F"):
        assert client.get("/" + query).status_code == 200
