"""`ozvise onboarding keygen`: private key only in the operator's file, public for the server."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner

from crypto.errors import DecryptionError
from crypto.onboarding import read_private_key, read_public_key
from ozvise.cli import main

PASSPHRASE = "dlouhe-offline-heslo"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_keygen_writes_protected_private_and_public_key(settings, tmp_path):
    env = {"OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "test",
           "OZVISE_ONBOARDING_PUBLIC_KEY": str(settings.onboarding_public_key_path)}
    private = tmp_path / "usb" / "onboarding.key"
    result = CliRunner().invoke(main, ["onboarding", "keygen", "--private-key", str(private)],
                                input=f"{PASSPHRASE}\n{PASSPHRASE}\n", env=env)
    assert result.exit_code == 0, result.output
    assert "OZVISE_ONBOARDING_PUBLIC_KEY=" in result.output
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    pair = read_private_key(private, PASSPHRASE)
    assert read_public_key(settings.onboarding_public_key_path) == pair.public
    assert pair.private not in private.read_bytes()
    with pytest.raises(DecryptionError):
        read_private_key(private, "jine-heslo-nez-bylo")

    again = CliRunner().invoke(main, ["onboarding", "keygen", "--private-key",
                                      str(tmp_path / "other.key")],
                               input=f"{PASSPHRASE}\n{PASSPHRASE}\n", env=env)
    assert again.exit_code != 0 and "už existuje" in again.output  # never replaces a key

    short = CliRunner().invoke(main, ["onboarding", "keygen", "--private-key",
                                      str(tmp_path / "x.key"), "--public-key",
                                      str(tmp_path / "x.pub")], input="kratke\nkratke\n", env=env)
    assert short.exit_code != 0 and "aspoň 12" in short.output
