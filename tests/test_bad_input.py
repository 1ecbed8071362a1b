"""Bad input on the form gets a clear Czech message, never a server error."""

from __future__ import annotations

from tests.factories import csrf_token, register_school, submit_form


def test_missing_school(client, session):
    register_school(session)
    response = submit_form(client, "", "Něco se děje.")
    assert response.status_code == 400
    assert "Vyber prosím školu" in response.get_data(as_text=True)


def test_unknown_school(client, session):
    response = submit_form(client, 999999, "Něco se děje.")
    assert response.status_code == 400
    assert "neexistuje" in response.get_data(as_text=True)


def test_empty_description(client, session):
    reg = register_school(session)
    response = submit_form(client, reg.school.id, "   \n  ")
    assert response.status_code == 400
    assert "Popis nesmí být prázdný" in response.get_data(as_text=True)


def test_one_megabyte_body(client, session):
    reg = register_school(session)
    token = csrf_token(client)
    response = client.post("/nahlasit", data={"csrf_token": token, "school_id": reg.school.id,
                                              "text": "a" * (1024 * 1024 + 10)})
    assert response.status_code == 413
    assert "příliš velká" in response.get_data(as_text=True)


def test_forged_csrf_token(client, session):
    reg = register_school(session)
    response = client.post("/nahlasit", data={"csrf_token": "forged", "school_id": reg.school.id,
                                              "text": "Text"})
    assert response.status_code == 400
    assert "vypršel" in response.get_data(as_text=True)
