"""The school sees urgency: a mark in its list and "NALÉHAVÉ" in the mail, never content."""

from __future__ import annotations

import re

from models import Plan, Report
from tests.conversation.helpers import open_status, reporter_writes
from tests.factories import delivered_report, login_member, register_school
from tests.portal.helpers import outbox

URGENT = "Tomáš Vlk z 8.B mi ukazoval nůž a řekl, že mě podřízne, jestli to řeknu."
CALM = "Holky mi schovávají penál a smějí se mi, že nosím brýle."
SECRETS = ("Tomáš", "Tomas", "Vlk", "8.B", "nůž", "nuz", "podřízne", "penál", "brýle")


def _row_of(html: str, report_id: str) -> str:
    return next(row for row in re.findall(r"<tr.*?</tr>", html, re.S) if report_id in row)


def _assert_no_content(message) -> None:
    for secret in SECRETS:
        assert secret not in message.body and secret not in message.subject


def test_list_mark_and_notice_subjects(client, app, session, settings):
    reg = register_school(session)
    urgent, _ = delivered_report(client, session, settings, reg.school.id, URGENT)
    calm, _ = delivered_report(client, session, settings, reg.school.id, CALM)
    assert (urgent.urgent, calm.urgent) == (True, False)

    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    html = school.get("/skola/").get_data(as_text=True)
    assert "badge-urgent" in _row_of(html, urgent.id) and "naléhavé" in _row_of(html, urgent.id)
    assert "badge-urgent" not in _row_of(html, calm.id)

    notices = outbox(session, "report_delivered")
    by_report = {report_id: [m for m in notices if report_id in m.body]
                 for report_id in (urgent.id, calm.id)}
    assert len(by_report[urgent.id]) == len(by_report[calm.id]) == 2  # admin + handler
    for message in by_report[urgent.id]:
        assert message.subject.startswith("NALÉHAVÉ: ") and "NALÉHAVÉ" in message.body
        assert "155" in message.body
        _assert_no_content(message)
    for message in by_report[calm.id]:
        assert "NALÉHAV" not in message.subject and "NALÉHAV" not in message.body


def test_pdf_mail_of_an_urgent_report_says_so(client, session, settings):
    reg = register_school(session, plan=Plan.BASIC)
    delivered_report(client, session, settings, reg.school.id, URGENT)
    delivered_report(client, session, settings, reg.school.id, CALM)
    urgent_mail, calm_mail = outbox(session, "report_pdf")
    assert urgent_mail.subject.startswith("NALÉHAVÉ: ") and "NALÉHAVÉ" in urgent_mail.body
    _assert_no_content(urgent_mail)
    assert "NALÉHAV" not in calm_mail.subject


def test_a_follow_up_can_make_a_report_urgent(client, app, session, settings):
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, CALM)
    assert report.urgent is False
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, "Dneska mi napsala, že bych se měla zabít.")
    session.expire_all()
    assert session.get(Report, report.id).urgent is True
    later = outbox(session, "report_urgent")
    assert {m.recipient for m in later} == {reg.members["admin"][0].email,
                                            reg.members["handler"][0].email}
    for message in later:
        assert message.subject.startswith("NALÉHAVÉ: ") and report.id in message.body
        assert "zabít" not in message.body and "penál" not in message.body
    # a second alarming follow-up mails nobody again; the flag never goes back
    reporter_writes(reporter, "A ještě mi psala, ať se zabiju.")
    reporter_writes(reporter, "Dnes byl klid.")
    session.expire_all()
    assert len(outbox(session, "report_urgent")) == 2
    assert session.get(Report, report.id).urgent is True
    assert "crisis-urgent" in open_status(app.test_client(), receipt).get_data(as_text=True)
