"""Neither the PDF nor its password rests in clear; without the offline key, neither exists."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from crypto.errors import DecryptionError
from crypto.hpke import generate_keypair
from crypto.pdf_password import unwrap_report_password
from delivery.transport import eml_path
from delivery.worker import run_once
from models import EncryptedPdf, OutboxMessage, OutboxStatus, ReportPdfPassword
from ozvise.db import session_factory
from tests.delivery.conftest import all_report_ids, moderator_passes, password_with_offline_key
from tests.factories import make_school, submit_form
from tests.test_walking_skeleton import all_bytes_at_rest

NAME, CLASS = "Ludmila Šťastná", "6.Ř"


def _variants(secret: bytes) -> list[bytes]:
    text = secret.decode("latin-1")
    out = [secret, text.encode("utf-16-le"), text.encode("utf-16-be"), secret.hex().encode()]
    return [v for v in out if len(v) >= 16]


def test_pdf_and_password_never_rest_in_clear(client, session, settings, app, onboarding_key):
    school = make_school(session)
    session.commit()
    for text in ("Ludmila Šťastná z 6.Ř dostává každý den rány.", "Ludmilu zase zamkli."):
        assert submit_form(client, school.id, text, name=NAME, klass=CLASS).status_code == 200
    for report_id in all_report_ids(session):
        moderator_passes(session, settings, report_id)
    assert run_once(session_factory(app), settings).sent == 2  # .eml transport (no SMTP)

    session.expire_all()
    messages = session.scalars(select(OutboxMessage)).all()
    assert all(m.status == OutboxStatus.SENT for m in messages)
    assert all(eml_path(settings, m.message_id).exists() for m in messages)
    secrets: list[bytes] = []
    stored_pdfs = session.scalars(select(EncryptedPdf)).all()
    assert len(stored_pdfs) == 2
    passwords = {password_with_offline_key(session, p.report_id, onboarding_key)
                 for p in stored_pdfs}
    assert len(passwords) == 2  # one password per report
    for stored in stored_pdfs:
        password = password_with_offline_key(session, stored.report_id, onboarding_key)
        secrets += [password.encode(), password.replace("-", "").encode()]
        reader = PdfReader(io.BytesIO(stored.pdf))
        assert reader.is_encrypted
        assert reader.decrypt(password) != 0
        secrets.append(reader._encryption._key)  # the file key that opens this PDF
        for page in reader.pages:  # decrypted content streams (raw and decoded)
            contents = page.get_contents()
            secrets.extend([contents.get_data(), contents._data])
    rest = all_bytes_at_rest(settings, session)
    for secret in secrets:
        for variant in _variants(secret):
            assert variant not in rest, "a PDF password, file key or decrypted PDF rests in clear"
    for clear in (NAME, CLASS):
        assert clear.encode("utf-8") not in rest


def test_without_offline_key_nothing_opens(session, settings, client, onboarding_key):
    school = make_school(session)
    session.commit()
    response = submit_form(client, school.id, "Text hlášení.", name=NAME, klass=CLASS)
    assert response.status_code == 200
    instance_files = [p.name for p in Path(settings.instance_dir).rglob("*") if p.is_file()]
    assert "onboarding.key" not in instance_files  # the private half lives offline only
    assert not any("private" in name for name in instance_files)

    stored = session.scalars(select(EncryptedPdf)).one()
    (wrap,) = session.scalars(select(ReportPdfPassword)).all()
    assert (wrap.recipient, wrap.report_id) == ("onboarding", stored.report_id)
    with pytest.raises(DecryptionError):  # any other key (e.g. one an attacker makes) fails
        unwrap_report_password(wrap, generate_keypair().private)
    moved = ReportPdfPassword(report_id="0" * 32, recipient=wrap.recipient, recipient_id=0,
                              suite_id=wrap.suite_id, wrapped_password=wrap.wrapped_password)
    with pytest.raises(DecryptionError):  # bound to its report: it cannot be moved
        unwrap_report_password(moved, onboarding_key.pair.private)
    reader = PdfReader(io.BytesIO(stored.pdf))
    assert reader.decrypt(password_with_offline_key(session, stored.report_id,
                                                    onboarding_key)) != 0
