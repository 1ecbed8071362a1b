"""``ozvise counsellors create``: password asked twice and hidden, TOTP URI printed, key usable."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from crypto.counsellor_keys import unlock_counsellor_key
from crypto.errors import DecryptionError
from crypto.hpke import public_key_of
from models import AuditEvent, Counsellor
from ozvise.cli import main


def _run(settings, args, password_input):
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "x"}
    return CliRunner().invoke(main, ["counsellors", "create", *args], input=password_input,
                              env=env)


def test_create_counsellor(settings, session):
    result = _run(settings, ["--username", "Pavla.R", "--name", "Mgr. Pavla Radová"],
                  "dlouhe-heslo-poradce\ndlouhe-heslo-poradce\n")
    assert result.exit_code == 0, result.output
    assert "otpauth://totp/" in result.output and "dlouhe-heslo" not in result.output
    counsellor = session.scalars(select(Counsellor)).one()
    assert counsellor.username == "pavla.r" and counsellor.name == "Mgr. Pavla Radová"
    assert counsellor.totp_secret in result.output and counsellor.totp_enrolled_at is None
    private = unlock_counsellor_key(counsellor, "dlouhe-heslo-poradce")
    assert public_key_of(private) == counsellor.public_key
    assert b"dlouhe-heslo" not in counsellor.key_wrap + counsellor.password_hash.encode()
    with pytest.raises(DecryptionError):
        unlock_counsellor_key(counsellor, "jine-heslo-poradce")
    assert session.scalars(select(AuditEvent.action)).all() == ["counsellor.created"]


def test_create_refuses_bad_input(settings, session):
    mismatch = _run(settings, ["--username", "jan", "--name", "Jan"],
                    "dlouhe-heslo-poradce\njine-heslo-poradce\n")
    assert mismatch.exit_code != 0
    short = _run(settings, ["--username", "jan", "--name", "Jan"], "kratke\nkratke\n")
    assert short.exit_code == 1 and "12 znaků" in short.output
    _run(settings, ["--username", "jan", "--name", "Jan"], "dlouhe-heslo-1\ndlouhe-heslo-1\n")
    again = _run(settings, ["--username", "jan", "--name", "Jan"],
                 "dlouhe-heslo-2\ndlouhe-heslo-2\n")
    assert again.exit_code == 1 and "už existuje" in again.output
    assert len(session.scalars(select(Counsellor)).all()) == 1
