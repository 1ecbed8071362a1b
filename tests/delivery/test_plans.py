"""Basic plan: PDFs, with the password in the portal. Extended plan: no PDF at all."""

from __future__ import annotations

from sqlalchemy import select

from models import EncryptedPdf, OutboxMessage, Plan, Report, ReportStatus
from tests.delivery.conftest import all_report_ids, moderator_passes, pdf_text, portal_password
from tests.factories import login_member, register_school, submit_form

NAME = "Dobromila Těšínská"


def test_basic_plan_gets_pdf_with_password_in_portal(client, session, settings):
    reg = register_school(session, plan=Plan.BASIC)  # no onboarding key configured at all
    assert submit_form(client, reg.school.id, f"{NAME} pláče.", name=NAME,
                       klass="2.B").status_code == 200
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    assert session.get(Report, report_id).status == ReportStatus.AWAITING_PDF
    mail = session.scalars(select(OutboxMessage)).one()
    assert mail.recipient == reg.school.director_email and mail.attachment
    assert "v portálu" in mail.body  # the cover text points to the portal, not registration
    assert f"Číslo hlášení: {report_id}" in mail.body and "najdete po přihlášení" in mail.body

    handler, password = reg.members["handler"]
    login_member(client, handler, password)
    assert NAME in pdf_text(mail.attachment, portal_password(client, report_id))


def test_extended_plan_reads_in_portal_without_pdf(client, session, settings):
    reg = register_school(session)
    assert submit_form(client, reg.school.id, "Text.", name=NAME).status_code == 200
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


def _set_plan(settings, red_izo: str, plan: str):
    from click.testing import CliRunner

    from ozvise.cli import main

    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "x"}
    return CliRunner().invoke(main, ["schools", "set-plan", red_izo, plan, "--yes"], env=env)


def test_upgrade_to_extended_moves_pdf_reports_into_portal_without_reencryption(
        client, session, settings):
    from models import AuditEvent, ReportKey

    reg = register_school(session, plan=Plan.BASIC)
    assert submit_form(client, reg.school.id, f"{NAME} pláče.", name=NAME,
                       klass="2.B").status_code == 200
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    assert session.get(Report, report_id).status == ReportStatus.AWAITING_PDF
    sealed = session.get(Report, report_id).text_ct
    wraps = {(k.id, k.recipient, k.recipient_id, k.wrapped_key)
             for k in session.scalars(select(ReportKey).where(ReportKey.report_id == report_id))}

    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    assert client.get(f"/skola/hlaseni/{report_id}").status_code == 404

    result = _set_plan(settings, reg.school.red_izo, "extended")
    assert result.exit_code == 0, result.output
    assert "přesunuto hlášení: 1" in result.output
    session.expire_all()
    report = session.get(Report, report_id)
    assert report.status == ReportStatus.DELIVERED and report.text_ct == sealed
    assert reg.school.plan == Plan.EXTENDED
    assert {(k.id, k.recipient, k.recipient_id, k.wrapped_key) for k in session.scalars(
        select(ReportKey).where(ReportKey.report_id == report_id))} == wraps
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "school.plan_changed")).one()
    assert event.target == f"school:{reg.school.id}" and event.actor == "operator"
    assert event.details["moved_to_portal"] == 1 and event.details["previous"] == "basic"

    page = client.get(f"/skola/hlaseni/{report_id}")
    assert page.status_code == 200 and NAME in page.get_data(as_text=True)
    # running it again changes nothing; new reports now go straight to the portal
    assert "přesunuto hlášení: 0" in _set_plan(settings, reg.school.red_izo, "extended").output
    assert submit_form(client, reg.school.id, "Další.", name=NAME).status_code == 200
    newer = [i for i in all_report_ids(session) if i != report_id][0]
    moderator_passes(session, settings, newer)
    assert session.get(Report, newer).status == ReportStatus.DELIVERED


def test_set_plan_leaves_onboarding_wrapped_reports_and_refuses_unregistered(
        client, session, settings, onboarding_key):
    from tests.factories import make_school

    school = make_school(session)
    other = make_school(session)
    session.commit()
    assert submit_form(client, school.id, "Text.", name=NAME).status_code == 200
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    reg = register_school(session, school=school, plan=Plan.BASIC)

    result = _set_plan(settings, reg.school.red_izo, "extended")
    assert result.exit_code == 0, result.output
    assert "přesunuto hlášení: 0" in result.output and "čeká hlášení: 1" in result.output
    session.expire_all()
    assert session.get(Report, report_id).status == ReportStatus.AWAITING_PDF

    refused = _set_plan(settings, other.red_izo, "extended")
    assert refused.exit_code != 0 and "není zaregistrovaná" in refused.output
    assert _set_plan(settings, reg.school.red_izo, "none").exit_code != 0
