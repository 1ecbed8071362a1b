"""No pool to run out of: the 250th report of an unregistered school is still mailed, and
a report that cannot be delivered is never silent (``ozvise outbox status``, audit log)."""

from __future__ import annotations

import io
import time

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from sqlalchemy import func, select

import crypto.receipts
from delivery.worker import WorkerPolicy, run_once
from intake.pipeline import submit_report
from intake.validation import Submission
from models import (
    AuditEvent,
    EncryptedPdf,
    OutboxMessage,
    OutboxStatus,
    Report,
    ReportPdfPassword,
    ReportStatus,
)
from ozvise.cli import main
from ozvise.db import session_factory
from review_ui.moderation.decisions import Decision, decide
from tests.delivery.conftest import password_with_offline_key, pdf_attachment, pdf_text
from tests.factories import make_moderator, make_school, moderation_key

REPORTS = 250
NAME = "Radovan Štěpánek"


@pytest.fixture
def cheap_receipts(monkeypatch):
    """Receipt digests at test cost (the production cost is tested elsewhere)."""
    monkeypatch.setattr(crypto.receipts, "_COST",
                        {"time_cost": 1, "memory_cost": 8, "parallelism": 1})


@pytest.fixture
def quick_render_until_last(monkeypatch):
    """Reports 1..249 reuse one pre-rendered PDF; the 250th is rendered for real.

    Why: rendering (font subsetting) costs ~0.1 s of CPU per PDF and is tested on its
    own; what could run out is per-report key material, and every report still goes
    through the real pipeline, its own password, AES-256 encryption and HPKE wrap.
    """
    import delivery.pdf_intake

    real = delivery.pdf_intake.render_report_pdf
    calls = {"n": 0, "template": None}

    def render(content, **kwargs):  # noqa: ANN001, ANN202
        calls["n"] += 1
        if calls["n"] == REPORTS:
            return real(content, **kwargs)
        if calls["template"] is None:
            calls["template"] = real(content, **kwargs)
        return calls["template"]

    monkeypatch.setattr(delivery.pdf_intake, "render_report_pdf", render)
    return calls


def _cli(settings, *args: str):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "test"}
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.slow  # 250 encrypted PDFs per database engine: ~20 s of CPU each
def test_250th_report_of_one_school_is_mailed(app, session, settings, onboarding_key,
                                              smtp_server, cheap_receipts,
                                              quick_render_until_last):
    school = make_school(session, email="reditel@zs-mnoho.example")
    session.commit()
    started = time.perf_counter()
    receipts = [submit_report(session, settings, Submission(
        school.id, NAME if i == REPORTS - 1 else "", "", f"Hlášení číslo {i}: {NAME} pláče."))
        for i in range(REPORTS)]
    intake_seconds = time.perf_counter() - started
    assert quick_render_until_last["n"] == REPORTS
    assert session.scalar(select(func.count(EncryptedPdf.id))) == REPORTS
    assert session.scalar(select(func.count(ReportPdfPassword.id))) == REPORTS  # one each

    last = receipts[-1].report_id
    moderator = make_moderator(session)
    outcome = decide(session, settings, last, moderator.id, Decision.DELIVER,
                     moderation_key=moderation_key(session))
    session.commit()
    assert outcome.status == ReportStatus.AWAITING_PDF
    smtp = settings.with_overrides(smtp_host="127.0.0.1", smtp_port=smtp_server.port)
    assert run_once(session_factory(app), smtp).sent == 1

    (received,) = smtp_server.received
    assert received.envelope_to == ["reditel@zs-mnoho.example"]
    assert f"Číslo hlášení: {last}" in received.email.get_body(("plain",)).get_content()
    pdf = pdf_attachment(received.email)
    password = password_with_offline_key(session, last, onboarding_key)
    assert NAME in pdf_text(pdf, password) and last in pdf_text(pdf, password)
    other = password_with_offline_key(session, receipts[0].report_id, onboarding_key)
    assert PdfReader(io.BytesIO(pdf)).decrypt(other) == 0  # another report's password fails
    assert intake_seconds < REPORTS * 2  # generous bound; prints below for the record
    print(f"{REPORTS} reports through intake in {intake_seconds:.1f} s")


def test_undeliverable_report_shows_in_outbox_status_and_audit(app, session, settings,
                                                               onboarding_key, smtp_server):
    no_contact = make_school(session, email="")
    bouncing = make_school(session, email="nikdo@zs-odmita.example")
    session.commit()
    moderator = make_moderator(session)
    ids = [submit_report(session, settings, Submission(s.id, "", "", "Text hlášení.")).report_id
           for s in (no_contact, bouncing)]
    for report_id in ids:
        decide(session, settings, report_id, moderator.id, Decision.DELIVER,
               moderation_key=moderation_key(session))
        session.commit()

    quiet = _cli(settings, "outbox", "status", "--check")
    assert quiet.exit_code == 1, quiet.output
    assert f"NEDORUČENO: hlášení {ids[0]} (škola {no_contact.red_izo})" in quiet.output
    assert "nemá v rejstříku e-mail" in quiet.output
    assert ids[1] not in quiet.output  # queued and not failed yet: nothing to report

    smtp_server.hold_on_rcpt = 1  # the server refuses the recipient (451)
    smtp_server.release.set()  # ... at once
    policy = WorkerPolicy(max_attempts=1)
    assert run_once(session_factory(app), settings.with_overrides(
        smtp_host="127.0.0.1", smtp_port=smtp_server.port), policy).failed == 1
    session.expire_all()
    assert session.scalars(select(OutboxMessage.status)).all() == [OutboxStatus.FAILED]

    status = _cli(settings, "outbox", "status")
    assert status.exit_code == 0, status.output
    assert "vzdáno 1" in status.output and "Nedoručitelné: 2" in status.output
    assert f"NEDORUČENO: hlášení {ids[1]} (škola {bouncing.red_izo})" in status.output
    assert "odesílání vzdáno po 1 pokusech" in status.output
    assert "Text hlášení" not in status.output and "nikdo@" not in status.output

    audited = {(e.action, e.target) for e in session.scalars(select(AuditEvent))}
    assert ("pdf.not_sendable", f"report:{ids[0]}") in audited
    assert ("outbox.failed", f"report:{ids[1]}") in audited
    assert session.get(Report, ids[1]).status == ReportStatus.AWAITING_PDF

    help_text = _cli(settings, "outbox", "status", "--help").output
    assert "nepodařilo doručit" in help_text


def test_pdf_that_cannot_be_made_keeps_the_report_and_is_reported(app, session, settings,
                                                                 onboarding_key, monkeypatch):
    import delivery.pdf_intake

    def broken(*_args, **_kwargs):
        raise ValueError("font missing")

    monkeypatch.setattr(delivery.pdf_intake, "render_report_pdf", broken)
    school = make_school(session)
    session.commit()
    receipt = submit_report(session, settings, Submission(school.id, "", "", "Text."))
    assert session.get(Report, receipt.report_id) is not None  # the report is not lost
    assert not session.scalars(select(ReportPdfPassword)).all()
    decide(session, settings, receipt.report_id, make_moderator(session).id, Decision.DELIVER,
           moderation_key=moderation_key(session))
    session.commit()
    status = _cli(settings, "outbox", "status", "--check")
    assert status.exit_code == 1
    assert f"hlášení {receipt.report_id}" in status.output
    assert "nepodařilo připravit" in status.output
    assert session.scalars(select(AuditEvent).where(
        AuditEvent.action == "pdf.not_prepared")).one().details["reason"] == "ValueError"
