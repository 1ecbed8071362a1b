"""The audit log is a hash chain; ``ozvise audit verify`` names the first broken entry."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import text

from models.audit import record
from ozvise.cli import main


def run_verify(settings):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir)}
    return CliRunner().invoke(main, ["audit", "verify"], env=env)


def test_verify_passes_then_names_the_altered_entry(session, settings):
    events = [record(session, "operator", "test.event", f"item:{i}", n=i) for i in range(5)]
    session.commit()
    result = run_verify(settings)
    assert result.exit_code == 0, result.output
    assert "neporušený (5 záznamů)" in result.output

    session.execute(text("UPDATE audit_events SET target = 'item:forged' WHERE id = :id"),
                    {"id": events[2].id})
    session.commit()
    result = run_verify(settings)
    assert result.exit_code == 1
    assert f"id {events[2].id}" in result.output


def test_verify_detects_deleted_entry(session, settings):
    events = [record(session, "operator", "test.event", f"item:{i}") for i in range(4)]
    session.commit()
    session.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": events[1].id})
    session.commit()
    result = run_verify(settings)
    assert result.exit_code == 1
    assert f"id {events[2].id}" in result.output
