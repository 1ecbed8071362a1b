"""Registration of a school with two contact persons, both ending up able to read reports."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from crypto.school_keys import unlock_for_member, unlock_with_recovery
from models import AuditEvent, Plan, School, SchoolKey, SchoolMember
from tests.factories import csrf_token, delivered_report, make_school, register_school
from tests.portal.helpers import (
    CONTACTS,
    FIRST_PASSWORD,
    accept_invitation,
    enter_code,
    link_path,
    member_by_email,
    outbox,
    registration_form,
)
from tests.school_trust.helpers import answer, register_mail

SECOND_PASSWORD = "heslo-druheho-spravce"


def register(client, session, school: School):
    """Submit the form and enrol the first person's TOTP; returns the recovery page HTML."""
    response = client.post("/skola/registrace", data=registration_form(client, school.red_izo))
    assert response.status_code == 302 and response.headers["Location"].endswith("/overeni")
    client.get("/skola/overeni")
    first = member_by_email(session, CONTACTS[0][1])
    done = enter_code(client, first)
    assert done.status_code == 302 and done.headers["Location"].endswith("/registrace/hotovo")
    return client.get("/skola/registrace/hotovo").get_data(as_text=True)


def test_registration_with_two_members(client, app, session, settings):
    school = make_school(session)
    session.commit()
    page = register(client, session, school)

    session.expire_all()
    school = session.get(School, school.id)
    assert school.plan == Plan.EXTENDED and school.claimed_at is not None
    assert school.legal_entity_name.startswith("Základní škola Testov")
    key = school.active_key()
    first = member_by_email(session, CONTACTS[0][1])
    second = member_by_email(session, CONTACTS[1][1])
    assert first.phone == "+420603123456" and second.phone == "+420777888999"
    assert unlock_for_member(first, key, FIRST_PASSWORD)

    recovery = re.search(r'id="recovery-key">([0-9A-Z-]+)<', page).group(1)
    assert unlock_with_recovery(key, recovery) == unlock_for_member(first, key, FIRST_PASSWORD)
    assert "ztratí se i tento klíč" in page
    code = re.search(r'data-email="karel.dvorak@zs-test.example">([0-9A-Z-]+)<', page).group(1)
    # shown once: the secrets left the server's memory
    again = client.get("/skola/registrace/hotovo")
    assert again.status_code == 410 and "jen jednou" in again.get_data(as_text=True)

    (invitation,) = outbox(session, "member_invitation")
    assert invitation.recipient == second.email
    assert code not in invitation.body and code.replace("-", "") not in invitation.body
    assert second.password_hash is None and second.key_wrap is None

    (confirmation,) = outbox(session, "email_confirmation")
    assert confirmation.recipient == first.email
    (notice,) = outbox(session, "school_confirmation_registration")
    assert notice.recipient == school.director_email and "Jana Nováková" in notice.body
    assert school.registered_at is None  # a claim until the register address confirms
    _mail, link, confirm_code = register_mail(session)
    assert answer(app.test_client(), link, confirm_code, yes=True).status_code == 200

    # the second person: invitation link + code -> password -> TOTP -> reads a report
    report, _ = delivered_report(app.test_client(), session, settings, school.id,
                                 "Bohdanu Králíkovi berou svačinu.", name="Bohdan Králík",
                                 klass="5.A")
    other = app.test_client()
    done = accept_invitation(other, session, link_path(invitation.body, "/skola/pozvanka/"),
                             code, SECOND_PASSWORD)
    assert done.status_code == 302
    page = other.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert "Bohdan Králík" in page and "5.A" in page
    second = member_by_email(session, CONTACTS[1][1])
    assert second.email_confirmed_at is not None and second.totp_enrolled_at is not None
    assert second.invite_token_hash is None and second.pending_key_wrap is None
    # the link is single-use
    assert other.get(link_path(invitation.body, "/skola/pozvanka/")).status_code == 404

    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"school.registered", "member.invitation_accepted", "totp.enrolled",
            "login.success", "report.decrypted"} <= actions


