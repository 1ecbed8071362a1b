"""Portal test helpers: register through the real form, read the outbox, accept invitations."""

from __future__ import annotations

import re

from sqlalchemy import select

from models import OutboxMessage, SchoolMember
from tests.factories import csrf_token, submit_code

FIRST_PASSWORD = "dlouhe-heslo-spravkyne"
CONTACTS = (("Jana Nováková", "jana.novakova@zs-test.example", "603 123 456"),
            ("Karel Dvořák", "karel.dvorak@zs-test.example", "+420 777 888 999"))


def registration_form(client, red_izo: str, contacts=CONTACTS, password: str = FIRST_PASSWORD,
                      **overrides: str) -> dict[str, str]:
    form = {"csrf_token": csrf_token(client, "/skola/registrace"), "red_izo": red_izo,
            "legal_entity_name": "Základní škola Testov, příspěvková organizace",
            "plan": "extended", "password": password, "password2": password, "understood": "1"}
    for slot, (name, email, phone) in enumerate(contacts, start=1):
        form.update({f"c{slot}_name": name, f"c{slot}_email": email, f"c{slot}_phone": phone})
    form.update(overrides)
    return form


def outbox(session, kind: str | None = None, recipient: str | None = None) -> list[OutboxMessage]:
    session.expire_all()
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    if recipient:
        query = query.where(OutboxMessage.recipient == recipient)
    return list(session.scalars(query))


def link_path(body: str, prefix: str) -> str:
    """The path of the first link in ``body`` under ``prefix`` (e.g. /skola/pozvanka/)."""
    match = re.search(r"https?://[^/\s]+(" + re.escape(prefix) + r"[^\s]+)", body)
    assert match, f"no {prefix} link in the e-mail"
    return match.group(1)


def member_by_email(session, email: str) -> SchoolMember:
    session.expire_all()
    return session.scalars(select(SchoolMember).where(SchoolMember.email == email)).one()


def enter_code(client, member: SchoolMember):
    """Submit the TOTP code of the second step (enrolment or login)."""
    return submit_code(client, "/skola/overeni", f"member:{member.id}", member.totp_secret)


def accept_invitation(client, session, path: str, code: str, password: str):
    """Set the password from an invitation link, then enrol TOTP; returns the last response."""
    token = csrf_token(client, path)
    response = client.post(path, data={"csrf_token": token, "code": code, "password": password,
                                       "password2": password})
    if response.status_code != 302:
        return response
    client.get("/skola/overeni")  # creates the TOTP secret to enrol
    with client.session_transaction() as flask_session:
        pending = flask_session["pending_member"]
    session.expire_all()
    return enter_code(client, session.get(SchoolMember, pending))
