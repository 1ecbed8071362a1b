"""A moderator replaces the password someone else chose for them (issue 13's open end).

The new password must unlock the moderation key (the wrap was remade from the login's
unlocked key) and the old one must open nothing; bad input is shown next to its field and
changes nothing; a wrong current password counts as a failed login. Runs on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select

from crypto.errors import DecryptionError
from crypto.moderation_keys import unlock_for_moderator
from models import AuditEvent, LoginAttempt, Moderator
from tests.factories import MODERATOR_PASSWORD, csrf_token, login_moderator
from tests.moderation.test_moderation_key import TEXT

NEW = "nove-heslo-jen-moje-7"


def _change(client, current: str, new: str, again: str):
    token = csrf_token(client, "/moderace/heslo")
    return client.post("/moderace/heslo", data={
        "csrf_token": token, "current": current, "new": new, "again": again})


def test_new_password_unlocks_the_key_and_the_old_one_opens_nothing(app, session, mod_client,
                                                                    moderator, school, pending):
    report = pending(school.school.id, TEXT)
    page = mod_client.get("/moderace/heslo").get_data(as_text=True)
    assert "Změna hesla" in page and 'href="/moderace/heslo"' in page  # in the navigation
    wrap_before = moderator.key_wrap

    short = _change(mod_client, MODERATOR_PASSWORD, "kratke", "jine")
    body = short.get_data(as_text=True)
    assert short.status_code == 400
    assert "aspoň 12 znaků" in body and "Hesla se neshodují" in body  # every error at once
    same = _change(mod_client, MODERATOR_PASSWORD, MODERATOR_PASSWORD, MODERATOR_PASSWORD)
    assert same.status_code == 400 and "jiné než současné" in same.get_data(as_text=True)
    wrong = _change(mod_client, "tohle-neni-moje-heslo", NEW, NEW)
    assert wrong.status_code == 400 and "Současné heslo nesouhlasí" in wrong.get_data(
        as_text=True)
    session.expire_all()
    assert session.get(Moderator, moderator.id).key_wrap == wrap_before  # nothing changed
    assert session.scalars(select(LoginAttempt).where(
        LoginAttempt.account_type == "moderator", LoginAttempt.account_id == moderator.id,
        LoginAttempt.success.is_(False))).first() is not None

    changed = _change(mod_client, MODERATOR_PASSWORD, NEW, NEW)
    assert changed.status_code == 302 and changed.headers["Location"].endswith("/moderace/")
    session.expire_all()
    fresh = session.get(Moderator, moderator.id)
    assert fresh.key_wrap != wrap_before
    key, _private = unlock_for_moderator(session, fresh, NEW)
    assert key.active
    try:
        unlock_for_moderator(session, fresh, MODERATOR_PASSWORD)
    except DecryptionError:
        pass
    else:
        raise AssertionError("the old password still opens the moderation key")
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "moderator.password_changed")).one()
    assert event.actor == f"moderator:{moderator.id}"
    assert NEW not in str(event.details) and MODERATOR_PASSWORD not in str(event.details)

    old_login = login_moderator(app.test_client(), fresh, MODERATOR_PASSWORD)
    assert old_login.status_code == 401
    client = app.test_client()
    assert login_moderator(client, fresh, NEW).status_code == 302
    assert "kvakoš" in client.get(f"/moderace/hlaseni/{report.id}").get_data(as_text=True)


def test_only_a_logged_in_moderator_changes_a_password(app, client):
    response = client.get("/moderace/heslo")
    assert response.status_code == 302 and "prihlaseni" in response.headers["Location"]
