"""Delivery notices: one per reader, never twice, with a link and nothing of the report."""

from __future__ import annotations

from delivery.handover import hand_over
from delivery.worker import run_once
from models import Report, ReportStatus
from ozvise.db import session_factory
from tests.at_rest import ascii_fold
from tests.delivery.conftest import smtp_server  # noqa: F401 - the real SMTP server fixture
from tests.factories import delivered_report, register_school
from tests.portal.helpers import outbox

NAME, CLASS = "Kristýna Hájková", "6.D"
TEXT = f"{NAME} ze {CLASS} pláče o přestávkách, spolužáci jí schovávají aktovku."


def test_notices_reach_smtp_without_report_text_or_name(client, app, session, settings,
                                                        smtp_server):  # noqa: F811
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id, TEXT, name=NAME,
                                 klass=CLASS)
    queued = outbox(session, "report_delivered")
    readers = {reg.members["admin"][0].email, reg.members["handler"][0].email}
    assert {m.recipient for m in queued} == readers  # the analyst cannot read it: not mailed

    session.expire_all()
    hand_over(session, settings, session.get(Report, report.id))  # a repeated hand-over
    session.commit()
    assert len(outbox(session, "report_delivered")) == 2

    smtp = settings.with_overrides(smtp_host="127.0.0.1", smtp_port=smtp_server.port)
    run_once(session_factory(app), smtp)
    run_once(session_factory(app), smtp)
    notices = [r for r in smtp_server.received if r.email["Subject"] and
               "Nové hlášení" in str(r.email["Subject"])]
    assert sorted(r.envelope_to[0] for r in notices) == sorted(readers)
    for received in notices:
        body = received.email.get_payload(decode=True) if not received.email.is_multipart() \
            else received.email.get_body(("plain",)).get_payload(decode=True)
        text = body.decode("utf-8")
        assert f"/skola/hlaseni/{report.id}" in text
        headers = "\n".join(f"{k}: {v}" for k, v in received.email.items())
        assert "znak" not in text  # not even the report's length
        for secret in (NAME, ascii_fold(NAME), "Hájkov", CLASS, "aktovku", "přestávkách"):
            assert secret not in text and secret not in headers


def test_basic_plan_and_unconfirmed_members_get_no_portal_notice(client, session, settings):
    from models import Plan

    reg = register_school(session, plan=Plan.BASIC)
    report, _ = delivered_report(client, session, settings, reg.school.id, TEXT)
    assert report.status == ReportStatus.AWAITING_PDF
    assert outbox(session, "report_delivered") == []

    extended = register_school(session)
    handler, _ = extended.members["handler"]
    handler.email_confirmed_at = None
    session.commit()
    delivered_report(client, session, settings, extended.school.id, TEXT)
    assert {m.recipient for m in outbox(session, "report_delivered")} == {
        extended.members["admin"][0].email}
