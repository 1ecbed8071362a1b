"""Basic plan: PDFs, with the password in the portal. Extended plan: no PDF at all."""

from __future__ import annotations

import re

from sqlalchemy import select

from models import EncryptedPdf, OutboxMessage, Plan, Report, ReportStatus
from tests.delivery.conftest import all_report_ids, moderator_passes, pdf_text
from tests.factories import login_member, register_school, submit_form

NAME = "Dobromila Těšínská"


def test_basic_plan_gets_pdf_with_password_in_portal(client, session, settings):
    reg = register_school(session, plan=Plan.BASIC)  # no onboarding key configured at all
    assert submit_form(client, reg.school.id, f"{NAME} pláče.", name=NAME,
                       klass="2.B").status_code == 201
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    assert session.get(Report, report_id).status == ReportStatus.AWAITING_PDF
    mail = session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == reg.school.director_email and mail.attachment
    assert "v portálu" in mail.body  # the cover text points to the portal, not registration

    handler, password = reg.members["handler"]
    login_member(client, handler, password)
    page = client.get("/skola/heslo-pdf/").get_data(as_text=True)
    pdf_password = re.search(r'id="pdf-password"[^>]*>([^<]+)<', page).group(1)
    assert NAME in pdf_text(mail.attachment, pdf_password)


def test_extended_plan_reads_in_portal_without_pdf(client, session, settings):
    reg = register_school(session)
    assert submit_form(client, reg.school.id, "Text.", name=NAME).status_code == 201
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    assert session.get(Report, report_id).status == ReportStatus.DELIVERED
    assert not session.scalars(select(EncryptedPdf)).all()
    assert not session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "report_pdf")).all()


def test_handover_twice_queues_one_mail(client, session, settings, onboarding_key):
    from tests.factories import make_school

    school = make_school(session)
    session.commit()
    submit_form(client, school.id, "Text.", name=NAME)
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    moderator_passes(session, settings, report_id)
    assert len(session.scalars(select(OutboxMessage)).all()) == 1
