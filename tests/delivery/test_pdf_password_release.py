"""Release hands a basic-plan school every report's own PDF password, and the offline
key opens nothing of that school afterwards; the school opens each mailed PDF with the
password it reads in its portal (pypdf and poppler)."""

from __future__ import annotations

import io
import subprocess
from email import message_from_bytes, policy

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from crypto.envelope import unwrap_from
from crypto.errors import DecryptionError
from crypto.pdf_password import unwrap_report_password
from delivery.transport import eml_path
from delivery.worker import run_once
from models import (
    AuditEvent,
    KeyRecipient,
    OutboxMessage,
    Plan,
    Report,
    ReportKey,
    ReportPdfPassword,
)
from ozvise.db import session_factory
from tests.delivery.conftest import (
    all_report_ids,
    moderator_passes,
    pdf_attachment,
    pdf_text,
    portal_password,
)
from tests.delivery.test_release import _release
from tests.factories import login_member, make_school, register_school, submit_form

NAMES = ("Bořivoj Křížek", "Eliška Dvořáčková", "Ťopka Hůlová")


def _mailed_pdfs(settings, session) -> dict[str, bytes]:
    """report id -> the PDF attached to its mail, read back from the ``.eml`` file."""
    found = {}
    for message in session.scalars(select(OutboxMessage).where(
            OutboxMessage.kind == "report_pdf")):
        email = message_from_bytes(eml_path(settings, message.message_id).read_bytes(),
                                   policy=policy.default)
        body = email.get_body(("plain",)).get_content()
        report_id = next(line.split(": ")[1] for line in body.splitlines()
                         if line.startswith("Číslo hlášení: "))
        found[report_id] = pdf_attachment(email)
    return found


def _poppler_text(tmp_path, pdf: bytes, password: str) -> tuple[str, str]:
    path = tmp_path / "hlaseni.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "-upw", password, str(path)], capture_output=True,
                          text=True, check=True).stdout
    text = subprocess.run(["pdftotext", "-upw", password, str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return info, text


def test_release_gives_basic_school_each_password_and_leaves_offline_key_nothing(
        client, app, session, settings, onboarding_key, tmp_path):
    school = make_school(session)
    session.commit()
    for name in NAMES:
        assert submit_form(client, school.id, f"{name} se bojí chodit do školy.", name=name,
                           klass="5.C").status_code == 200
    ids = all_report_ids(session)
    for report_id in ids[:2]:  # the third waits in moderation
        moderator_passes(session, settings, report_id)
    assert run_once(session_factory(app), settings).sent == 2
    session.expire_all()
    mailed = _mailed_pdfs(settings, session)
    assert set(mailed) == set(ids[:2])
    for message in session.scalars(select(OutboxMessage)):
        assert "jakmile se škola zaregistruje" in message.body  # truthful before registration

    reg = register_school(session, school=school, plan=Plan.BASIC)
    result = _release(settings, school.red_izo, onboarding_key)
    assert result.exit_code == 0, result.output
    assert "Zpřístupněno hlášení: 3" in result.output
    assert "hesel k PDF v portálu: 3" in result.output

    session.expire_all()
    report_ids = select(Report.id).where(Report.school_id == school.id)
    assert not session.scalars(select(ReportKey).where(
        ReportKey.report_id.in_(report_ids), ReportKey.recipient == KeyRecipient.ONBOARDING)).all()
    assert not session.scalars(select(ReportPdfPassword).where(
        ReportPdfPassword.report_id.in_(report_ids),
        ReportPdfPassword.recipient == KeyRecipient.ONBOARDING.value)).all()
    # whatever wraps remain, the offline key opens none of them
    for wrap in session.scalars(select(ReportPdfPassword)):
        with pytest.raises(DecryptionError):
            unwrap_report_password(wrap, onboarding_key.pair.private)
    for key in session.scalars(select(ReportKey)):
        with pytest.raises(DecryptionError):
            unwrap_from(session.get(Report, key.report_id), key, onboarding_key.pair.private)

    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    portal_home = client.get("/skola/", follow_redirects=True).get_data(as_text=True)
    assert 'href="/skola/heslo-pdf/">Hesla k PDF</a>' in portal_home  # in the navigation
    listing = client.get("/skola/heslo-pdf/").get_data(as_text=True)
    assert ids[2] not in listing  # still in moderation: not the school's to see yet
    passwords = {}
    for report_id, name in zip(ids[:2], NAMES, strict=False):
        passwords[report_id] = portal_password(client, report_id)
        assert name in pdf_text(mailed[report_id], passwords[report_id])
        info, text = _poppler_text(tmp_path, mailed[report_id], passwords[report_id])
        assert "yes (print:yes copy:yes change:no" in info and "algorithm:AES-256" in info
        assert name in text and report_id in " ".join(text.split())
    first, second = ids[:2]
    assert passwords[first] != passwords[second]
    assert PdfReader(io.BytesIO(mailed[first])).decrypt(passwords[second]) == 0
    other = tmp_path / "prvni.pdf"
    other.write_bytes(mailed[first])
    refused = subprocess.run(["pdftotext", "-upw", passwords[second], str(other), "-"],
                             capture_output=True, check=False)
    assert refused.returncode != 0  # one report's password opens no other report's PDF
    viewed = session.scalars(select(AuditEvent.target).where(
        AuditEvent.action == "pdf_password.viewed")).all()
    assert sorted(viewed) == sorted(f"report:{i}" for i in ids[:2])

    # after release: the third report is passed and mailed; its password is in the portal
    moderator_passes(session, settings, ids[2])
    third_mail = session.scalars(select(OutboxMessage).where(
        OutboxMessage.dedupe_key.contains(ids[2]))).one()
    assert "najdete po přihlášení do portálu" in third_mail.body
    assert NAMES[2] in pdf_text(third_mail.attachment, portal_password(client, ids[2]))

    again = _release(settings, school.red_izo, onboarding_key)
    assert again.exit_code == 0 and "hesel k PDF v portálu: 0" in again.output
