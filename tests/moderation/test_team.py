"""A logged-in moderator adds a colleague from the web, granting the key from their login.

The new account must be able to read the sealed copies (the key really was granted from
the session's unlocked key), bad input is shown next to its fields with the username
kept, and the audit log says who added whom. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select

from models import AuditEvent, Moderator
from tests.factories import csrf_token
from tests.moderation.test_moderation_key import TEXT, _enrol_and_log_in

NEW_PASSWORD = "heslo-pro-kolegyni-1"


def _add(client, username: str, password: str, again: str):
    token = csrf_token(client, "/moderace/moderatori")
    return client.post("/moderace/moderatori", data={
        "csrf_token": token, "username": username, "password": password, "password2": again})


def test_moderator_adds_a_colleague_who_reads_the_sealed_copies(app, session, mod_client,
                                                                moderator, school, pending):
    report = pending(school.school.id, TEXT)
    page = mod_client.get("/moderace/moderatori").get_data(as_text=True)
    assert moderator.username in page and "Přidat moderátora" in page

    mismatch = _add(mod_client, "kolegyne", NEW_PASSWORD, NEW_PASSWORD + "x")
    body = mismatch.get_data(as_text=True)
    assert mismatch.status_code == 400 and "Hesla se neshodují" in body
    assert 'value="kolegyne"' in body  # the username is kept
    short = _add(mod_client, "kolegyne", "kratke", "kratke")
    assert short.status_code == 400 and "aspoň 12 znaků" in short.get_data(as_text=True)
    taken = _add(mod_client, moderator.username, NEW_PASSWORD, NEW_PASSWORD)
    assert taken.status_code == 400 and "už existuje" in taken.get_data(as_text=True)

    added = _add(mod_client, "kolegyne", NEW_PASSWORD, NEW_PASSWORD)
    assert added.status_code == 302
    session.expire_all()
    colleague = session.scalars(select(Moderator).where(Moderator.username == "kolegyne")).one()
    assert colleague.key_wrap and colleague.totp_enrolled_at is None
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "moderator.created",
        AuditEvent.target == f"moderator:{colleague.id}")).one()
    assert event.actor == f"moderator:{moderator.id}"

    client = app.test_client()
    _enrol_and_log_in(client, session, "kolegyne", NEW_PASSWORD)
    assert "kvakoš" in client.get(f"/moderace/hlaseni/{report.id}").get_data(as_text=True)


def test_anyone_else_cannot_add_moderators(app, client):
    response = client.get("/moderace/moderatori")
    assert response.status_code == 302 and "prihlaseni" in response.headers["Location"]
    token = csrf_token(client, "/moderace/prihlaseni")
    posted = client.post("/moderace/moderatori", data={
        "csrf_token": token, "username": "vetrelec", "password": NEW_PASSWORD,
        "password2": NEW_PASSWORD})
    assert posted.status_code == 302 and "prihlaseni" in posted.headers["Location"]
