"""An unregistered school's report reaches a real SMTP server as an encrypted Czech PDF."""

from __future__ import annotations

import io
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from sqlalchemy import select

from delivery.worker import run_once
from models import OutboxMessage, OutboxStatus
from ozvise.db import session_factory
from tests.delivery.conftest import (
    all_report_ids,
    moderator_passes,
    password_with_offline_key,
    pdf_attachment,
    pdf_text,
)
from tests.factories import make_school, submit_form

NAME, CLASS = "Želmíra Ďurišová", "9.Ž"
TEXT = ("Ťuhýk Řehoř Čermák a Ůna Šťastná z 9.Ž berou Želmíře Ďurišové svačinu "
        "a natáčejí ji. Paní učitelka Ěmová o tom ví.")


def _deliver_one(client, session, settings, app, smtp_server):
    school = make_school(session, email="reditelka@zs-testov.example")
    session.commit()
    assert submit_form(client, school.id, TEXT, name=NAME, klass=CLASS).status_code == 200
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    smtp = settings.with_overrides(smtp_host="127.0.0.1", smtp_port=smtp_server.port)
    stats = run_once(session_factory(app), smtp)
    assert stats.sent == 1
    return school, report_id


def test_smtp_server_receives_encrypted_czech_pdf(client, session, settings, app, smtp_server,
                                                  onboarding_key, artifacts, tmp_path):
    school, report_id = _deliver_one(client, session, settings, app, smtp_server)

    (received,) = smtp_server.received
    email = received.email
    queued = session.scalars(select(OutboxMessage)).one()
    assert queued.status == OutboxStatus.SENT
    assert received.envelope_to == ["reditelka@zs-testov.example"]
    assert email["Message-ID"] == queued.message_id
    body = email.get_body(("plain",)).get_content()
    assert "/skola/registrace" in body and "heslo" in body.lower()
    assert NAME not in body and "Ďurišov" not in body  # the cover text carries no content

    pdf = pdf_attachment(email)
    locked = PdfReader(io.BytesIO(pdf))
    assert locked.is_encrypted
    encrypt = locked.trailer["/Encrypt"]
    assert (encrypt["/V"], encrypt["/R"], encrypt["/CF"]["/StdCF"]["/CFM"]) == (5, 6, "/AESV3")
    with pytest.raises(FileNotDecryptedError):
        locked.pages[0].extract_text()
    assert PdfReader(io.BytesIO(pdf)).decrypt("spatne-heslo") == 0

    password = password_with_offline_key(session, report_id, onboarding_key)
    text = " ".join(pdf_text(pdf, password).split())
    for expected in (NAME, CLASS, " ".join(TEXT.split()), school.name, report_id,
                     "Co má škola udělat dál", "Jak se zaregistrovat"):
        assert expected in text

    encrypted_file = tmp_path / "hlaseni.pdf"
    encrypted_file.write_bytes(pdf)
    prefix = artifacts / "delivery-report-pdf"
    denied = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                             str(encrypted_file), str(tmp_path / "denied")],
                            capture_output=True, check=False)
    assert denied.returncode != 0  # poppler, a second implementation, refuses without it
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    "-upw", password, str(encrypted_file), str(prefix)], check=True)
    image = Image.open(f"{prefix}.png").convert("L")
    dark = sum(image.histogram()[:128])  # pixels darker than mid-grey
    assert image.size[0] > 400 and dark > 2000, "the first page must show text"
