"""One report end to end: form → encrypted at rest → school member reads it decrypted."""

from __future__ import annotations

import re

from sqlalchemy import select

from delivery.handover import hand_over
from models import Report
from tests.at_rest import all_bytes_at_rest, ascii_fold
from tests.factories import login_member, moderators_text, register_school, submit_form

NAME, CLASS = "Želmíra Ďurišová", "9.Ž"


def test_report_reaches_school_and_nothing_readable_rests(client, session, settings):
    reg = register_school(session)
    response = submit_form(client, reg.school.id, f"{NAME} z {CLASS} je šikanována.",
                           name=NAME, klass=CLASS)
    assert response.status_code == 200
    receipt = re.search(r'data-receipt="([0-9-]+)"', response.get_data(as_text=True)).group(1)
    assert len(receipt.replace("-", "")) == 25

    session.expire_all()
    stored = session.scalars(select(Report)).one()
    assert NAME not in moderators_text(session, stored.id)
    hand_over(session, settings, stored)  # the moderator's "not spam"
    session.commit()
    rest = all_bytes_at_rest(settings, session)
    for secret in (NAME, ascii_fold(NAME), CLASS, ascii_fold(CLASS), receipt):
        for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
            assert encoded not in rest, f"{secret!r} found at rest"

    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    page = client.get(f"/skola/hlaseni/{stored.id}").get_data(as_text=True)
    assert NAME in page and CLASS in page


def test_other_school_and_anonymous_cannot_read(client, session, settings, app):
    school_a = register_school(session)
    school_b = register_school(session)
    submit_form(client, school_a.school.id, "Popis pro školu A.", name="Jan", klass="1.A")
    report = session.scalars(select(Report)).one()
    hand_over(session, settings, report)  # the moderator's "not spam"
    session.commit()
    report_id = report.id

    anonymous = app.test_client()
    response = anonymous.get(f"/skola/hlaseni/{report_id}")
    assert response.status_code == 302 and "/skola/prihlaseni" in response.headers["Location"]
    assert "Přihlášení" in anonymous.get(response.headers["Location"]).get_data(as_text=True)

    member, password = school_b.members["handler"]
    login_member(client, member, password)
    assert client.get(f"/skola/hlaseni/{report_id}").status_code in (403, 404)

    analyst = app.test_client()
    member, password = school_a.members["analyst"]
    login_member(analyst, member, password)
    assert analyst.get(f"/skola/hlaseni/{report_id}").status_code == 403
