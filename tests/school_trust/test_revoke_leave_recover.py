"""Revocation (dispute or operator), leaving, and the recovery key, end to end.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from crypto.school_keys import unlock_with_recovery
from models import (
    AuditEvent,
    KeyRecipient,
    Message,
    Report,
    ReportKey,
    ReportStatus,
    School,
    SchoolMember,
    Verification,
)
from tests.conversation.helpers import school_writes
from tests.factories import csrf_token, delivered_report, login_member, make_school, register_school
from tests.portal.helpers import CONTACTS, member_by_email, outbox
from tests.school_trust.helpers import (
    IMPOSTOR_PASSWORD,
    IMPOSTORS,
    answer,
    cli,
    confirm_own_email,
    fresh,
    members_of,
    register_mail,
    register_via_form,
)

NAME, CLASS = "Ludmila Tichá", "8.A"


def _school_wraps(session, report_id: str) -> list[ReportKey]:
    session.expire_all()
    return list(session.scalars(select(ReportKey).where(
        ReportKey.report_id == report_id, ReportKey.recipient == KeyRecipient.SCHOOL)))


def test_register_address_disputes_and_the_impostor_is_out(app, client, session, settings):
    school = make_school(session)
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    _mail, link, code = register_mail(session)
    director = app.test_client()
    response = answer(director, link, code, yes=False)
    assert response.status_code == 200 and "zrušili" in response.get_data(as_text=True)

    school = fresh(session, School, school.id)
    assert school.verification == Verification.REVOKED and school.active_key() is None
    assert all(not m.active and m.key_wrap is None and m.password_hash is None
               for m in members_of(session, school.id))
    gone = client.get("/skola/")
    assert gone.status_code == 302 and "prihlaseni" in gone.headers["Location"]
    # the real school can register now
    real = app.test_client()
    register_via_form(real, session, school)
    assert fresh(session, School, school.id).verification == Verification.PENDING


def test_operator_revokes_an_impostor_the_real_school_registers_and_reports_flow(
        app, client, session, settings):
    school = make_school(session)
    session.commit()
    impostor = register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    # the operator is misled and verifies the impostor; a report then reaches the impostor
    misled = cli(settings, "schools", "verify", school.red_izo, "--evidence", "telefonát")
    assert misled.exit_code == 0, misled.output
    report, _ = delivered_report(app.test_client(), session, settings, school.id,
                                 f"{NAME} z {CLASS} dostává kopance.", name=NAME, klass=CLASS)
    assert client.get(f"/skola/hlaseni/{report.id}").status_code == 200
    assert len(_school_wraps(session, report.id)) == 1
    assert school_writes(client, report.id, "Napiš nám prosím víc.").status_code in (302, 303)

    revoked = cli(settings, "schools", "revoke", school.red_izo, "--reason",
                  "ředitelka registraci nezná")
    assert revoked.exit_code == 0, revoked.output
    assert "VYZRAZENÁ" in revoked.output and report.id in revoked.output
    assert _school_wraps(session, report.id) == []  # no wrap to the revoked key is left
    assert [m.key_for_school for m in session.scalars(select(Message))] == [b""]
    gone = client.get(f"/skola/hlaseni/{report.id}")
    assert gone.status_code == 302 and "prihlaseni" in gone.headers["Location"]
    impostor = fresh(session, SchoolMember, impostor.id)
    assert not impostor.active and impostor.key_wrap is None and impostor.totp_secret is None
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "school.revoked")).one()
    assert event.details["disclosed_reports"] == [report.id]
    shown = cli(settings, "schools", "show", school.red_izo)
    assert "vyzrazená hlášení 1" in shown.output and report.id in shown.output
    school = fresh(session, School, school.id)
    assert school.registered_at is None and school.plan.value == "none"

    # the real school registers, its register address confirms, reports flow to it
    real = app.test_client()
    register_via_form(real, session, school)
    _mail, link, code = register_mail(session)
    assert answer(app.test_client(), link, code, yes=True).status_code == 200
    new_report, _ = delivered_report(app.test_client(), session, settings, school.id,
                                     f"{NAME} z {CLASS} nechce do školy.", name=NAME,
                                     klass=CLASS)
    assert new_report.status == ReportStatus.DELIVERED
    page = real.get(f"/skola/hlaseni/{new_report.id}")
    assert page.status_code == 200 and NAME in page.get_data(as_text=True)
    assert client.get(f"/skola/hlaseni/{new_report.id}").status_code == 302  # impostor: login


def test_recovery_key_gives_a_new_admin_the_old_reports(app, client, session, settings):
    reg = register_school(session)
    old, _ = delivered_report(app.test_client(), session, settings, reg.school.id,
                              f"Stará věc: {NAME} z {CLASS} je vydírána.", name=NAME,
                              klass=CLASS)
    # every member's password is lost; a new admin comes with the printed recovery key
    form = {"red_izo": reg.school.red_izo, "name": "Nová Správkyně",
            "email": "nova.spravkyne@skola.example", "phone": "604 555 666",
            "password": "nove-heslo-spravkyne", "password2": "nove-heslo-spravkyne"}
    wrong = client.post("/skola/obnova-pristupu", data={
        **form, "csrf_token": csrf_token(client, "/skola/obnova-pristupu"),
        "recovery_key": "0000-0000-0000-0000-0000-0000-0000-0000"})
    assert wrong.status_code == 400 and "nepatří" in wrong.get_data(as_text=True)
    assert 'value="Nová Správkyně"' in wrong.get_data(as_text=True)  # input kept
    sent = client.post("/skola/obnova-pristupu", data={
        **form, "csrf_token": csrf_token(client, "/skola/obnova-pristupu"),
        "recovery_key": reg.recovery_key})
    assert sent.status_code == 200 and reg.school.director_email in sent.get_data(as_text=True)
    new_admin = member_by_email(session, "nova.spravkyne@skola.example")
    assert not new_admin.active and new_admin.key_wrap is not None

    confirm_own_email(app.test_client(), session, new_admin.email)
    blocked = client.post("/skola/prihlaseni", data={
        "csrf_token": csrf_token(client, "/skola/prihlaseni"), "email": new_admin.email,
        "password": "nove-heslo-spravkyne"})
    assert blocked.status_code == 401  # not before the register address confirms

    mail, link, code = register_mail(session, "school_confirmation_recovery")
    assert mail.recipient == reg.school.director_email and "Nová Správkyně" in mail.body
    director = app.test_client()
    assert director.get(link).status_code == 200
    assert not fresh(session, SchoolMember, new_admin.id).active  # a GET changes nothing
    assert answer(director, link, code, yes=True).status_code == 200

    first = client.post("/skola/prihlaseni", data={
        "csrf_token": csrf_token(client, "/skola/prihlaseni"), "email": new_admin.email,
        "password": "nove-heslo-spravkyne"})
    assert first.status_code == 302
    client.get("/skola/overeni")  # TOTP enrolment
    from tests.portal.helpers import enter_code

    assert enter_code(client, member_by_email(session, new_admin.email)).status_code == 302
    page = client.get(f"/skola/hlaseni/{old.id}")
    assert page.status_code == 200 and NAME in page.get_data(as_text=True)
    assert unlock_with_recovery(reg.school.active_key(), reg.recovery_key)


def test_a_school_that_leaves_loses_access_and_retention_counts_from_leaving(
        app, client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(app.test_client(), session, settings, reg.school.id,
                                 f"{NAME} z {CLASS} je terčem posměchu.", name=NAME, klass=CLASS)
    admin, password = reg.members["admin"]
    assert login_member(client, admin, password).status_code == 302
    refused = client.post("/skola/ukoncit-registraci", data={
        "csrf_token": csrf_token(client, "/skola/ukoncit-registraci"), "red_izo": "1"})
    assert refused.status_code == 400
    left = client.post("/skola/ukoncit-registraci", data={
        "csrf_token": csrf_token(client, "/skola/ukoncit-registraci"),
        "red_izo": reg.school.red_izo})
    assert left.status_code == 200 and "ukončená" in left.get_data(as_text=True)
    school = fresh(session, School, reg.school.id)
    assert school.verification == Verification.ENDED and school.unregistered_at is not None
    assert client.get(f"/skola/hlaseni/{report.id}").status_code == 302
    handler, handler_password = reg.members["handler"]
    assert login_member(app.test_client(), handler, handler_password).status_code == 401

    # retention: exactly 3 years after leaving (the report is younger than 9 years)
    school.unregistered_at = datetime(2030, 3, 1, tzinfo=UTC)
    session.get(Report, report.id).created_at = datetime(2029, 1, 1, tzinfo=UTC)
    session.commit()
    early = cli(settings, "retention", "run", "--now", "2033-02-28T23:59:59")
    assert early.exit_code == 0 and "Anonymizováno hlášení: 0" in early.output, early.output
    due = cli(settings, "retention", "run", "--now", "2033-03-01T00:00:00")
    assert due.exit_code == 0 and "Anonymizováno hlášení: 1" in due.output, due.output
    assert fresh(session, Report, report.id).status == ReportStatus.ANONYMISED


def test_operator_ends_a_registration_and_the_nine_year_cap_holds(app, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(app.test_client(), session, settings, reg.school.id,
                                 f"{NAME} z {CLASS} se bojí.", name=NAME, klass=CLASS)
    ended = cli(settings, "schools", "unregister", reg.school.red_izo, "--by", "Operátor")
    assert ended.exit_code == 0, ended.output
    assert not any(m.active for m in members_of(session, reg.school.id))
    school = fresh(session, School, reg.school.id)
    school.unregistered_at = datetime(2037, 6, 1, tzinfo=UTC)  # left 8.5 years after it came
    session.get(Report, report.id).created_at = datetime(2029, 1, 1, tzinfo=UTC)
    session.commit()
    assert "Anonymizováno hlášení: 0" in cli(settings, "retention", "run", "--now",
                                             "2037-12-31").output
    assert "Anonymizováno hlášení: 1" in cli(settings, "retention", "run", "--now",
                                             "2038-01-01").output
    # re-registration follows the same verification
    again = app.test_client()
    from tests.school_trust.helpers import register_via_form as register_again

    register_again(again, session, school, CONTACTS)
    assert fresh(session, School, school.id).verification == Verification.PENDING
    assert len(outbox(session, "school_confirmation_registration")) == 1
