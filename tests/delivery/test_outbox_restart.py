"""The outbox worker process is killed mid-delivery and restarted: every school receives
each of its reports exactly once (per Message-ID, as a receiving mail store counts)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from sqlalchemy import select

from models import OutboxMessage, OutboxStatus
from tests.delivery.conftest import all_report_ids, moderator_passes
from tests.factories import make_school, submit_form

WORKER = [sys.executable, "-c", "from ozvise.cli import main; main()", "outbox", "run",
          "--lease", "1", "--interval", "0.2"]


def _env(settings, smtp_port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OZVISE_DATABASE_URL=settings.database_url,
               OZVISE_INSTANCE_DIR=str(settings.instance_dir), OZVISE_SECRET_KEY="test",
               OZVISE_SMTP_HOST="127.0.0.1", OZVISE_SMTP_PORT=str(smtp_port))
    return env


def _two_schools_two_reports(client, session, settings) -> dict[str, set[str]]:
    """director e-mail -> ids of the reports queued for it."""
    expected: dict[str, set[str]] = {}
    for n in (1, 2):
        school = make_school(session, name=f"ZŠ Restartov {n}", email=f"reditel{n}@restart.example")
        session.commit()
        for text in ("První hlášení o Šárce.", "Druhé hlášení o Řehořovi."):
            before = set(all_report_ids(session))
            assert submit_form(client, school.id, text, name="Šárka Ňachová").status_code == 200
            (report_id,) = set(all_report_ids(session)) - before
            moderator_passes(session, settings, report_id)
            expected.setdefault(school.director_email, set()).add(report_id)
    return expected


@pytest.mark.parametrize("stage", ["before_data", "after_data"])
def test_killed_worker_delivers_each_report_once(stage, client, session, settings, smtp_server,
                                                 onboarding_key):
    expected = _two_schools_two_reports(client, session, settings)
    if stage == "before_data":
        smtp_server.hold_on_rcpt = 2   # killed while claimed, before the server took it
    else:
        smtp_server.hold_on_data = 2   # killed after the server took it, before SENT
    env = _env(settings, smtp_server.port)
    worker = subprocess.Popen(WORKER, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert smtp_server.stalled.wait(60), "the worker never reached the second message"
        session.expire_all()
        sending = session.scalars(select(OutboxMessage).where(
            OutboxMessage.status == OutboxStatus.SENDING)).all()
        assert len(sending) == 1  # claimed, mid-delivery
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
        smtp_server.release.set()

    time.sleep(1.2)  # the dead worker's lease runs out
    restarted = subprocess.run([*WORKER, "--once"], env=env, capture_output=True, timeout=120)
    assert restarted.returncode == 0, restarted.stderr.decode()[-2000:]

    session.expire_all()
    queued = session.scalars(select(OutboxMessage)).all()
    assert len(queued) == 4 and all(m.status == OutboxStatus.SENT for m in queued)
    report_of = {m.message_id: m.dedupe_key.split(":")[1] for m in queued}

    raw = Counter(r.email["Message-ID"] for r in smtp_server.received)
    assert set(raw) == set(report_of)  # nothing lost, no message under another id
    if stage == "before_data":
        assert all(count == 1 for count in raw.values())
    else:  # the one unacknowledged message went out again, as the same message
        assert sorted(raw.values()) == [1, 1, 1, 2]

    mailbox: dict[str, Counter] = {}
    for received in smtp_server.received:  # what each school's mail store keeps
        (rcpt,) = received.envelope_to
        mailbox.setdefault(rcpt, Counter())[received.email["Message-ID"]] = 1
    for rcpt, ids in mailbox.items():
        delivered = Counter(report_of[mid] for mid in ids)
        assert set(delivered) == expected[rcpt] and set(delivered.values()) == {1}
