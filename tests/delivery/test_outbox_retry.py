"""`ozvise outbox retry`: mail given up on goes out again, nothing else moves, audited."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select

from delivery.outbox import enqueue
from delivery.worker import run_once
from models import AuditEvent, OutboxMessage, OutboxStatus
from ozvise.cli import main
from ozvise.db import session_factory


def _cli(settings, *args: str):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "test"}
    return CliRunner().invoke(main, list(args), env=env)


def test_failed_mail_is_queued_again_and_sent_once(app, session, settings):
    failed, sent = (enqueue(session, kind="test", dedupe_key=f"retry:{i}",
                            recipient=f"skola{i}@example.cz", subject="Předmět",
                            body="Tělo.") for i in range(2))
    failed.status, failed.attempts, failed.last_error = OutboxStatus.FAILED, 8, "SMTPError"
    sent.status = OutboxStatus.SENT
    session.commit()
    status = _cli(settings, "outbox", "status")
    assert f"ozvise outbox retry {failed.id}" in status.output

    refused = _cli(settings, "outbox", "retry", str(sent.id))
    assert refused.exit_code == 1 and "nejsou vzdané" in refused.output
    assert _cli(settings, "outbox", "retry").exit_code == 2  # neither ids nor --all-failed

    result = _cli(settings, "outbox", "retry", str(failed.id), "--by", "Jana Provozní")
    assert result.exit_code == 0 and f"#{failed.id}" in result.output, result.output
    session.expire_all()
    row = session.get(OutboxMessage, failed.id)
    assert row.status == OutboxStatus.PENDING and row.attempts == 0
    assert session.get(OutboxMessage, sent.id).status == OutboxStatus.SENT
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "outbox.requeued")).one()
    assert event.actor == "operator:Jana Provozní" and event.target == f"outbox:{failed.id}"

    stats = run_once(session_factory(app), settings)  # no relay set: the .eml transport
    session.expire_all()
    assert stats.sent == 1 and session.get(OutboxMessage, failed.id).status == OutboxStatus.SENT
    again = _cli(settings, "outbox", "retry", "--all-failed")
    assert again.exit_code == 1  # nothing failed any more: nothing to queue
