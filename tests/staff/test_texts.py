"""Item 7: one date format; the invitation says who invites, with the name made safe for a
mail; a staff form shows all its errors at once, each next to its field."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from delivery.mail_names import FALLBACK, mail_safe_name
from ozvise.localtime import cs_date, cs_datetime
from review_ui.moderation.stats import local_cs
from tests.factories import csrf_token, login_member, register_school
from tests.portal.helpers import outbox


def test_mail_safe_name():
    assert mail_safe_name("Marie Nováková") == "Marie Nováková"
    assert mail_safe_name("Mgr. Jana Dvořáková, Ph.D.") == "Mgr. Jana Dvořáková, Ph.D."
    assert mail_safe_name("Marie\nNováková\r\nBcc: x@y.cz") == "Marie Nováková Bcc x"
    assert mail_safe_name("<b>Jan</b> <a href='x'>Novák</a>") == "Jan Novák"
    assert mail_safe_name("Jan Novák https://zlo.example/prihlaseni") == "Jan Novák"
    assert mail_safe_name("Petr navštivte WWW.zlo.cz") == "Petr navštivte"
    assert mail_safe_name("Petr zlo.com/x") == "Petr"
    assert mail_safe_name("Jan \u202eNovák\u200b") == "Jan Novák"
    assert mail_safe_name("<<>> http://x.cz") == FALLBACK
    assert len(mail_safe_name("Dlouhé " * 40)) <= 80


def test_one_date_format():
    moment = datetime(2026, 3, 5, 8, 7, tzinfo=UTC)
    assert cs_date(moment) == "5. 3. 2026"
    assert local_cs(moment) == cs_datetime(moment) == "5. 3. 2026 09:07"


def _invite(client, **fields: str):
    token = csrf_token(client, "/skola/clenove")
    return client.post("/skola/clenove/pozvat", data={"csrf_token": token, **fields})


def test_invitation_says_who_invites(app, client, session):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    admin.name = "Marie\nNováková <b>https://zlo.example</b>"
    session.commit()
    login_member(client, admin, password)
    response = _invite(client, name="Petra Malá", email="petra.mala@skola.example",
                       phone="731000222", role="handler")
    assert response.status_code == 200
    (mail,) = outbox(session, "member_invitation")
    first = mail.body.split("\n\n")[1]
    assert first.startswith(f"Marie Nováková vás zve do školy {reg.school.name} v portálu")
    assert mail.subject == "Marie Nováková vás zve do portálu Ozvi se"
    assert "zlo.example" not in mail.body and "<b>" not in mail.body
    assert re.search(r"platí do \d{1,2}\. \d{1,2}\. \d{4} ", mail.body)  # cs_date, no zeros


def test_invite_form_shows_every_error_next_to_its_field(app, client, session):
    reg = register_school(session)
    login_member(client, *reg.members["admin"])
    response = _invite(client, name="X", email="neni-adresa", phone="12", role="analyst")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "opravte prosím označené údaje (3)" in html
    for field, words in (("name", "jméno a příjmení"), ("email", "platný tvar"),
                         ("phone", "9 číslic")):
        assert f'id="{field}" ' in html
        after = html[html.index(f'id="{field}" '):]
        assert 'aria-invalid="true"' in after[:after.index(">")]  # marked on the field
        error = re.search(rf'<p class="error" id="{field}-chyba">([^<]*)</p>', after).group(1)
        assert words in error and after.index(f'{field}-chyba">') < after.index("<label")
    assert 'value="neni-adresa"' in html and '<option value="analyst" selected' in html


def test_registration_shows_every_error_next_to_its_field(client, session):
    from tests.factories import make_school

    school = make_school(session)
    session.commit()
    token = csrf_token(client, "/skola/registrace")
    response = client.post("/skola/registrace", data={
        "csrf_token": token, "red_izo": school.red_izo, "legal_entity_name": "ZŠ",
        "plan": "extended", "c1_name": "Jana Nováková", "c1_email": "jana@",
        "c1_phone": "731000111", "c2_name": "", "c2_email": "petr@skola.example",
        "c2_phone": "731000222", "password": "kratke", "password2": "kratke"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    expected = ("legal_entity_name", "c1_email", "c2_name", "password", "understood")
    assert f"opravte prosím označené údaje ({len(expected)})" in html
    for field in expected:
        assert f'id="{field}-chyba"' in html, field
    assert 'value="Jana Nováková"' in html and 'value="petr@skola.example"' in html


def test_refused_note_comes_back_next_to_its_field(app, client, session, settings):
    from tests.factories import delivered_report

    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id, "Berou mi věci.")
    login_member(client, *reg.members["handler"])
    path = f"/skola/hlaseni/{report.id}"
    draft = "x" * 5001
    response = client.post(f"{path}/poznamka", data={"csrf_token": csrf_token(client, path),
                                                     "body": draft})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Berou mi věci." in html  # the report page itself
    after = html[html.index('id="note-body"'):]
    assert 'aria-invalid="true"' in after[:after.index(">")] and "x" * 5000 + "</textarea>" in after
    assert 'id="body-chyba">Poznámka musí mít 1 až 5000 znaků.' in after


def test_invitation_form_shows_every_error_next_to_its_field(app, client, session):
    from tests.portal.helpers import link_path

    reg = register_school(session)
    login_member(client, *reg.members["admin"])
    _invite(client, name="Petra Malá", email="petra.mala@skola.example", phone="731000222",
            role="handler")
    (mail,) = outbox(session, "member_invitation")
    path = link_path(mail.body, "/skola/pozvanka/")
    invited = app.test_client()
    response = invited.post(path, data={"csrf_token": csrf_token(invited, path), "code": "",
                                        "password": "kratke", "password2": "kratke"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "označené údaje (2)" in html
    assert 'id="code-chyba">Opište prosím kód' in html
    assert 'id="password-chyba">Heslo musí mít alespoň 10 znaků' in html
    assert html.index('id="code"') < html.index("code-chyba") < html.index('id="password"')


def test_recovery_form_shows_every_error_next_to_its_field(client, session):
    token = csrf_token(client, "/skola/obnova-pristupu")
    response = client.post("/skola/obnova-pristupu", data={
        "csrf_token": token, "red_izo": "123", "recovery_key": "x", "name": "Jana Nová",
        "email": "jana@", "phone": "1", "password": "kratke", "password2": "kratke"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "označené údaje (4)" in html
    for field in ("red_izo", "email", "phone", "password"):
        assert f'id="{field}-chyba"' in html, field
    assert 'value="Jana Nová"' in html
