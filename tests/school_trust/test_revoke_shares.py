"""Revoking a registration also ends the counsellor shares its members made.

A registration that was never the school's may have shared a report with a counsellor
before the real school disputed it. The counsellor's wrapped data key must go with the
registration, or a counsellor chosen by an impostor would keep reading the child's report.
Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select

from models import AuditEvent, CounsellorShare, KeyRecipient, ReportKey
from tests.counsellor.helpers import login_counsellor, make_counsellor, share
from tests.factories import delivered_report, login_member, register_school
from tests.school_trust.helpers import cli

NAME = "Radim Koutný"


def test_revocation_ends_the_registrations_counsellor_shares(app, client, session, settings):
    reg = register_school(session)
    report, _receipt = delivered_report(client, session, settings, reg.school.id,
                                        f"{NAME} ze 6.A je každý den bit.", name=NAME,
                                        klass="6.A")
    handler, password = reg.members["handler"]
    portal = app.test_client()
    assert login_member(portal, handler, password).status_code == 302
    counsellor = make_counsellor(session, "pavla")
    assert share(portal, report.id, counsellor.id).status_code == 302
    reader = app.test_client()
    assert login_counsellor(reader, counsellor).status_code == 302
    assert NAME in reader.get(f"/poradce/hlaseni/{report.id}").get_data(as_text=True)

    result = cli(settings, "schools", "revoke", reg.school.red_izo, "--reason",
                 "registraci provedl někdo cizí", "--by", "operátor Novák")
    assert result.exit_code == 0, result.output

    session.expire_all()
    (row,) = session.scalars(select(CounsellorShare)).all()
    assert row.revoked_at is not None
    assert not session.scalars(select(ReportKey).where(
        ReportKey.report_id == report.id,
        ReportKey.recipient == KeyRecipient.COUNSELLOR)).all()
    assert reader.get(f"/poradce/hlaseni/{report.id}").status_code == 404
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "school.revoked")).one()
    assert event.details["counsellor_shares_revoked"] == [row.id]
