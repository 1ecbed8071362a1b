"""The pipeline on both databases: what is stored, for whom, and nothing half-written."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import func, select

import intake.pipeline
from crypto.receipts import RECEIPT_DIGITS, normalise_receipt, receipt_digest, reporter_keypair
from intake.pipeline import IntakeUnavailable, submit_report
from intake.validation import Submission
from models import AuditEvent, KeyRecipient, RedactionSource, Report, ReportStatus
from tests.factories import make_school, moderators_text, register_school
from tests.intake.conftest import open_for_onboarding, open_for_school

TEXT = ("Tomáš Marek z 8.C bere Aničce Dolejšové svačinu. Píše jí na @anca_d, "
        "Anička pak brečí. Tomáš se směje.")


def _submit(session, settings, school_id: int, text: str = TEXT, name: str = "Anna Dolejšová",
            klass: str = "8.C"):
    return submit_report(session, settings, Submission(school_id, name, klass, text))


def test_registered_school_gets_a_sealed_pending_report(session, settings):
    reg = register_school(session)
    receipt = _submit(session, settings, reg.school.id)
    session.expire_all()
    report = session.get(Report, receipt.report_id)

    assert report.status == ReportStatus.PENDING_MODERATION  # waits for the moderator
    assert [k.recipient for k in report.keys] == [KeyRecipient.SCHOOL]
    moderators = moderators_text(session, report.id)
    for secret in ("Tomáš", "Marek", "Aničce", "Anička", "Dolejšové", "8.C", "@anca_d"):
        assert secret not in moderators
    assert "[OSOBA 1]" in moderators and "[KONTAKT 1]" in moderators
    assert report.text_length == len(TEXT)

    opened = open_for_school(session, report, reg)
    assert (opened.victim_name, opened.victim_class, opened.text) == ("Anna Dolejšová", "8.C",
                                                                      TEXT)
    assert {r.source for r in report.redactions} == {RedactionSource.DETECTOR}
    hidden = {w for words in opened.originals.values() for w in words}
    assert {"Tomáš Marek", "Aničce Dolejšové", "8.C", "@anca_d"} <= hidden
    tomas = next(p for p, words in opened.originals.items() if "Tomáš Marek" in words)
    assert "Tomáš" in opened.originals[tomas]  # the same person, the same placeholder


def test_unregistered_school_is_encrypted_to_the_onboarding_key(session, settings, onboarding):
    school = make_school(session)
    session.commit()
    receipt = _submit(session, settings, school.id)
    report = session.get(Report, receipt.report_id)
    assert [k.recipient for k in report.keys] == [KeyRecipient.ONBOARDING]
    assert open_for_onboarding(report, onboarding).text == TEXT


def test_receipt_is_stored_only_as_a_digest(session, settings):
    reg = register_school(session)
    receipt = _submit(session, settings, reg.school.id)
    assert RECEIPT_DIGITS * math.log2(10) >= 80
    assert normalise_receipt(receipt.code) == receipt.code
    report = session.get(Report, receipt.report_id)
    assert report.receipt_digest == receipt_digest(receipt.code)
    assert report.reporter_public_key == reporter_keypair(receipt.code).public
    assert receipt.code.encode() not in report.receipt_digest


def test_audit_event_carries_counts_only(session, settings):
    reg = register_school(session)
    receipt = _submit(session, settings, reg.school.id)
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "report.submitted")).one()
    assert event.target == f"report:{receipt.report_id}"
    assert event.details["length"] == len(TEXT) and event.details["redactions"] >= 5
    assert "Tomáš" not in str(event.details) and "Anna" not in str(event.details)


def test_no_key_at_all_refuses_and_stores_nothing(session, settings):
    school = make_school(session)
    session.commit()
    with pytest.raises(IntakeUnavailable):
        _submit(session, settings, school.id)
    assert session.scalar(select(func.count(Report.id))) == 0


def test_crash_before_commit_leaves_no_half_written_report(session, settings, monkeypatch):
    reg = register_school(session)

    def crash(*_args, **_kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(intake.pipeline, "record", crash)
    with pytest.raises(RuntimeError):
        _submit(session, settings, reg.school.id)
    session.rollback()
    assert session.scalar(select(func.count(Report.id))) == 0
