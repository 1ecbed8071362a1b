"""Follow-ups are redacted with the report's names, which only the receipt holder can unseal."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from crypto.errors import DecryptionError
from crypto.receipts import reporter_keypair
from crypto.reporter_seal import open_for_reporter, seal_for_reporter
from intake.followup_seeds import PURPOSE, open_followup_seeds
from models import Message, Report
from ner.redaction import Seeds
from tests.conversation.helpers import open_status, reporter_writes
from tests.factories import delivered_report, moderators_message_text, register_school

REPORT = "Eliška Krátká z naší třídy brečí, Tonda Vopička jí bere svačinu."
FOLLOWUP = "dneska zase kratka brecela a vopicka se smál, elisce nikdo nepomohl"


def test_followup_hides_the_reports_names_in_lowercase(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, REPORT,
                                       name="Eliška Krátká", klass="7.B")
    assert report.followup_seeds_ct and b"Kr" not in report.followup_seeds_ct
    reporter = app.test_client()
    open_status(reporter, receipt)
    assert reporter_writes(reporter, FOLLOWUP).status_code == 302
    session.expire_all()
    message = session.scalars(select(Message)).one()
    shown = moderators_message_text(session, message.id).lower()
    for word in ("kratka", "vopicka", "elisce"):
        assert word not in shown, shown
    assert "brecela" in shown and "nepomohl" in shown


def test_api_followup_uses_the_seeds_too(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, REPORT,
                                       name="Eliška Krátká")
    response = app.test_client().post("/api/v1/reports/messages", json={"text": FOLLOWUP},
                                      headers={"Authorization": f"Bearer {receipt}"})
    assert response.status_code == 201, response.get_data(as_text=True)
    session.expire_all()
    message = session.scalars(select(Message)).one()
    assert "kratka" not in moderators_message_text(session, message.id).lower()


def test_seeds_open_only_with_the_receipt_key(app, client, session, settings):
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, REPORT,
                                       name="Eliška Krátká", klass="7.B")
    session.expire_all()
    report = session.get(Report, report.id)
    seeds = open_followup_seeds(report, reporter_keypair(receipt).private)
    assert seeds.victim_name == "Eliška Krátká" and seeds.victim_class == "7.B"
    assert ("PERSON", "Tonda Vopička") in seeds.originals
    other = reporter_keypair("1" * 25)
    assert open_followup_seeds(report, other.private) == Seeds()
    assert open_followup_seeds(report, None) == Seeds()


def test_sealed_value_is_bound_to_report_and_purpose():
    pair = reporter_keypair("12345" * 5)
    sealed = seal_for_reporter("r1", pair.public, PURPOSE, b"secret")
    assert open_for_reporter("r1", pair.private, PURPOSE, sealed) == b"secret"
    with pytest.raises(DecryptionError):
        open_for_reporter("r2", pair.private, PURPOSE, sealed)
    with pytest.raises(DecryptionError):
        open_for_reporter("r1", pair.private, "other", sealed)


def test_anonymisation_deletes_the_sealed_seeds(app, client, session, settings):
    from ozvise.retention import anonymise

    reg = register_school(session)
    report, _receipt = delivered_report(client, session, settings, reg.school.id, REPORT,
                                        name="Eliška Krátká")
    session.expire_all()
    report = session.get(Report, report.id)
    assert report.followup_seeds_ct
    anonymise(session, report)
    session.commit()
    session.expire_all()
    assert session.get(Report, report.id).followup_seeds_ct is None
