"""`ozvise onboarding release`: after registration, the school's members read the earlier
reports in the portal and see the PDF password that opens the PDFs they were mailed."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select

from models import AuditEvent, KeyRecipient, OutboxMessage, Report, ReportKey, ReportStatus
from ozvise.cli import main
from tests.delivery.conftest import all_report_ids, moderator_passes, pdf_text, portal_password
from tests.factories import login_member, make_school, register_school, submit_form

NAME, CLASS = "Řehoř Čížek", "3.Ů"


def _release(settings, red_izo: str, onboarding_key, passphrase_file=None):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "test",
           "OZVISE_ONBOARDING_PUBLIC_KEY": str(settings.onboarding_public_key_path)}
    return CliRunner().invoke(main, [
        "onboarding", "release", "--school", red_izo, "--key", str(onboarding_key.path),
        "--passphrase-file", str(passphrase_file or onboarding_key.passphrase_file)], env=env)


def test_release_opens_earlier_reports_in_portal(client, app, session, settings, onboarding_key,
                                                 tmp_path):
    school = make_school(session)
    session.commit()
    for text in (f"{NAME} má rozbité brýle.", f"{NAME} se bojí chodit na záchod."):
        assert submit_form(client, school.id, text, name=NAME, klass=CLASS).status_code == 200
    first, second = all_report_ids(session)
    moderator_passes(session, settings, first)  # mailed as PDF; the second awaits moderation
    pdf = session.scalars(select(OutboxMessage)).one().attachment

    reg = register_school(session, school=school)
    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    assert client.get(f"/skola/hlaseni/{first}").status_code == 404  # not yet released
    assert "pdf-password-missing" in client.get("/skola/heslo-pdf/").get_data(as_text=True)
    assert client.get(f"/skola/heslo-pdf/{first}").status_code == 404

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("spatne heslo")
    refused = _release(settings, school.red_izo, onboarding_key, wrong)
    assert refused.exit_code != 0 and "Nesprávné heslo" in refused.output

    result = _release(settings, school.red_izo, onboarding_key)
    assert result.exit_code == 0, result.output
    assert "Zpřístupněno hlášení: 2" in result.output

    session.expire_all()
    assert session.get(Report, first).status == ReportStatus.DELIVERED
    assert session.get(Report, second).status == ReportStatus.PENDING_MODERATION
    assert not session.scalars(select(ReportKey).where(
        ReportKey.recipient == KeyRecipient.ONBOARDING)).all()  # offline key opens nothing now

    assert login_member(client, handler, password).status_code == 302  # unlock the new key
    page = client.get(f"/skola/hlaseni/{first}")
    assert page.status_code == 200
    assert NAME in page.get_data(as_text=True) and CLASS in page.get_data(as_text=True)

    pdf_password = portal_password(client, first)
    assert NAME in pdf_text(pdf, pdf_password)  # the mailed PDF opens with it
    # the second report is still in moderation: its password is not listed yet
    assert client.get(f"/skola/heslo-pdf/{second}").status_code == 404

    notices = session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "onboarding_release")).all()
    assert sorted(m.recipient for m in notices) == sorted(
        m.email for m, _ in reg.members.values())
    assert all(pdf_password not in m.body for m in notices)
    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"onboarding.rewrapped", "onboarding.moved_to_portal", "pdf_password.released",
            "onboarding.contacts_notified", "pdf_password.viewed"} <= actions

    again = _release(settings, school.red_izo, onboarding_key)
    assert again.exit_code == 0 and "Zpřístupněno hlášení: 0" in again.output
    session.expire_all()
    assert len(session.scalars(select(OutboxMessage)).all()) == 1 + len(notices)


def test_release_refuses_unregistered_school(session, settings, onboarding_key):
    school = make_school(session)
    session.commit()
    result = _release(settings, school.red_izo, onboarding_key)
    assert result.exit_code != 0 and "není zaregistrovaná" in result.output
    assert _release(settings, "000000000", onboarding_key).exit_code != 0


def test_analyst_and_anonymous_cannot_see_pdf_password(app, session, settings):
    reg = register_school(session)
    analyst, password = reg.members["analyst"]
    anonymous = app.test_client()
    assert anonymous.get("/skola/heslo-pdf/").status_code == 302
    member_client = app.test_client()
    login_member(member_client, analyst, password)
    assert member_client.get("/skola/heslo-pdf/").status_code == 403
