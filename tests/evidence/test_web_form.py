"""Files through the pupil's web form: stored only sanitised and sealed, counted for the
moderator, opened by the school; hostile files refused with Czech messages and no 5xx."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image
from sqlalchemy import select

from evidence.sealing import attachments_of, open_attachment
from models import Attachment, AuditEvent
from tests.at_rest import all_bytes_at_rest
from tests.evidence import files
from tests.evidence.helpers import CLASS, NAME, TEXT, post_form, submitted_report
from tests.factories import (
    csrf_token,
    login_member,
    login_moderator,
    make_moderator,
    register_school,
    school_data_key,
)


def _deliver(client, session, report, moderator) -> None:
    path = f"/moderace/hlaseni/{report.id}"
    response = client.post(f"{path}/rozhodnuti", data={
        "csrf_token": csrf_token(client, path), "decision": "deliver"})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]
    session.expire_all()


def test_photo_and_screenshot_reach_the_school_clean_and_never_rest_in_clear(
        app, session, settings):
    reg = register_school(session)
    photo, shot = files.photo_with_gps(), files.screenshot_png()
    report, _ = submitted_report(app.test_client(), session, reg.school.id,
                                 [(photo, "IMG_20261202_GPS.jpg"), (shot, "Screenshot.png")])
    stored = attachments_of(session, report.id)
    assert [(a.number, a.mime) for a in stored] == [(1, "image/jpeg"), (2, "image/png")]

    # At rest: neither file, nor any of their metadata, nor the pupil's file names.
    disk = all_bytes_at_rest(settings, session)
    for secret in (photo[-4000:-2000], shot[100:400], files.SERIAL.encode(),
                   files.OWNER.encode("utf-8"), files.MAKER_NOTE, b"IMG_20261202_GPS",
                   b"Screenshot.png"):
        assert secret not in disk, secret
    clean_photo = open_attachment(stored[0], school_data_key(session, report, reg))
    assert clean_photo[200:400] not in disk  # the sanitised bytes are sealed, too

    # The moderator: "2 obrázky", sizes and types, no image bytes anywhere in the page.
    moderator = make_moderator(session)
    mod = app.test_client()
    login_moderator(mod, moderator)
    page = mod.get(f"/moderace/hlaseni/{report.id}")
    html = page.get_data(as_text=False)
    assert page.status_code == 200 and "2 obrázky" in page.get_data(as_text=True)
    assert "JPEG" in page.get_data(as_text=True) and "PNG" in page.get_data(as_text=True)
    assert b"prilohy" not in html and b"<img" not in html and clean_photo[200:300] not in html
    assert mod.get(f"/skola/hlaseni/{report.id}/prilohy/1").status_code in (302, 403)
    _deliver(mod, session, report, moderator)

    # The school: sees both, downloads the photo; its metadata holds none of the leaks.
    school = app.test_client()
    handler, password = reg.members["handler"]
    login_member(school, handler, password)
    page = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert "Přílohy od oznamovatele (2)" in page and "priloha-1.jpg" in page
    assert f"/skola/hlaseni/{report.id}/prilohy/2?nahled=1" in page
    download = school.get(f"/skola/hlaseni/{report.id}/prilohy/1")
    assert download.status_code == 200 and download.mimetype == "image/jpeg"
    assert 'filename="priloha-1.jpg"' in download.headers["Content-Disposition"]
    assert "sandbox" in download.headers["Content-Security-Policy"]
    assert download.headers["Cache-Control"] == "no-store"
    body = download.get_data()
    for leak in (files.SERIAL.encode(), files.OWNER.encode("utf-8"), files.MAKE.encode(),
                 files.MAKER_NOTE, b"Exif"):
        assert leak not in body
    image = Image.open(io.BytesIO(body))
    assert dict(image.getexif()) == {} and image.size == (300, 400)  # upright
    assert school.get(f"/skola/hlaseni/{report.id}/prilohy/3").status_code == 404
    session.expire_all()
    audit = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "attachment.decrypted")).all()
    assert [e.target for e in audit] == [f"report:{report.id}"]


def test_another_schools_member_cannot_open_the_files(app, session):
    reg, other = register_school(session), register_school(session)
    report, _ = submitted_report(app.test_client(), session, reg.school.id,
                                 [(files.screenshot_png(), "a.png")])
    moderator = make_moderator(session)
    mod = app.test_client()
    login_moderator(mod, moderator)
    _deliver(mod, session, report, moderator)
    stranger = app.test_client()
    handler, password = other.members["handler"]
    login_member(stranger, handler, password)
    assert stranger.get(f"/skola/hlaseni/{report.id}/prilohy/1").status_code == 404
    analyst_client = app.test_client()
    analyst, password = reg.members["analyst"]
    login_member(analyst_client, analyst, password)
    assert analyst_client.get(f"/skola/hlaseni/{report.id}/prilohy/1").status_code == 403


HOSTILE = [
    ("bomb", files.decompression_bomb, "bomba.png", "příliš mnoho bodů"),
    ("truncated", files.truncated_png, "useknuty.png", "poškozený nebo neúplný"),
    ("polyglot", files.png_zip_polyglot, "obrazek.png", "skrývá ještě jiný soubor"),
    ("exe", files.exe_named_jpg, "fotka.jpg", "není obrázek ani PDF"),
]


@pytest.mark.parametrize(("case", "make", "name", "message"), HOSTILE,
                         ids=[case[0] for case in HOSTILE])
def test_hostile_file_is_refused_in_czech_with_the_text_kept(app, session, case, make, name,
                                                             message):
    reg = register_school(session)
    client = app.test_client()
    response = post_form(client, reg.school.id, [(files.screenshot_png(), "ok.png"),
                                                 (make(), name)])
    page = response.get_data(as_text=True)
    assert response.status_code == 400, page[:500]
    assert message in page and f"„{name}“" in page
    assert TEXT in page and f'value="{NAME}"' in page and f'value="{CLASS}"' in page
    assert 'id="attachments-again"' in page  # says the files must be chosen again
    assert session.scalar(select(Attachment.id)) is None
    assert client.get("/").status_code == 200  # the server keeps serving


def test_pdf_with_javascript_is_kept_without_it(app, session):
    reg = register_school(session)
    report, _ = submitted_report(app.test_client(), session, reg.school.id,
                                 [(files.pdf_with_javascript(), "dukaz.pdf")])
    (stored,) = attachments_of(session, report.id)
    clean = open_attachment(stored, school_data_key(session, report, reg))
    assert stored.mime == "application/pdf" and stored.pages == 1
    assert b"stealCookies" not in clean and b"EMBEDDED-SECRET-FILE" not in clean


def test_fifty_megabyte_file_is_refused_with_the_text_kept(app, session):
    reg = register_school(session)
    big = b"\xff\xd8\xff\xe0" + b"\x00" * (50 * 1024 * 1024)
    response = post_form(app.test_client(), reg.school.id, [(big, "video.jpg")])
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "„video.jpg“ je moc velký" in page
    assert "nejvýše 10 MB" in page and TEXT in page


def test_six_files_are_too_many(app, session):
    reg = register_school(session)
    shot = files.screenshot_png(40, 40)
    response = post_form(app.test_client(), reg.school.id, [(shot, f"{i}.png") for i in range(6)])
    assert response.status_code == 400
    assert "nejvýše 5 souborů" in response.get_data(as_text=True)


def test_body_over_the_upload_limit_is_a_czech_413(app, session):
    reg = register_school(session)
    huge = b"\x00" * (65 * 1024 * 1024)
    response = post_form(app.test_client(), reg.school.id, [(huge, "x.jpg")])
    assert response.status_code == 413
    assert "soubory byly dohromady moc velké" in response.get_data(as_text=True)


def test_other_forms_keep_the_one_megabyte_limit(app):
    client = app.test_client()
    response = client.post("/stav", data={"receipt": "1", "x": (io.BytesIO(b"a" * 2_000_000),
                                                               "a.png")},
                           content_type="multipart/form-data")
    assert response.status_code == 413


def test_report_without_files_still_works_and_shows_no_section(app, session):
    reg = register_school(session)
    report, _ = submitted_report(app.test_client(), session, reg.school.id, [])
    assert attachments_of(session, report.id) == []
    mod = app.test_client()
    login_moderator(mod, make_moderator(session))
    page = mod.get(f"/moderace/hlaseni/{report.id}").get_data(as_text=True)
    assert re.search(r'id="attachments-summary">žádné<', page)
