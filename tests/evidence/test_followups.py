"""Files sent with a reporter's follow-up: sealed under the message's key, counted for the
moderator, downloadable by the school only once the message is passed; web form and API."""

from __future__ import annotations

import io

from sqlalchemy import select

from evidence.sealing import message_attachments
from models import Attachment, Message
from tests.at_rest import all_bytes_at_rest
from tests.conversation.helpers import open_status
from tests.evidence import files
from tests.factories import (
    csrf_token,
    delivered_report,
    login_member,
    login_moderator,
    make_moderator,
    register_school,
)

TEXT = "Posílám další snímek, dneska to pokračovalo."


def _reporter_sends(client, attachments):
    token = csrf_token(client, "/stav/konverzace")
    return client.post("/stav/konverzace", content_type="multipart/form-data", data={
        "csrf_token": token, "text": TEXT,
        "attachments": [(io.BytesIO(body), name) for body, name in attachments]})


def test_followup_file_reaches_the_school_after_moderation(app, client, session, settings):
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id, "Bere mi věci.")
    reporter = app.test_client()
    open_status(reporter, receipt)
    photo = files.photo_with_gps()
    sent = _reporter_sends(reporter, [(photo, "IMG_2211.jpg")])
    assert sent.status_code == 302, sent.get_data(as_text=True)[:500]
    session.expire_all()
    message = session.scalars(select(Message).where(Message.report_id == report.id)).one()
    (stored,) = message_attachments(session, message.id)
    assert stored.number == 1 and stored.mime == "image/jpeg"
    assert files.SERIAL.encode() not in all_bytes_at_rest(settings, session)
    assert "priloha-1.jpg" in reporter.get("/stav/konverzace").get_data(as_text=True)

    school = app.test_client()
    handler, password = reg.members["handler"]
    login_member(school, handler, password)
    url = f"/skola/hlaseni/{report.id}/zpravy/prilohy/1"
    assert school.get(url).status_code == 404  # not passed by a moderator yet
    assert school.get(f"/skola/hlaseni/{report.id}/prilohy/1").status_code == 404

    moderator = app.test_client()
    login_moderator(moderator, make_moderator(session))
    queue = moderator.get("/moderace/zpravy").get_data(as_text=True)
    assert "Přílohy: 1 obrázek (JPEG" in queue and "zpravy/prilohy" not in queue
    token = csrf_token(moderator, "/moderace/zpravy")
    moderator.post(f"/moderace/zpravy/{message.id}", data={"csrf_token": token,
                                                           "decision": "pass"})
    thread = school.get(f"/skola/hlaseni/{report.id}/konverzace").get_data(as_text=True)
    assert url in thread
    download = school.get(url)
    assert download.status_code == 200 and download.mimetype == "image/jpeg"
    assert files.SERIAL.encode() not in download.get_data()


def test_refused_followup_file_keeps_the_text(app, client, session, settings):
    reg = register_school(session)
    _report, receipt = delivered_report(client, session, settings, reg.school.id, "Bere mi věci.")
    reporter = app.test_client()
    open_status(reporter, receipt)
    response = _reporter_sends(reporter, [(files.exe_named_jpg(), "hra.jpg")])
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "„hra.jpg“ není obrázek ani PDF" in page
    assert TEXT in page
    assert session.scalar(select(Message.id)) is None
    assert session.scalar(select(Attachment.id)) is None


def test_api_followup_with_a_file(app, client, session, settings):
    reg = register_school(session)
    _report, receipt = delivered_report(client, session, settings, reg.school.id, "Bere mi věci.")
    response = client.post("/api/v1/reports/messages", content_type="multipart/form-data",
                           headers={"Authorization": f"Bearer {receipt}"},
                           data={"text": TEXT, "attachments": [
                               (io.BytesIO(files.pdf_with_javascript()), "chat.pdf")]})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["attachments"] == 1
    refused = client.post("/api/v1/reports/messages", content_type="multipart/form-data",
                          headers={"Authorization": f"Bearer {receipt}"},
                          data={"text": TEXT, "attachments": [
                              (io.BytesIO(files.truncated_png()), "cut.png")]})
    assert refused.status_code == 400
    assert refused.get_json()["error"]["field"] == "attachments"
