"""Retention (MISSION item 6): periods, irreversible anonymisation, dry run, the command.

Every test runs on SQLite and PostgreSQL (``db_url``). Reports are aged by moving their
``created_at`` back, and ``now`` is passed explicitly where a period is measured.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from crypto.onboarding import new_onboarding_keypair, write_public_key
from models import (
    AuditEvent,
    CounsellorShare,
    EncryptedPdf,
    LoginAttempt,
    Message,
    ModerationCopy,
    Note,
    OutboxMessage,
    Redaction,
    Report,
    ReportKey,
    ReportStatus,
    School,
)
from ozvise.cli import main
from ozvise.retention import add_years, retention_end, run
from tests.conversation.helpers import open_status, school_writes
from tests.counsellor.helpers import login_counsellor, make_counsellor, share
from tests.factories import (
    csrf_token,
    delivered_report,
    login_member,
    make_school,
    register_school,
)

NAME, CLASS = "Radek Šťastný", "7.B"
TEXT = f"{NAME} ze {CLASS} dostává každý den facky od Tomáše Veselého."
NOW = datetime(2036, 6, 15, 12, 0, tzinfo=UTC)


def _age(session, report_id: str, created: datetime) -> None:
    session.get(Report, report_id).created_at = created
    session.commit()


def _rows(session, model, report_id: str) -> int:
    return session.scalar(select(func.count()).select_from(model)
                          .where(model.report_id == report_id))


@pytest.fixture
def onboarding_public(settings):
    write_public_key(settings.onboarding_public_key_path, new_onboarding_keypair().public)


# --- the periods, without a database -------------------------------------------------------

def test_periods():
    created = datetime(2020, 2, 29, tzinfo=UTC)
    assert add_years(created, 3) == datetime(2023, 2, 28, tzinfo=UTC)
    assert retention_end(created, None, None)[0] == add_years(created, 3)
    assert retention_end(created, created, None) == (add_years(created, 9), "cap_9y")
    left = datetime(2022, 1, 1, tzinfo=UTC)
    assert retention_end(created, created, left) == (datetime(2025, 1, 1, tzinfo=UTC),
                                                     "after_unregistering_3y")
    # left late: the 9-year cap still wins
    assert retention_end(created, created, datetime(2028, 1, 1, tzinfo=UTC))[1] == "cap_9y"
    # a report received after the school left: 3 years from the report
    assert retention_end(datetime(2024, 1, 1), created, left)[0] == datetime(2027, 1, 1,
                                                                             tzinfo=UTC)


# --- a registered school: inside the period, past the 9-year cap ---------------------------

def _school_with_full_report(app, client, session, settings):
    """A delivered report with a note, a conversation and a counsellor share."""
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, TEXT,
                                       name=NAME, klass=CLASS)
    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    path = f"/skola/hlaseni/{report.id}"
    client.post(f"{path}/poznamka", data={"csrf_token": csrf_token(client, path),
                                          "body": "Mluvila jsem s třídní."})
    assert school_writes(client, report.id, "Děkujeme, řešíme to.").status_code in (302, 303)
    counsellor = make_counsellor(session, "pavla")
    assert share(client, report.id, counsellor.id).status_code == 302
    session.expire_all()
    assert _rows(session, Note, report.id) == 1 and _rows(session, Message, report.id) == 1
    assert _rows(session, CounsellorShare, report.id) == 1
    return reg, report.id, receipt, counsellor


def test_registered_school_keeps_report_until_the_nine_year_cap(app, client, session, settings):
    reg, report_id, receipt, counsellor = _school_with_full_report(app, client, session,
                                                                   settings)
    # 8 years old, school still registered: kept and readable
    _age(session, report_id, NOW - timedelta(days=8 * 365))
    summary = run(session, NOW)
    assert summary.due == [] and summary.anonymised == 0
    page = client.get(f"/skola/hlaseni/{report_id}")
    assert page.status_code == 200 and NAME in page.get_data(as_text=True)

    # past 9 years: anonymised although the school is still registered
    _age(session, report_id, add_years(NOW, -9) - timedelta(days=1))
    assert run(session, NOW).anonymised == 1
    session.expire_all()
    report = session.get(Report, report_id)
    assert report.status == ReportStatus.ANONYMISED
    assert report.redacted_version_ct is None and report.legacy_redacted_text is None
    assert not report.text_ct and report.victim_name_ct is None and report.victim_class_ct is None
    assert report.reporter_public_key is None and report.mark_public_key is None
    assert report.school_id == reg.school.id and report.created_at is not None
    for model in (ReportKey, Redaction, Note, Message, CounsellorShare, EncryptedPdf,
                  ModerationCopy):
        assert _rows(session, model, report_id) == 0, model.__name__
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "report.anonymised")).one()
    assert event.target == f"report:{report_id}" and event.actor == "operator"
    assert event.details["rule"] == "cap_9y" and NAME not in repr(event.details)

    # nobody can open it any more, and no page fails
    assert client.get(f"/skola/hlaseni/{report_id}").status_code == 404
    assert client.get(f"/skola/hlaseni/{report_id}/konverzace").status_code == 404
    listing = client.get("/skola/")
    assert listing.status_code == 200 and report_id not in listing.get_data(as_text=True)
    assert client.get("/skola/statistiky").status_code == 200
    adviser = app.test_client()
    assert login_counsellor(adviser, counsellor).status_code == 302
    assert adviser.get(f"/poradce/hlaseni/{report_id}").status_code == 404
    assert report_id not in adviser.get("/poradce/").get_data(as_text=True)
    reporter = app.test_client()
    status = open_status(reporter, receipt)
    assert status.status_code < 500 and "Děkujeme, řešíme to" not in status.get_data(as_text=True)
    assert reporter.get("/api/v1/reports/messages",
                        headers={"Authorization": f"Bearer {receipt}"}).status_code == 401

    # a second run finds nothing to do
    assert run(session, NOW).due == []


def test_registered_school_that_left_keeps_reports_three_years(app, client, session,
                                                               settings):
    reg = register_school(session)
    kept, _ = delivered_report(client, session, settings, reg.school.id, TEXT, name=NAME)
    gone, _ = delivered_report(client, session, settings, reg.school.id, TEXT, name=NAME)
    _age(session, kept.id, NOW - timedelta(days=6 * 365))
    _age(session, gone.id, NOW - timedelta(days=6 * 365))
    school = session.get(School, reg.school.id)
    school.unregistered_at = NOW - timedelta(days=2 * 365)   # left 2 years ago: both kept
    session.commit()
    assert run(session, NOW).due == []
    school.unregistered_at = add_years(NOW, -3) - timedelta(days=1)  # left over 3 years ago
    session.commit()
    summary = run(session, NOW)
    assert {d.report_id for d in summary.due} == {kept.id, gone.id}
    assert {d.rule for d in summary.due} == {"after_unregistering_3y"}


# --- a school that never registered, and one that registered meanwhile ---------------------

def test_unregistered_school_three_years_with_pdf_and_mail(app, client, session, settings,
                                                           onboarding_public):
    school = make_school(session)
    session.commit()
    young, _ = delivered_report(client, session, settings, school.id, TEXT, name=NAME)
    old, _ = delivered_report(client, session, settings, school.id, TEXT, name=NAME)
    _age(session, young.id, add_years(NOW, -3) + timedelta(days=1))
    _age(session, old.id, add_years(NOW, -3) - timedelta(days=1))
    session.expire_all()
    assert _rows(session, EncryptedPdf, old.id) == 1
    queued = session.scalars(select(OutboxMessage).where(
        OutboxMessage.dedupe_key.contains(old.id))).all()
    assert queued and all(m.status.value == "pending" for m in queued)

    summary = run(session, NOW)
    assert [d.report_id for d in summary.due] == [old.id]
    assert summary.due[0].rule == "unregistered_3y"
    session.expire_all()
    assert session.get(Report, young.id).status != ReportStatus.ANONYMISED
    assert _rows(session, EncryptedPdf, young.id) == 1
    assert _rows(session, ReportKey, young.id) > 0
    assert session.get(Report, old.id).status == ReportStatus.ANONYMISED
    assert _rows(session, EncryptedPdf, old.id) == 0 and _rows(session, ReportKey, old.id) == 0
    assert session.scalars(select(OutboxMessage).where(
        OutboxMessage.dedupe_key.contains(old.id))).all() == []
    assert session.scalars(select(OutboxMessage).where(
        OutboxMessage.dedupe_key.contains(young.id))).all()


def test_school_that_registered_meanwhile_keeps_its_reports(app, client, session, settings,
                                                            onboarding_public):
    school = make_school(session)
    session.commit()
    report, _ = delivered_report(client, session, settings, school.id, TEXT, name=NAME)
    _age(session, report.id, NOW - timedelta(days=4 * 365))
    register_school(session, session.get(School, school.id))
    assert run(session, NOW).due == []          # first rule: kept while registered
    session.expire_all()
    assert session.get(Report, report.id).status != ReportStatus.ANONYMISED
    assert _rows(session, ReportKey, report.id) > 0


# --- dry run and the command ---------------------------------------------------------------

def _env(settings) -> dict[str, str]:
    return {"OZVISE_DATABASE_URL": settings.database_url,
            "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "x"}


def test_dry_run_changes_nothing_and_the_command_anonymises(app, client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id, TEXT, name=NAME)
    _age(session, report.id, datetime(2020, 1, 1, tzinfo=UTC))
    session.add(LoginAttempt(account_type="member", account_id=1, success=True,
                             created_at=datetime.now(UTC) - timedelta(days=8)))
    session.commit()
    before = (session.get(Report, report.id).text_ct, _rows(session, ReportKey, report.id))
    events = session.scalar(select(func.count(AuditEvent.id)))

    dry = CliRunner().invoke(main, ["retention", "run", "--dry-run", "--now", "2030-01-02"],
                             env=_env(settings))
    assert dry.exit_code == 0, dry.output
    assert "k anonymizaci 1 hlášení" in dry.output and "1 záznamů o přihlášení" in dry.output
    session.expire_all()
    assert (session.get(Report, report.id).text_ct,
            _rows(session, ReportKey, report.id)) == before
    assert session.get(Report, report.id).status == ReportStatus.DELIVERED
    assert session.scalar(select(func.count(AuditEvent.id))) == events
    assert session.scalar(select(func.count(LoginAttempt.id))) == 1

    early = CliRunner().invoke(main, ["retention", "run", "--now", "2028-12-31"],
                               env=_env(settings))
    assert early.exit_code == 0 and "Anonymizováno hlášení: 0" in early.output

    real = CliRunner().invoke(main, ["retention", "run", "--now", "2030-01-02"],
                              env=_env(settings))
    assert real.exit_code == 0, real.output
    assert "Anonymizováno hlášení: 1" in real.output
    session.expire_all()
    assert session.get(Report, report.id).status == ReportStatus.ANONYMISED
    assert session.scalar(select(func.count(LoginAttempt.id))) == 0

    bad = CliRunner().invoke(main, ["retention", "run", "--now", "zitra"], env=_env(settings))
    assert bad.exit_code != 0 and "neplatné datum" in bad.output


def test_report_never_moderated_is_anonymised_and_moderation_pages_hold(app, client, session,
                                                                         settings):
    from tests.factories import login_moderator, make_moderator

    reg = register_school(session)
    response = client.post("/api/v1/reports", json={"school_id": reg.school.id, "text": TEXT,
                                                    "victim_name": NAME})
    assert response.status_code == 201
    report_id = session.scalars(select(Report.id)).one()
    _age(session, report_id, add_years(NOW, -9) - timedelta(days=1))
    assert run(session, NOW).anonymised == 1
    moderator = make_moderator(session)
    assert login_moderator(client, moderator).status_code == 302
    queue = client.get("/moderace/")
    assert queue.status_code == 200 and report_id not in queue.get_data(as_text=True)
    assert client.get(f"/moderace/hlaseni/{report_id}").status_code == 409  # "already gone"
    assert client.get("/moderace/statistiky").status_code < 500


# --- statistics keep anonymised reports, by the status they had ----------------------------

def test_school_statistics_count_anonymised_reports_by_their_earlier_status(client, session,
                                                                             settings):
    from review_ui.portal.stats import school_stats

    reg = register_school(session)
    resolved, _ = delivered_report(client, session, settings, reg.school.id, TEXT)
    response = client.post("/api/v1/reports", json={"school_id": reg.school.id,
                                                    "text": "Koupte levné hodinky."})
    assert response.status_code == 201
    spam_id = session.scalars(select(Report.id).where(Report.id != resolved.id)).one()
    created = add_years(NOW, -9) - timedelta(days=10)
    row = session.get(Report, resolved.id)
    row.created_at, row.status = created, ReportStatus.RESOLVED
    row.resolved_at = created + timedelta(days=4)
    spam = session.get(Report, spam_id)
    spam.created_at, spam.status = created, ReportStatus.SPAM
    session.commit()
    before = school_stats(session, reg.school.id, now=NOW)
    assert before.total == 1 and before.by_status[ReportStatus.RESOLVED] == 1

    assert run(session, NOW).anonymised == 2
    session.expire_all()
    assert session.get(Report, resolved.id).status == ReportStatus.ANONYMISED
    assert session.get(Report, resolved.id).status_before_anonymisation == ReportStatus.RESOLVED
    assert session.get(Report, spam_id).status_before_anonymisation == ReportStatus.SPAM
    after = school_stats(session, reg.school.id, now=NOW)
    assert after == before
    assert after.total == 1 and after.resolved == 1 and after.median_days == 4.0
    assert after.by_status == {ReportStatus.DELIVERED: 0, ReportStatus.IN_PROGRESS: 0,
                               ReportStatus.RESOLVED: 1}

    analyst, password = reg.members["analyst"]
    assert login_member(client, analyst, password).status_code == 302
    assert client.get("/skola/statistiky").status_code == 200
