"""Helpers for the school-trust tests: register through the form, answer the register
address's confirmation mail, run the operator's commands."""

from __future__ import annotations

import re

from click.testing import CliRunner
from sqlalchemy import select

from models import School, SchoolMember
from ozvise.cli import main
from tests.factories import csrf_token, submit_code
from tests.portal.helpers import (
    CONTACTS,
    FIRST_PASSWORD,
    link_path,
    member_by_email,
    outbox,
    registration_form,
)

IMPOSTORS = (("Ivan Podvodník", "ivan@podvod.example", "603 111 222"),
             ("Iva Podvodná", "iva@podvod.example", "603 111 333"))
IMPOSTOR_PASSWORD = "heslo-podvodnika-1"
CONFIRM_PREFIX = "/skola/potvrzeni-skoly/"


def register_via_form(client, session, school: School, contacts=CONTACTS,
                      password: str = FIRST_PASSWORD) -> SchoolMember:
    """The registration form, then the first person's TOTP enrolment; the first member."""
    response = client.post("/skola/registrace",
                           data=registration_form(client, school.red_izo, contacts, password))
    assert response.status_code == 302, response.get_data(as_text=True)
    client.get("/skola/overeni")
    first = member_by_email(session, contacts[0][1])
    done = submit_code(client, "/skola/overeni", f"member:{first.id}", first.totp_secret)
    assert done.headers["Location"].endswith("/registrace/hotovo")
    client.get("/skola/registrace/hotovo")
    return first


def confirm_own_email(client, session, member_email: str) -> None:
    (mail,) = outbox(session, "email_confirmation", member_email)[-1:]
    path = link_path(mail.body, "/skola/potvrzeni/")
    assert client.post(path, data={"csrf_token": csrf_token(client, path)}).status_code == 200


def register_mail(session, kind: str = "school_confirmation_registration"):
    """(link path, code) of the newest confirmation mailed to a register address."""
    mail = outbox(session, kind)[-1]
    code = re.search(r"opište tento kód: ([A-Z0-9]{4}-[A-Z0-9]{4})", mail.body).group(1)
    return mail, link_path(mail.body, CONFIRM_PREFIX), code


def answer(client, path: str, code: str, yes: bool):
    return client.post(path, data={"csrf_token": csrf_token(client, path), "code": code,
                                   "answer": "yes" if yes else "no"})


def cli(settings, *args: str):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "test",
           "OZVISE_ONBOARDING_PUBLIC_KEY": str(settings.onboarding_public_key_path)}
    return CliRunner().invoke(main, list(args), env=env)


def fresh(session, model, ident):  # noqa: ANN001, ANN201
    session.expire_all()
    return session.get(model, ident)


def members_of(session, school_id: int) -> list[SchoolMember]:
    session.expire_all()
    return list(session.scalars(select(SchoolMember).where(SchoolMember.school_id == school_id)))
