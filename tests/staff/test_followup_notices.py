"""Item 2: a reporter's follow-up, once the school can read it, reaches the school: one
content-free mail per reader and unread batch (opt-out per member), and the list and the
report page mark it unread until opened."""

from __future__ import annotations

from sqlalchemy import select

from models import Message, OutboxMessage
from tests.conversation.helpers import open_status, reporter_writes
from tests.factories import (
    csrf_token,
    delivered_report,
    login_member,
    login_moderator,
    make_moderator,
    register_school,
)
from tests.portal.helpers import outbox

FOLLOW_UP = "Dneska mi zase vzali svačinu."


def _notices(session) -> list[OutboxMessage]:
    return outbox(session, "followup_notice")


def _pass_all(moderator, session) -> None:
    session.expire_all()
    token = csrf_token(moderator, "/moderace/zpravy")
    for message in session.scalars(select(Message).where(Message.moderated_at.is_(None))):
        assert moderator.post(f"/moderace/zpravy/{message.id}",
                              data={"csrf_token": token, "decision": "pass"}).status_code == 302


def test_moderated_follow_up_notifies_once_and_shows_unread(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id,
                                       "Berou mi věci.", name="Eva Malá", klass="3.B")
    admin, handler = reg.members["admin"][0], reg.members["handler"][0]
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, FOLLOW_UP)
    assert _notices(session) == []  # not before a moderator passed it

    moderator = app.test_client()
    login_moderator(moderator, make_moderator(session))
    _pass_all(moderator, session)
    notices = _notices(session)
    assert sorted(n.recipient for n in notices) == sorted([admin.email, handler.email])
    for notice in notices:  # content-free: a link, nothing of the report or the message
        assert f"/skola/hlaseni/{report.id}" in notice.body
        assert all(word not in notice.body + notice.subject
                   for word in ("svačin", "Eva", "Malá", "3.B", "Berou"))

    reporter_writes(reporter, "A ještě jedna věc.")  # same unread batch: no second mail
    _pass_all(moderator, session)
    assert len(_notices(session)) == 2

    school = app.test_client()
    login_member(school, *reg.members["handler"])
    listing = school.get("/skola/").get_data(as_text=True)
    row = listing[listing.index(f'id="r-{report.id}"'):]
    assert "2 nové zprávy" in row[:row.index("</tr>")]
    page = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert 'id="new-messages"' in page and "2 nové zprávy od oznamovatele" in page
    assert page.count('<span class="badge badge-unread">nová</span>') == 2
    again = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert 'id="new-messages"' not in again and "badge-unread\">nová" not in again
    listing = school.get("/skola/").get_data(as_text=True)
    assert "nové zprávy" not in listing and "nová zpráva" not in listing

    reporter_writes(reporter, "Po přečtení znovu.")  # read since: a new batch, a new mail
    _pass_all(moderator, session)
    assert len(_notices(session)) == 4


def test_withheld_and_opted_out_get_no_mail(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, "Smějí se mi.")
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    page = school.get("/skola/upozorneni").get_data(as_text=True)
    assert 'name="followup_notices" value="1" checked' in page
    saved = school.post("/skola/upozorneni",
                        data={"csrf_token": csrf_token(school, "/skola/upozorneni")})
    assert saved.status_code == 303
    assert "value=\"1\" checked" not in school.get("/skola/upozorneni").get_data(as_text=True)

    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, "asdf asdf spam")
    moderator = app.test_client()
    login_moderator(moderator, make_moderator(session))
    session.expire_all()
    spam = session.scalars(select(Message)).one()
    token = csrf_token(moderator, "/moderace/zpravy")
    moderator.post(f"/moderace/zpravy/{spam.id}", data={"csrf_token": token,
                                                         "decision": "withhold"})
    assert _notices(session) == []
    reporter_writes(reporter, FOLLOW_UP)
    _pass_all(moderator, session)
    assert [n.recipient for n in _notices(session)] == [reg.members["admin"][0].email]


def test_unmoderated_follow_up_notifies_as_written(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=False)
    reg = register_school(session, roles=("admin",))
    _report, receipt = delivered_report(client, session, settings, reg.school.id, "Bijí mě.")
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, FOLLOW_UP)
    assert [n.recipient for n in _notices(session)] == [reg.members["admin"][0].email]
