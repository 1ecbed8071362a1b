"""Every mail says where a reply goes: Reply-To and the last line name the operator's
contact address (``OZVISE_CONTACT_EMAIL``); without one, the mail says nobody reads replies."""

from __future__ import annotations

from pathlib import Path

from delivery.transport import build_email
from models import OutboxMessage
from ozvise.config import Settings


def _settings(**changes: str) -> Settings:
    return Settings(instance_dir=Path("instance"), database_url="sqlite://", secret_key="x",
                    onboarding_public_key_path=Path("onboarding.key"), **changes)


def _mail() -> OutboxMessage:
    return OutboxMessage(dedupe_key="k", kind="school_confirmation_registration",
                         recipient="reditel@skola.example", subject="Potvrďte",
                         body="Dobrý den,\n\ntext.\n\nOzvi se\n", message_id="<a@b>")


def test_contact_address_is_reply_to_and_named_in_every_mail():
    email = build_email(_mail(), _settings(contact_email="provoz@ozvise.example"))
    assert email["Reply-To"] == "provoz@ozvise.example"
    body = email.get_content()
    assert body.rstrip().endswith("můžete mu psát i přímo na tuto adresu.")
    assert "provoz@ozvise.example" in body and "neodpovídejte" not in body


def test_without_a_contact_address_the_mail_says_nobody_reads_replies():
    email = build_email(_mail(), _settings())
    assert email["Reply-To"] is None
    assert "odpovědi na něj nikdo nečte" in email.get_content()


def test_contact_address_comes_from_the_environment():
    settings = Settings.from_env({"OZVISE_CONTACT_EMAIL": " provoz@ozvise.example ",
                                  "OZVISE_SECRET_KEY": "x", "OZVISE_INSTANCE_DIR": "instance"})
    assert settings.contact_email == "provoz@ozvise.example"
