"""``ozvise moderators create`` and the demo moderator of ``ozvise demo seed``."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from crypto.passwords import verify_password
from models import Moderator
from ozvise.cli import main
from review_ui.second_factor import current_code
from tests.factories import csrf_token


@pytest.fixture
def env(db_url, instance_dir) -> dict[str, str]:
    return {"OZVISE_DATABASE_URL": db_url, "OZVISE_INSTANCE_DIR": str(instance_dir),
            "OZVISE_SECRET_KEY": "test-secret-key"}


@pytest.mark.no_moderation_key
def test_create_moderator_prints_the_enrolment_uri(env, session):
    runner = CliRunner()
    result = runner.invoke(main, ["moderators", "create", "Petra.K", "--password",
                                  "dlouhe-heslo-123"], env=env)
    assert result.exit_code == 0, result.output
    assert "OBNOVOVACÍ KLÍČ" in result.output  # the first moderator creates the key
    uri = re.search(r"otpauth://totp/\S+", result.output).group(0)
    moderator = session.scalars(select(Moderator)).one()
    assert moderator.username == "petra.k"
    assert f"secret={moderator.totp_secret}" in uri and "issuer=Ozvi%20se" in uri
    assert moderator.totp_enrolled_at is None  # confirmed only at first login, with the QR
    assert moderator.password_hash.startswith("$argon2id$")
    assert verify_password(moderator.password_hash, "dlouhe-heslo-123")

    grantor = ["--grantor", "petra.k"]
    unlock = "dlouhe-heslo-123\n"  # the grantor's password, asked hidden
    again = runner.invoke(main, ["moderators", "create", "petra.k", "--password",
                                 "jine-dlouhe-heslo", *grantor], env=env, input=unlock)
    assert again.exit_code == 1 and "už existuje" in again.output
    short = runner.invoke(main, ["moderators", "create", "jan", "--password", "kratke",
                                 *grantor], env=env, input=unlock)
    assert short.exit_code == 1 and "aspoň 12 znaků" in short.output
    bad = runner.invoke(main, ["moderators", "create", "Jan Novák", "--password",
                               "dlouhe-heslo-123", *grantor], env=env, input=unlock)
    assert bad.exit_code == 1 and "Uživatelské jméno" in bad.output


@pytest.mark.no_moderation_key
def test_demo_seed_prints_moderator_credentials_that_log_in(env, app):
    runner = CliRunner()
    assert runner.invoke(main, ["schools", "import", "--quiet", "demo"], env=env).exit_code == 0
    result = runner.invoke(main, ["demo", "seed"], env=env)
    assert result.exit_code == 0, result.output
    match = re.search(r"Ukázkový moderátor: (\S+)\s+heslo: (\S+)", result.output)
    secret = re.search(r"TOTP klíč: ([A-Z2-7]+)", result.output).group(1)
    username, password = match.groups()
    again = runner.invoke(main, ["demo", "seed"], env=env)  # idempotent, same secret
    assert f"TOTP klíč: {secret}" in again.output

    client = app.test_client()
    token = csrf_token(client, "/moderace/prihlaseni")
    response = client.post("/moderace/prihlaseni", data={
        "csrf_token": token, "username": username, "password": password})
    assert response.headers["Location"].endswith("/nastaveni-overeni")
    token = csrf_token(client, "/moderace/nastaveni-overeni")
    client.post("/moderace/nastaveni-overeni", data={"csrf_token": token,
                                                     "code": current_code(secret)})
    assert client.get("/moderace/").status_code == 200
