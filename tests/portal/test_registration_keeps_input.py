"""The school registration form keeps what was typed (issue 17, item 1): searching the
register again, an expired session and the rate limit show the same form, filled."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from models import School
from tests.factories import make_school
from tests.portal.helpers import registration_form

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _kept(page: str, form: dict[str, str]) -> None:
    for field in ("legal_entity_name", "c1_name", "c1_email", "c2_phone"):
        assert f'value="{form[field]}"' in page, field
    assert form["password"] not in page  # passwords are never sent back into a page


def test_search_again_keeps_the_form(client, session):
    school = make_school(session, name="ZŠ Registrov", town="Registrov")
    session.commit()
    form = registration_form(client, school.red_izo)
    response = client.post("/skola/registrace/hledat", data={**form, "q": "registrov"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    _kept(page, form)
    assert f'value="{school.red_izo}" checked' in page
    assert session.scalar(select(func.count()).select_from(School).where(
        School.registered_at.is_not(None))) == 0


def test_expired_session_keeps_the_form(app, session):
    school = make_school(session)
    session.commit()
    form = registration_form(app.test_client(), school.red_izo)
    response = app.test_client().post("/skola/registrace", data=form)  # the session is gone
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "vypršel" in page
    _kept(page, form)
    assert re.search(r'name="csrf_token" value="([^"]+)"', page).group(1) != form["csrf_token"]
