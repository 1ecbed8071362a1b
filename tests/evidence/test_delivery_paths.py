"""Evidence on the other paths: inside the password-protected PDF of a school without
portal, for a counsellor the school shares with, and destroyed by retention."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime, timedelta

from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from crypto.onboarding import new_onboarding_keypair, write_public_key
from crypto.pdf_password import find_password_wrap, unwrap_report_password
from evidence.sealing import attachments_of
from models import Attachment, AuditEvent, EncryptedPdf, KeyRecipient
from ozvise.retention import run
from review_ui.counsellor_shares import share_report
from tests.at_rest import all_bytes_at_rest
from tests.counsellor.helpers import login_counsellor, make_counsellor
from tests.evidence import files
from tests.evidence.helpers import submitted_report
from tests.factories import make_school, register_school, school_data_key


def test_school_without_portal_gets_image_and_pdf_inside_its_encrypted_pdf(
        app, session, settings, tmp_path):
    pair = new_onboarding_keypair()
    write_public_key(settings.onboarding_public_key_path, pair.public)
    school = make_school(session)
    session.commit()
    report, _ = submitted_report(app.test_client(), session, school.id,
                                 [(files.photo_with_gps(), "IMG_0001.jpg"),
                                  (files.pdf_with_javascript(), "chat.pdf")])
    stored = session.scalars(select(EncryptedPdf).where(EncryptedPdf.report_id == report.id)).one()
    password = unwrap_report_password(
        find_password_wrap(session, report.id, KeyRecipient.ONBOARDING), pair.private)
    assert files.SERIAL.encode() not in all_bytes_at_rest(settings, session)

    reader = PdfReader(io.BytesIO(stored.pdf))
    assert reader.is_encrypted and reader.decrypt(password) != 0
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Přílohy od oznamovatele" in text and "priloha-1.jpg" in text
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1
    shown = Image.open(io.BytesIO(images[0].data))
    assert shown.size == (300, 400)  # the photo, upright
    assert files.SERIAL.encode() not in images[0].data
    embedded = reader.attachments
    assert list(embedded) == ["priloha-2.pdf"]
    (inner,) = embedded["priloha-2.pdf"]
    assert inner.startswith(b"%PDF-") and b"stealCookies" not in inner

    # poppler (what a school's viewer uses) opens it with the password and shows the image
    path = tmp_path / "hlaseni.pdf"
    path.write_bytes(stored.pdf)
    listed = subprocess.run(["pdfimages", "-list", "-upw", password, str(path)],
                            capture_output=True, text=True, check=True).stdout
    assert len([line for line in listed.splitlines()[2:] if line.strip()]) >= 1
    assert subprocess.run(["pdfimages", "-list", str(path)], capture_output=True).returncode != 0


def test_counsellor_opens_the_files_of_a_shared_report_only(app, session, settings):
    reg = register_school(session)
    report, _ = submitted_report(app.test_client(), session, reg.school.id,
                                 [(files.screenshot_png(), "chat.png")])
    from delivery.handover import hand_over
    from review_ui.moderation.decisions import close_copy
    from tests.factories import moderation_key

    close_copy(session, report, True, moderation_key(session))
    hand_over(session, settings, report)
    session.commit()
    shared, other = make_counsellor(session, "poradce.s"), make_counsellor(session, "poradce.n")
    admin, _password = reg.members["admin"]
    share_report(session, report, school_data_key(session, report, reg), shared.id, admin.id)
    session.commit()

    client = app.test_client()
    assert login_counsellor(client, shared).status_code == 302
    page = client.get(f"/poradce/hlaseni/{report.id}").get_data(as_text=True)
    assert f"/poradce/hlaseni/{report.id}/prilohy/1" in page
    download = client.get(f"/poradce/hlaseni/{report.id}/prilohy/1")
    assert download.status_code == 200 and download.mimetype == "image/png"
    assert files.SERIAL.encode() not in download.get_data()
    outsider = app.test_client()
    assert login_counsellor(outsider, other).status_code == 302
    assert outsider.get(f"/poradce/hlaseni/{report.id}/prilohy/1").status_code == 404


def test_retention_destroys_every_attachment(app, session, settings):
    reg = register_school(session)
    report, _ = submitted_report(app.test_client(), session, reg.school.id,
                                 [(files.screenshot_png(), "a.png"),
                                  (files.photo_with_gps(), "b.jpg")])
    sealed = [a.content_ct for a in attachments_of(session, report.id)]
    assert len(sealed) == 2
    summary = run(session, datetime.now(UTC) + timedelta(days=366 * 10),
                  outbox_dir=settings.outbox_dir)
    assert summary.anonymised == 1
    assert session.scalar(select(Attachment.id)) is None
    disk = all_bytes_at_rest(settings, session)  # SQLite file and its write-ahead log
    assert all(blob[20:80] not in disk for blob in sealed)
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "report.anonymised")).one()
    assert event.details["attachments"] == 2
