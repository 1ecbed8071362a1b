"""School and reporter write to each other; each side reads the other's messages."""

from __future__ import annotations

from sqlalchemy import select

from models import AuditEvent, Message, MessageAuthor, ModerationCopy
from tests.conversation.helpers import open_status, reporter_writes, school_writes
from tests.factories import (
    delivered_report,
    login_member,
    moderators_message_text,
    register_school,
)

REPLY = "Dobrý den, děkujeme za zprávu. Můžeš nám napsat, kdy se to děje?"
ANSWER = "Většinou o velké přestávce u šaten, dělá to Kuba Dvořák ze 7.B."


def _setup(app, client, session, settings, moderate: bool):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=moderate)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id,
                                       "Spolužáci se mi posmívají.", name="Eva", klass="6.A")
    handler, password = reg.members["handler"]
    school = app.test_client()
    assert login_member(school, handler, password).status_code == 302
    return reg, report, receipt, school


def test_round_trip_without_moderation(app, client, session, settings):
    _reg, report, receipt, school = _setup(app, client, session, settings, moderate=False)

    response = school_writes(school, report.id, REPLY)
    assert response.status_code == 302

    reporter = app.test_client()
    page = open_status(reporter, receipt).get_data(as_text=True)
    assert REPLY in page and 'id="konverzace"' in page

    assert reporter_writes(reporter, ANSWER).status_code == 302
    assert ANSWER in reporter.get("/stav/konverzace").get_data(as_text=True)

    school_page = school.get(f"/skola/hlaseni/{report.id}/konverzace").get_data(as_text=True)
    assert ANSWER in school_page and REPLY in school_page

    session.expire_all()
    stored = session.scalars(select(Message).order_by(Message.id)).all()
    assert [m.author for m in stored] == [MessageAuthor.SCHOOL, MessageAuthor.REPORTER]
    assert session.scalars(select(ModerationCopy)).all() == []  # nobody needs a copy
    assert stored[1].read_at is not None and stored[0].read_at is not None
    actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("message.sent") == 2 and "messages.decrypted" in actions
    for event in session.scalars(select(AuditEvent)).all():
        assert "Kuba" not in repr(event.details) and "přestávce" not in repr(event.details)


def test_moderated_followup_waits_and_is_redacted(app, client, session, settings):
    _reg, report, receipt, school = _setup(app, client, session, settings, moderate=True)
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, ANSWER)

    own_view = reporter.get("/stav/konverzace").get_data(as_text=True)
    assert ANSWER in own_view and "čeká na kontrolu" in own_view
    assert ANSWER not in school.get(f"/skola/hlaseni/{report.id}/konverzace").get_data(
        as_text=True)

    session.expire_all()
    message = session.scalars(select(Message)).one()
    assert message.moderated_at is None
    moderators = moderators_message_text(session, message.id)
    assert "Kuba" not in moderators and "Dvořák" not in moderators
    assert "[OSOBA 1]" in moderators and "přestávce" in moderators

    from models import utcnow

    message.moderated_at = utcnow()  # what the moderator's "pass to school" does
    session.commit()
    assert ANSWER in school.get(f"/skola/hlaseni/{report.id}/konverzace").get_data(as_text=True)


def test_bad_input_and_strangers(app, client, session, settings):
    reg, report, receipt, school = _setup(app, client, session, settings, moderate=False)
    empty = school_writes(school, report.id, "   ")
    assert empty.status_code == 400 and "prázdná" in empty.get_data(as_text=True)
    long = school_writes(school, report.id, "x" * 4001)
    assert long.status_code == 400 and "příliš dlouhá" in long.get_data(as_text=True)

    stranger = app.test_client()  # no receipt: sent back to the lookup, nothing shown
    response = stranger.get("/stav/konverzace")
    assert response.status_code == 302 and response.headers["Location"].endswith("/stav")
    assert stranger.post("/stav/konverzace", data={"text": "x"}).status_code == 400  # CSRF

    wrong = app.test_client()
    assert open_status(wrong, "1" * 25).status_code == 404

    other = register_school(session)
    member, password = other.members["handler"]
    foreign = app.test_client()
    login_member(foreign, member, password)
    assert foreign.get(f"/skola/hlaseni/{report.id}/konverzace").status_code == 404
    analyst, password = reg.members["analyst"]
    analyst_client = app.test_client()
    login_member(analyst_client, analyst, password)
    assert analyst_client.get(f"/skola/hlaseni/{report.id}/konverzace").status_code == 403
    anonymous = app.test_client().get(f"/skola/hlaseni/{report.id}/konverzace")
    assert anonymous.status_code == 302 and "/skola/prihlaseni" in anonymous.headers["Location"]


def test_leaving_forgets_the_key(app, client, session, settings):
    _reg, report, receipt, school = _setup(app, client, session, settings, moderate=False)
    school_writes(school, report.id, REPLY)
    reporter = app.test_client()
    open_status(reporter, receipt)
    assert REPLY in reporter.get("/stav/konverzace").get_data(as_text=True)
    from tests.factories import csrf_token

    token = csrf_token(reporter, "/stav/konverzace")
    assert reporter.post("/stav/konverzace/odejit", data={"csrf_token": token}).status_code == 302
    assert reporter.get("/stav/konverzace").status_code == 302
