"""Fixtures for delivery tests: an offline onboarding key, a real SMTP server, PDF helpers."""

from __future__ import annotations

import io
import re
import socket
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from pypdf import PdfReader
from sqlalchemy import select

from crypto.hpke import KeyPair
from crypto.onboarding import new_onboarding_keypair, write_private_key, write_public_key
from crypto.pdf_password import find_password_wrap, unwrap_report_password
from delivery.handover import hand_over
from models import KeyRecipient, Report
from ozvise.config import TEST_KDF

ONBOARDING_PASSPHRASE = "offline-klic-operatora"


@dataclass
class OfflineKey:
    pair: KeyPair
    path: Path
    passphrase_file: Path


@pytest.fixture
def onboarding_key(settings, tmp_path) -> OfflineKey:
    """The operator's key: public half in the instance folder, private half outside it."""
    pair = new_onboarding_keypair()
    offline = tmp_path / "offline"
    offline.mkdir()
    write_private_key(offline / "onboarding.key", pair, ONBOARDING_PASSPHRASE, TEST_KDF)
    write_public_key(settings.onboarding_public_key_path, pair.public)
    passphrase_file = offline / "passphrase.txt"
    passphrase_file.write_text(ONBOARDING_PASSPHRASE + "\n")
    return OfflineKey(pair, offline / "onboarding.key", passphrase_file)


@dataclass
class Received:
    envelope_to: list[str]
    raw: bytes

    @property
    def email(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)  # type: ignore[return-value]


@dataclass
class RecordingHandler:
    """Keeps every message the SMTP server accepted; ``hold`` can stall one for a test."""

    received: list[Received] = field(default_factory=list)
    hold_on_data: int | None = None  # stall the n-th DATA (1-based) after recording it
    hold_on_rcpt: int | None = None  # stall the n-th RCPT before anything is accepted
    stalled: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    _rcpts: int = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001
        self._rcpts += 1
        if self.hold_on_rcpt == self._rcpts:
            self.stalled.set()
            self.release.wait(20)
            return "451 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001
        self.received.append(Received(list(envelope.rcpt_tos), bytes(envelope.content)))
        if self.hold_on_data == len(self.received):
            self.stalled.set()
            self.release.wait(20)
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    handler = RecordingHandler()
    with socket.socket() as probe:  # a free loopback port (aiosmtpd cannot start on port 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    handler.port = port  # type: ignore[attr-defined]
    yield handler
    handler.release.set()
    controller.stop()


def moderator_passes(session, settings, report_id: str) -> None:
    """What the moderator's "not spam" does to delivery (``review_ui`` calls the same)."""
    report = session.get(Report, report_id)
    hand_over(session, settings, report)
    session.commit()


def all_report_ids(session) -> list[str]:
    return list(session.scalars(select(Report.id).order_by(Report.created_at)))


def pdf_attachment(email: Message) -> bytes:
    parts = [p for p in email.walk() if p.get_content_type() == "application/pdf"]
    assert len(parts) == 1, "exactly one PDF attached"
    return parts[0].get_payload(decode=True)


def password_with_offline_key(session, report_id: str, key: OfflineKey) -> str:
    """The report's PDF password, as the operator's offline key opens it."""
    wrap = find_password_wrap(session, report_id, KeyRecipient.ONBOARDING)
    assert wrap is not None
    return unwrap_report_password(wrap, key.pair.private)


def portal_password(client, report_id: str) -> str:
    """A logged-in member opens the report's password from the portal's password list."""
    listing = client.get("/skola/heslo-pdf/")
    assert listing.status_code == 200, listing.status_code
    assert f"/skola/heslo-pdf/{report_id}" in listing.get_data(as_text=True)
    shown = client.get(f"/skola/heslo-pdf/{report_id}")
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    match = re.search(r'id="pdf-password"[^>]*>([^<]+)<', shown.get_data(as_text=True))
    assert match, "the password page shows a password"
    return match.group(1)


def pdf_text(pdf: bytes, password: str) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.decrypt(password) != 0
    return "\n".join(page.extract_text() for page in reader.pages)
