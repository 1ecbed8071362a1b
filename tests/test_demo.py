"""`ozvise demo seed` / `demo code`: the demo is usable without an authenticator app."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ozvise.cli import main
from review_ui.second_factor import verify_code


@pytest.mark.no_moderation_key  # the demo seed creates the moderation key itself
def test_demo_seed_prints_credentials_and_codes_only_for_demo_accounts(app, settings, session):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir)}
    runner = CliRunner()
    assert runner.invoke(main, ["schools", "import", "--quiet", "demo"], env=env).exit_code == 0
    seeded = runner.invoke(main, ["demo", "seed"], env=env)
    assert seeded.exit_code == 0, seeded.output
    assert "resitel@demo.ozvise.example  heslo: demo-resitel-heslo" in seeded.output
    again = runner.invoke(main, ["demo", "seed"], env=env)
    assert again.exit_code == 0 and "resitel@demo.ozvise.example" in again.output

    from sqlalchemy import select

    from models import SchoolMember

    member = session.scalars(select(SchoolMember).where(
        SchoolMember.email == "resitel@demo.ozvise.example")).one()
    code = runner.invoke(main, ["demo", "code", member.email], env=env)
    assert code.exit_code == 0
    with app.app_context():
        assert verify_code(member.totp_secret, code.output.strip(), f"demo:{member.id}")

    refused = runner.invoke(main, ["demo", "code", "someone@skola.example"], env=env)
    assert refused.exit_code != 0 and "není ukázkový účet" in refused.output
