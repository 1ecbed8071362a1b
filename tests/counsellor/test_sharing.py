"""A school shares one report with a counsellor, who reads it and advises; the school revokes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import AuditEvent, CounsellorShare, KeyRecipient, Note, Plan, ReportKey
from review_ui.counsellor_shares import ShareRefused, share_report
from tests.counsellor.helpers import (
    login_counsellor,
    make_counsellor,
    revoke,
    share,
    write_advice,
)
from tests.factories import delivered_report, login_member, register_school

NAME, TEXT = "Marek Horák", "Marka Horáka z 8.C zamykají spolužáci na záchodě."
ADVICE = "Doporučuji nejdřív mluvit s třídní učitelkou a zapojit školního psychologa."


def _school_with_report(app, client, session, settings, plan=Plan.EXTENDED):
    reg = register_school(session, plan=plan)
    report, _receipt = delivered_report(client, session, settings, reg.school.id, TEXT,
                                        name=NAME, klass="8.C")
    handler, password = reg.members["handler"]
    school = app.test_client()
    assert login_member(school, handler, password).status_code == 302
    return reg, report, school


def test_share_read_advise_revoke(app, client, session, settings):
    reg, report, school = _school_with_report(app, client, session, settings)
    first = make_counsellor(session, "pavla")
    second = make_counsellor(session, "jiri", "PhDr. Jiří Dobrý")
    counsellor = app.test_client()
    assert login_counsellor(counsellor, first).status_code == 302
    other = app.test_client()
    assert login_counsellor(other, second).status_code == 302

    assert counsellor.get(f"/poradce/hlaseni/{report.id}").status_code == 404  # not shared yet
    assert NAME not in counsellor.get("/poradce/").get_data(as_text=True)

    assert share(school, report.id, first.id).status_code == 302
    listing = counsellor.get("/poradce/").get_data(as_text=True)
    assert reg.school.name in listing and f"/poradce/hlaseni/{report.id}" in listing
    page = counsellor.get(f"/poradce/hlaseni/{report.id}").get_data(as_text=True)
    assert NAME in page and "8.C" in page and "zamykají" in page
    assert other.get(f"/poradce/hlaseni/{report.id}").status_code == 404  # the other one

    assert write_advice(counsellor, report.id, ADVICE).status_code == 302
    assert ADVICE in counsellor.get(f"/poradce/hlaseni/{report.id}").get_data(as_text=True)
    school_page = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert ADVICE in school_page  # the portal lists advice among the report's notes
    assert "Mgr. Pavla Radová" in school_page  # the share panel on the report page
    session.expire_all()
    note = session.scalars(select(Note)).one()
    assert note.author_counsellor_id == first.id and ADVICE.encode() not in note.body_ct

    share_row = session.scalars(select(CounsellorShare)).one()
    assert revoke(school, report.id, share_row.id).status_code == 302
    assert counsellor.get(f"/poradce/hlaseni/{report.id}").status_code == 404
    assert f"/poradce/hlaseni/{report.id}" not in counsellor.get("/poradce/").get_data(
        as_text=True)
    session.expire_all()
    assert session.get(CounsellorShare, share_row.id).revoked_at is not None
    assert session.scalars(select(ReportKey).where(
        ReportKey.recipient == KeyRecipient.COUNSELLOR)).first() is None  # key material gone

    assert share(school, report.id, first.id).status_code == 302  # a new share wraps afresh
    assert NAME in counsellor.get(f"/poradce/hlaseni/{report.id}").get_data(as_text=True)

    actions = [(e.actor, e.action) for e in session.scalars(select(AuditEvent))]
    assert (f"counsellor:{first.id}", "login.success") in actions
    assert (f"counsellor:{first.id}", "report.decrypted") in actions
    assert (f"counsellor:{first.id}", "advice.added") in actions
    member_id = reg.members["handler"][0].id
    assert (f"member:{member_id}", "report.shared") in actions
    assert (f"member:{member_id}", "report.share_revoked") in actions
    for event in session.scalars(select(AuditEvent)):
        assert "Marek" not in repr(event.details) and "psycholog" not in repr(event.details)


def test_counsellor_is_refused_everywhere_else(app, client, session, settings):
    _reg, report, school = _school_with_report(app, client, session, settings)
    first = make_counsellor(session, "pavla")
    share(school, report.id, first.id)
    counsellor = app.test_client()
    login_counsellor(counsellor, first)
    for path in ("/skola/", f"/skola/hlaseni/{report.id}", f"/skola/hlaseni/{report.id}/konverzace",
                 "/moderace/", f"/moderace/hlaseni/{report.id}", "/moderace/statistiky"):
        assert counsellor.get(path).status_code == 403, path
    for path in (f"/skola/hlaseni/{report.id}/zpravy", f"/skola/hlaseni/{report.id}/poradci",
                 f"/moderace/hlaseni/{report.id}/rozhodnuti"):
        from tests.factories import csrf_token

        token = csrf_token(counsellor, f"/poradce/hlaseni/{report.id}")
        assert counsellor.post(path, data={"csrf_token": token}).status_code == 403, path

    anonymous = app.test_client().get(f"/poradce/hlaseni/{report.id}")
    assert anonymous.status_code == 302 and "/poradce/prihlaseni" in anonymous.headers["Location"]


def test_analyst_basic_plan_and_foreign_school_cannot_share(app, client, session, settings):
    reg, report, _school = _school_with_report(app, client, session, settings)
    first = make_counsellor(session, "pavla")
    analyst_member, password = reg.members["analyst"]
    analyst = app.test_client()
    login_member(analyst, analyst_member, password)
    from tests.factories import csrf_token

    token = csrf_token(analyst, "/poradce/prihlaseni")
    response = analyst.post(f"/skola/hlaseni/{report.id}/poradci",
                            data={"csrf_token": token, "counsellor_id": str(first.id)})
    assert response.status_code == 403

    other = register_school(session)
    member, password = other.members["handler"]
    foreign = app.test_client()
    login_member(foreign, member, password)
    response = foreign.post(f"/skola/hlaseni/{report.id}/poradci",
                            data={"csrf_token": csrf_token(foreign, "/poradce/prihlaseni"),
                                  "counsellor_id": str(first.id)})
    assert response.status_code == 404

    basic = register_school(session, plan=Plan.BASIC)
    basic_report, _receipt = delivered_report(client, session, settings, basic.school.id, TEXT)
    with pytest.raises(ShareRefused, match="rozšířeného tarifu"):
        share_report(session, basic_report, bytes(32), first.id, basic.members["handler"][0].id)
    session.rollback()
    assert session.scalars(select(CounsellorShare)).first() is None


def test_wrong_password_or_code_is_refused_and_recorded(app, session):
    first = make_counsellor(session, "pavla")
    client = app.test_client()
    assert login_counsellor(client, first, "spatne-heslo-dlouhe").status_code == 401
    from tests.factories import csrf_token

    token = csrf_token(client, "/poradce/prihlaseni")
    response = client.post("/poradce/prihlaseni", data={
        "csrf_token": token, "username": "pavla", "password": "poradce-heslo-dlouhe",
        "code": "000000"})
    assert response.status_code == 401 and "nepodařilo" in response.get_data(as_text=True)
    assert client.get("/poradce/").status_code == 302
    actions = session.scalars(select(AuditEvent.action).where(
        AuditEvent.actor == f"counsellor:{first.id}")).all()
    assert actions.count("login.failure") == 2
