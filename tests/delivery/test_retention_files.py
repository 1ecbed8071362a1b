"""Retention deletes every copy of an anonymised report's PDF: its ``.eml`` files in the
outbox folder (sent, or written by a worker that died before marking it sent), stray
files of vanished messages, the database rows, and SQLite's write-ahead log."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes, policy
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from delivery.transport import deliver, eml_path
from delivery.worker import WorkerPolicy, claim_next, run_once
from models import (
    EncryptedPdf,
    OutboxMessage,
    OutboxStatus,
    Report,
    ReportPdfPassword,
    ReportStatus,
    utcnow,
)
from ozvise.cli import main
from ozvise.db import session_factory
from tests.delivery.conftest import all_report_ids, moderator_passes
from tests.factories import make_school, submit_form


def _files(settings) -> dict[Path, bytes]:
    """Every file of the instance folder; a mail file with its attachments decoded too."""
    files = {}
    for path in Path(settings.instance_dir).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".eml":
                email = message_from_bytes(data, policy=policy.default)
                data += b"".join(part.get_payload(decode=True) or b"" for part in email.walk()
                                 if not part.is_multipart())
            files[path] = data
    return files


def test_retention_run_leaves_no_file_of_the_anonymised_report(client, app, session, settings,
                                                              onboarding_key):
    sent_school = make_school(session, email="odeslano@zs-a.example")
    dying_school = make_school(session, email="rozeslano@zs-b.example")
    session.commit()
    for school, text in ((sent_school, "Starý případ, odeslaný."),
                         (dying_school, "Starý případ, rozeslaný napůl."),
                         (sent_school, "Nový případ.")):
        assert submit_form(client, school.id, text, name="Kamil Řezáč").status_code == 200
    old_sent, old_dying, young = all_report_ids(session)
    moderator_passes(session, settings, old_sent)
    assert run_once(session_factory(app), settings).sent == 1
    moderator_passes(session, settings, old_dying)
    held = claim_next(session, WorkerPolicy())  # the worker writes the file, then dies
    deliver(session.get(OutboxMessage, held.message_id), settings)
    moderator_passes(session, settings, young)
    session.expire_all()
    dying_row = session.get(OutboxMessage, held.message_id)
    assert dying_row.status == OutboxStatus.SENDING  # never marked sent
    assert session.scalars(select(OutboxMessage.status).where(
        OutboxMessage.dedupe_key.contains(young))).one() == OutboxStatus.PENDING
    assert run_once(session_factory(app), settings, WorkerPolicy(
        lease=timedelta(hours=1))).sent == 1  # the young one; the dying one keeps its lease

    pdfs = {p.report_id: p.pdf for p in session.scalars(select(EncryptedPdf))}
    old = (old_sent, old_dying)
    # a file whose message row is gone (a worker that wrote it while retention ran)
    stray = Path(settings.outbox_dir) / "stray-0001@ozvise.invalid.eml"
    stray.write_bytes(b"Subject: x\n\n" + pdfs[old_sent])
    before = _files(settings)
    for report_id in old:
        probe = pdfs[report_id][len(pdfs[report_id]) // 2:][:64]
        holders = [path.name for path, data in before.items() if probe in data]
        assert any(name.endswith(".eml") for name in holders), holders  # the test can fail
        session.get(Report, report_id).created_at = utcnow() - timedelta(days=3 * 366 + 2)
    session.commit()

    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "test"}
    result = CliRunner().invoke(main, ["retention", "run", "--quiet"], env=env)
    assert result.exit_code == 0, result.output
    assert "Anonymizováno hlášení: 2" in result.output

    session.expire_all()
    after = _files(settings)
    for report_id in old:
        assert session.get(Report, report_id).status == ReportStatus.ANONYMISED
        probe = pdfs[report_id][len(pdfs[report_id]) // 2:][:64]
        holders = [path.name for path, data in after.items()
                   if probe in data or report_id.encode() in data and path.suffix == ".eml"]
        assert not holders, f"a copy of {report_id} remains in {holders}"
        assert not session.scalars(select(ReportPdfPassword).where(
            ReportPdfPassword.report_id == report_id)).all()
        assert not session.scalars(select(EncryptedPdf).where(
            EncryptedPdf.report_id == report_id)).all()
    assert not stray.exists()
    (young_mail,) = [m for m in session.scalars(select(OutboxMessage))
                     if young in m.dedupe_key]
    young_file = eml_path(settings, young_mail.message_id)
    assert after[young_file] == before[young_file]  # the young report's mail is untouched
    assert [p.name for p in Path(settings.outbox_dir).glob("*.eml")] == [young_file.name]
    sent_record = session.scalars(select(OutboxMessage).where(
        OutboxMessage.dedupe_key.contains(old_sent))).one()
    assert sent_record.attachment is None  # kept only as the never-send-twice record