def test_wrong_invitation_code_changes_nothing(client, app, session):
    school = make_school(session)
    session.commit()
    register(client, session, school)
    (invitation,) = outbox(session, "member_invitation")
    path = link_path(invitation.body, "/skola/pozvanka/")
    other = app.test_client()
    response = other.post(path, data={"csrf_token": csrf_token(other, path),
                                      "code": "AAAA-BBBB-CCCC", "password": SECOND_PASSWORD,
                                      "password2": SECOND_PASSWORD})
    assert response.status_code == 400 and "Kód nesouhlasí" in response.get_data(as_text=True)
    second = member_by_email(session, CONTACTS[1][1])
    assert second.password_hash is None and second.pending_key_wrap is not None


def test_first_login_needs_confirmed_email(client, app, session):
    school = make_school(session)
    session.commit()
    register(client, session, school)
    fresh = app.test_client()
    form = {"csrf_token": csrf_token(fresh, "/skola/prihlaseni"), "email": CONTACTS[0][1],
            "password": FIRST_PASSWORD}
    blocked = fresh.post("/skola/prihlaseni", data=form)
    assert blocked.status_code == 403 and "potvrďte" in blocked.get_data(as_text=True)
    (confirmation,) = outbox(session, "email_confirmation")
    path = link_path(confirmation.body, "/skola/potvrzeni/")
    assert fresh.get(path).status_code == 200  # a link scanner's GET confirms nothing
    assert fresh.get(path).status_code == 200
    assert fresh.post(path, data={"csrf_token": csrf_token(fresh, path)}).status_code == 200
    assert fresh.get(path).status_code == 404
    form["csrf_token"] = csrf_token(fresh, "/skola/prihlaseni")
    assert fresh.post("/skola/prihlaseni", data=form).headers["Location"].endswith("/overeni")


@pytest.mark.parametrize(("override", "field_message"), [
    ({"c2_name": "", "c2_email": "", "c2_phone": ""}, "jméno a příjmení"),
    ({"c2_email": "jana.novakova@zs-test.example"}, "jiný e-mail"),
    ({"c1_phone": "12345"}, "Telefon"),
    ({"c2_email": "ne-e-mail"}, "E-mail nemá platný tvar"),
    ({"password2": "jine-heslo-uplne"}, "Hesla se neshodují"),
    ({"password": "kratke", "password2": "kratke"}, "alespoň 10 znaků"),
    ({"red_izo": "123"}, "RED-IZO"),
    ({"red_izo": "999999999"}, "není v rejstříku"),
    ({"plan": "zdarma"}, "tarif"),
    ({"understood": ""}, "rozumíte"),
])
def test_invalid_registration_is_refused_in_czech(client, session, override, field_message):
    school = make_school(session)
    session.commit()
    form = registration_form(client, school.red_izo)
    form.update(override)
    response = client.post("/skola/registrace", data=form)
    assert response.status_code == 400
    assert field_message in response.get_data(as_text=True)
    session.expire_all()
    assert session.scalars(select(SchoolKey)).first() is None
    assert session.scalars(select(SchoolMember)).first() is None


def test_registered_school_cannot_be_registered_again(client, session):
    reg = register_school(session)
    response = client.post("/skola/registrace", data=registration_form(client, reg.school.red_izo))
    assert response.status_code == 400 and "už je zaregistrovaná" in response.get_data(as_text=True)


def test_search_lists_schools_to_pick(client, session):
    make_school(session, name="ZŠ Lipová alej, Lipník", town="Lipník", street="Lipová alej 3")
    session.commit()
    page = client.get("/skola/registrace?q=lipova").get_data(as_text=True)
    assert 'type="radio" name="red_izo"' in page and "Lipová alej" in page


def test_recovery_pdf_prints_the_key_with_czech_text(client, session):
    school = make_school(session)
    session.commit()
    page = register(client, session, school)
    recovery = re.search(r'id="recovery-key">([0-9A-Z-]+)<', page).group(1)
    token = csrf_token(client, "/skola/cekame-na-overeni")  # printable before verification
    wrong = client.post("/skola/zachranny-klic.pdf",
                        data={"csrf_token": token, "recovery_key": "0000-0000-0000-0000-0000-"
                                                                    "0000-0000-0000"})
    assert wrong.status_code == 400
    response = client.post("/skola/zachranny-klic.pdf",
                           data={"csrf_token": token, "recovery_key": recovery})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    text = subprocess.run(["pdftotext", "-", "-"], input=response.data, capture_output=True,
                          check=True).stdout.decode()
    assert recovery in text and "Záchranný klíč školy" in text and "nepřečte" in text
    assert len(PdfReader(io.BytesIO(response.data)).pages[0].images) == 1  # the QR code
