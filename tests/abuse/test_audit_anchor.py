"""The audit log anchored outside the database: per-entry HMAC under a key the database
does not hold, signed checkpoints that show a cut tail, and sealing of older entries."""

from __future__ import annotations

import json
import os
import stat

from click.testing import CliRunner
from sqlalchemy import select, text, update

from crypto.audit_chain import GENESIS, entry_hash
from models import AuditEvent
from models.audit import record
from ozvise.cli import main


def _cli(settings, *args: str, **extra_env: str):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), **extra_env}
    return CliRunner().invoke(main, list(args), env=env)


def _events(session, n: int) -> list[AuditEvent]:
    events = [record(session, "operator", "test.event", f"item:{i}", n=i) for i in range(n)]
    session.commit()
    return events


def _recompute_chain(session) -> None:
    """What an attacker with write access to the database (not the key) can do."""
    previous = GENESIS
    for row in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all():
        row.prev_hash = "x" + row.prev_hash[1:]  # dodge the unique constraint meanwhile
    session.flush()
    for row in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all():
        row.prev_hash = previous
        row.hash = entry_hash(previous, row.chained_fields())
        previous = row.hash
    session.commit()


def test_entries_carry_a_mac_and_the_key_lives_outside_the_database(session, settings):
    _events(session, 3)
    key_file = settings.instance_dir / "audit_key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    macs = session.scalars(select(AuditEvent.mac)).all()
    assert len(macs) == 3 and all(mac and len(mac) == 64 for mac in macs)
    key = key_file.read_text().strip()
    assert key not in json.dumps([m for m in macs])  # the MAC is not the key
    assert _cli(settings, "audit", "verify").exit_code == 0


def test_a_recomputed_chain_is_detected(session, settings):
    events = _events(session, 4)
    session.execute(text("UPDATE audit_events SET target = 'item:forged' WHERE id = :id"),
                    {"id": events[1].id})
    session.commit()
    session.expire_all()
    _recompute_chain(session)
    result = _cli(settings, "audit", "verify")
    assert result.exit_code == 1
    assert f"id {events[1].id}" in result.output and "podpis záznamu nesouhlasí" in result.output


def test_checkpoint_detects_a_deleted_tail(session, settings, tmp_path):
    events = _events(session, 5)
    saved = tmp_path / "audit-checkpoint.json"
    made = _cli(settings, "audit", "checkpoint", "--output", str(saved))
    assert made.exit_code == 0, made.output
    head = json.loads(saved.read_text())
    assert head["count"] == 5 and head["head_id"] == events[-1].id and len(head["mac"]) == 64
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    _events(session, 2)  # the log goes on: still extends the checkpoint
    assert _cli(settings, "audit", "verify", "--checkpoint", str(saved)).exit_code == 0

    session.execute(text("DELETE FROM audit_events WHERE id >= :id"), {"id": events[3].id})
    session.commit()
    assert _cli(settings, "audit", "verify").exit_code == 0  # the chain alone cannot tell
    result = _cli(settings, "audit", "verify", "--checkpoint", str(saved))
    assert result.exit_code == 1
    assert f"záznam id {events[-1].id} z kontrolního bodu chybí" in result.output


def test_checkpoint_detects_a_recomputed_chain_and_a_forged_checkpoint(session, settings,
                                                                      tmp_path):
    _events(session, 3)
    saved = tmp_path / "cp.json"
    assert _cli(settings, "audit", "checkpoint", "--output", str(saved)).exit_code == 0
    forged = json.loads(saved.read_text())
    forged["count"] = 2
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    result = _cli(settings, "audit", "verify", "--checkpoint", str(tmp_path / "forged.json"))
    assert result.exit_code == 1 and "podpis kontrolního bodu nesouhlasí" in result.output
    session.execute(text("UPDATE audit_events SET actor = 'someone-else'"))
    session.commit()
    session.expire_all()
    _recompute_chain(session)
    result = _cli(settings, "audit", "verify", "--checkpoint", str(saved))
    assert result.exit_code == 1 and "přepočítán" in result.output


def test_key_from_the_setting_and_a_wrong_key_fails(session, settings):
    _events(session, 2)
    other = "ab" * 32
    result = _cli(settings, "audit", "verify", OZVISE_AUDIT_KEY=other)
    assert result.exit_code == 1 and "jiný klíč" in result.output
    bad = _cli(settings, "audit", "verify", OZVISE_AUDIT_KEY="xyz")
    assert bad.exit_code != 0 and "64 šestnáctkových číslic" in bad.output


def test_db_upgrade_seals_entries_written_before_the_key(session, settings):
    events = _events(session, 3)
    session.execute(update(AuditEvent).values(mac=None))  # as the migration leaves them
    session.commit()
    unsigned = _cli(settings, "audit", "verify")
    assert unsigned.exit_code == 1 and "nemá podpis" in unsigned.output
    upgraded = _cli(settings, "db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert "Podepsáno starších auditních záznamů: 3" in upgraded.output
    assert _cli(settings, "audit", "verify").exit_code == 0
    # a broken chain is never sealed (that would launder the break)
    session.execute(update(AuditEvent).values(mac=None))
    session.execute(text("UPDATE audit_events SET target = 'x' WHERE id = :id"),
                    {"id": events[0].id})
    session.commit()
    refused = _cli(settings, "db", "upgrade")
    assert refused.exit_code != 0 and "nepodepíšu" in refused.output
