"""A registration is only a claim until the school's register address (or the operator)
verifies it: before that, nothing is wrapped to the registrant's key and their portal
shows no report. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from intake.receipts import report_for_receipt
from intake.status import STATUS_TEXTS
from models import (
    AuditEvent,
    KeyRecipient,
    Report,
    ReportKey,
    ReportStatus,
    School,
    SchoolConfirmation,
    Verification,
)
from tests.delivery.conftest import all_report_ids, moderator_passes
from tests.factories import csrf_token, make_school
from tests.portal.helpers import outbox
from tests.school_trust.helpers import (
    IMPOSTOR_PASSWORD,
    IMPOSTORS,
    answer,
    cli,
    fresh,
    register_mail,
    register_via_form,
)

NAME, CLASS = "Bořek Stavitel", "6.C"


def _send_and_pass(client, session, settings, school_id: int, text: str) -> Report:
    before = set(all_report_ids(session))
    response = client.post("/api/v1/reports", json={"school_id": school_id, "text": text,
                                                    "victim_name": NAME, "victim_class": CLASS})
    assert response.status_code == 201
    (report_id,) = set(all_report_ids(session)) - before
    moderator_passes(session, settings, report_id)
    return fresh(session, Report, report_id)


def _school_wraps(session, report_id: str) -> int:
    return len(session.scalars(select(ReportKey).where(
        ReportKey.report_id == report_id, ReportKey.recipient == KeyRecipient.SCHOOL)).all())


def test_registrant_reads_nothing_until_the_register_address_confirms(
        app, client, session, settings, onboarding_key):
    school = make_school(session)  # register address: reditel@testov.skola.example
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    school = fresh(session, School, school.id)
    assert school.verification == Verification.PENDING and school.registered_at is None
    mail, link, code = register_mail(session)
    assert mail.recipient == "reditel@testov.skola.example"
    assert "Ivan Podvodník" in mail.body and "Iva Podvodná" in mail.body
    assert code.replace("-", "") not in link  # the code is not part of the link

    pupil = app.test_client()
    early = _send_and_pass(pupil, session, settings, school.id, f"{NAME} z {CLASS} je bit.")
    assert _school_wraps(session, early.id) == 0  # only the onboarding key
    assert early.status == ReportStatus.AWAITING_PDF  # goes to the register address as PDF
    assert outbox(session, "report_pdf")[0].recipient == school.director_email

    # the registrant's portal: no list, no report, only the page that says what is missing
    for path in ("/skola/", f"/skola/hlaseni/{early.id}", "/skola/statistiky",
                 f"/skola/hlaseni/{early.id}/konverzace", "/skola/heslo-pdf/"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith(
            "/skola/cekame-na-overeni"), path
    page = client.get("/skola/cekame-na-overeni").get_data(as_text=True)
    assert "čeká na ověření" in page and school.director_email in page and NAME not in page

    # the register address confirms (GET first, as a mail scanner would: nothing happens)
    director = app.test_client()
    shown = director.get(link).get_data(as_text=True)
    assert "Základní škola Testov, příspěvková organizace" in shown and "Ivan Podvodník" in shown
    assert fresh(session, School, school.id).verification == Verification.PENDING
    assert answer(director, link, "AAAA-AAAA", yes=True).status_code == 400
    assert answer(director, link, code, yes=True).status_code == 200
    school = fresh(session, School, school.id)
    assert school.verification == Verification.VERIFIED and school.registered_at is not None
    assert school.verified_by == f"register:{school.director_email}"
    assert director.get(link).status_code == 404  # single use

    later = _send_and_pass(pupil, session, settings, school.id, f"{NAME} z {CLASS} pláče.")
    assert later.status == ReportStatus.DELIVERED and _school_wraps(session, later.id) == 1
    page = client.get(f"/skola/hlaseni/{later.id}")
    assert page.status_code == 200 and NAME in page.get_data(as_text=True)
    # the earlier report stays out of the portal until the operator's onboarding release
    assert client.get(f"/skola/hlaseni/{early.id}").status_code == 404
    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"school.confirmation_sent", "school.verified"} <= actions


def test_a_link_scanner_uses_up_nothing(app, client, session, settings):
    school = make_school(session)
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    _mail, link, code = register_mail(session)
    scanner = app.test_client()
    for _ in range(3):
        assert scanner.get(link).status_code == 200
        assert scanner.head(link).status_code == 200
    row = session.scalars(select(SchoolConfirmation)).one()
    session.refresh(row)
    assert row.used_at is None and row.failed_attempts == 0
    assert fresh(session, School, school.id).verification == Verification.PENDING
    # a POST without the code from the mail does nothing either
    no_code = scanner.post(link, data={"csrf_token": csrf_token(scanner, link), "answer": "no"})
    assert no_code.status_code == 400
    assert fresh(session, School, school.id).verification == Verification.PENDING
    # five wrong codes void the link
    for _ in range(4):
        assert answer(scanner, link, "ZZZZ-ZZZZ", yes=True).status_code == 400
    assert scanner.get(link).status_code == 404
    late = scanner.post(link, data={"csrf_token": csrf_token(scanner, "/skola/prihlaseni"),
                                    "code": code, "answer": "yes"})
    assert late.status_code == 404
    assert fresh(session, School, school.id).verification == Verification.PENDING


def test_the_registrant_cannot_verify_and_the_operator_can_with_evidence(
        app, client, session, settings):
    school = make_school(session, email="")  # the register has no address for this school
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    assert outbox(session, "school_confirmation_registration") == []
    page = client.get("/skola/cekame-na-overeni").get_data(as_text=True)
    assert "provozovatel" in page

    listed = cli(settings, "schools", "pending")
    assert listed.exit_code == 0 and school.red_izo in listed.output
    assert "Ivan Podvodník" in listed.output
    refused = cli(settings, "schools", "verify", school.red_izo, "--evidence", "")
    assert refused.exit_code != 0 and "--evidence" in refused.output
    done = cli(settings, "schools", "verify", school.red_izo, "--by", "Marie Provozní",
               "--evidence", "dopis z datové schránky školy, č. j. 12/2026")
    assert done.exit_code == 0, done.output
    shown = cli(settings, "schools", "show", school.red_izo)
    assert "verified" in shown.output and "datové schránky" in shown.output
    assert "operator:Marie Provozní" in shown.output
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "school.verified")).one()
    assert event.actor == "operator:Marie Provozní"
    assert "datové schránky" in event.details["evidence"]
    again = cli(settings, "schools", "verify", school.red_izo, "--evidence", "znovu ověřeno")
    assert again.exit_code != 0 and "nečeká na ověření" in again.output


def test_report_from_before_registration_is_never_delivered_with_only_an_onboarding_wrap(
        app, client, session, settings, onboarding_key):
    """Item 6: submitted while unregistered, moderated after the school was verified."""
    from tests.factories import register_school
    from tests.school_trust.helpers import cli as run_cli

    with_pdf = make_school(session)
    without_address = make_school(session, email="")
    session.commit()
    receipts = {}
    for school in (with_pdf, without_address):
        response = client.post("/api/v1/reports", json={"school_id": school.id,
                                                        "text": f"{NAME} je šikanován.",
                                                        "victim_name": NAME})
        receipts[school.id] = response.get_json()["receipt"]
    for school in (with_pdf, without_address):
        register_school(session, school=school)
        report = report_for_receipt(session, receipts[school.id])
        moderator_passes(session, settings, report.id)
        report = fresh(session, Report, report.id)
        assert report.status == ReportStatus.AWAITING_PDF  # not "delivered": no school wrap

    # the pupil is told which: sent as a PDF, or waiting for the school's access
    def status(receipt: str) -> str:
        response = client.get("/api/v1/reports/status",
                              headers={"Authorization": f"Bearer {receipt}"})
        return response.get_json()["status_label"]

    # mailed as a PDF; its password reaches the school's account only at the release
    assert status(receipts[with_pdf.id]) == str(STATUS_TEXTS["pdf_awaiting_release"].label)
    assert status(receipts[without_address.id]) == "Čeká, až škola získá přístup k hlášením"
    page = client.post("/stav", data={"csrf_token": csrf_token(client, "/stav"),
                                      "receipt": receipts[without_address.id]})
    assert "Čeká, až škola získá přístup" in page.get_data(as_text=True)

    released = run_cli(settings, "onboarding", "release", "--school", without_address.red_izo,
                       "--key", str(onboarding_key.path), "--passphrase-file",
                       str(onboarding_key.passphrase_file))
    assert released.exit_code == 0, released.output
    report = report_for_receipt(session, receipts[without_address.id])
    session.refresh(report)
    assert report.status == ReportStatus.DELIVERED and _school_wraps(session, report.id) == 1


def test_a_claim_the_register_address_never_answered_stops_blocking_the_school(
        app, client, session, settings):
    from tests.portal.helpers import registration_form

    school = make_school(session)
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    real = app.test_client()
    blocked = real.post("/skola/registrace", data=registration_form(real, school.red_izo))
    assert blocked.status_code == 400 and "čeká na ověření" in blocked.get_data(as_text=True)
    row = session.scalars(select(SchoolConfirmation)).one()
    row.expires_at = row.created_at  # 14 days passed without an answer
    session.commit()
    register_via_form(real, session, school)
    school = fresh(session, School, school.id)
    assert school.verification == Verification.PENDING
    assert len(outbox(session, "school_confirmation_registration")) == 2
    stale = client.get("/skola/")  # the stale claimant is out
    assert stale.status_code == 302 and "prihlaseni" in stale.headers["Location"]
