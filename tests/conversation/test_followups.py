"""Moderators pass or withhold reporters' follow-ups, seeing only the pseudonymised copy."""

from __future__ import annotations

from sqlalchemy import select

from models import AuditEvent, Message, ModerationCopy
from tests.conversation.helpers import open_status, reporter_writes
from tests.factories import (
    csrf_token,
    delivered_report,
    login_member,
    login_moderator,
    make_moderator,
    register_school,
)

NAMED = "Dneska mi zase Tonda Vopička vzal svačinu a smál se."
SPAM = "asdf asdf koupte levné boty"


def test_moderator_passes_and_withholds(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, "Bere mi věci.")
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, NAMED)
    reporter_writes(reporter, SPAM)
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)

    anonymous = app.test_client().get("/moderace/zpravy")
    assert anonymous.status_code == 302 and "/moderace/prihlaseni" in anonymous.headers["Location"]
    assert school.get("/moderace/zpravy").status_code == 403

    moderator = app.test_client()
    assert login_moderator(moderator, make_moderator(session)).status_code == 302
    page = moderator.get("/moderace/zpravy").get_data(as_text=True)
    assert "Vopička" not in page and "Tonda" not in page and "[OSOBA 1]" in page
    assert "svačinu" in page and reg.school.name in page

    session.expire_all()
    named, spam = session.scalars(select(Message).order_by(Message.id)).all()
    token = csrf_token(moderator, "/moderace/zpravy")
    assert moderator.post(f"/moderace/zpravy/{named.id}",
                          data={"csrf_token": token, "decision": "pass"}).status_code == 302
    assert moderator.post(f"/moderace/zpravy/{spam.id}",
                          data={"csrf_token": token, "decision": "withhold"}).status_code == 302
    again = moderator.post(f"/moderace/zpravy/{named.id}", follow_redirects=True,
                           data={"csrf_token": token, "decision": "withhold"})
    assert "už rozhodl" in again.get_data(as_text=True)
    assert moderator.post(f"/moderace/zpravy/{named.id}",
                          data={"csrf_token": token, "decision": "maybe"}).status_code == 400

    school_view = school.get(f"/skola/hlaseni/{report.id}/konverzace").get_data(as_text=True)
    assert NAMED in school_view and SPAM not in school_view
    assert "nepředal" in reporter.get("/stav/konverzace").get_data(as_text=True)

    session.expire_all()
    named, spam = session.scalars(select(Message).order_by(Message.id)).all()
    assert session.scalars(select(ModerationCopy)).all() == []  # sealed copies deleted
    assert named.withheld_at is None and spam.withheld_at is not None
    decisions = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "followup.moderated")).all()
    assert sorted(e.details["decision"] for e in decisions) == ["pass", "withhold"]
