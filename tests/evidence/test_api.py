"""Files through the JSON API's multipart form of ``POST /api/v1/reports``."""

from __future__ import annotations

import io

from sqlalchemy import select

from evidence.sealing import attachments_of
from intake.receipts import report_for_receipt
from models import Attachment
from tests.evidence import files
from tests.evidence.helpers import NAME, TEXT
from tests.factories import register_school


def _post(client, school_id: int, attachments: list[tuple[bytes, str]], **headers):
    data = {"school_id": str(school_id), "victim_name": NAME, "text": TEXT,
            "attachments": [(io.BytesIO(body), name) for body, name in attachments]}
    return client.post("/api/v1/reports", data=data, content_type="multipart/form-data",
                       headers=headers)


def test_multipart_report_stores_sanitised_files(client, session):
    reg = register_school(session)
    response = _post(client, reg.school.id, [(files.photo_with_gps(), "a.jpg"),
                                             (files.pdf_with_javascript(), "b.pdf")])
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["attachments"] == 2 and body["status"] == "pending_moderation"
    session.expire_all()
    report = report_for_receipt(session, body["receipt"])
    assert [a.mime for a in attachments_of(session, report.id)] == ["image/jpeg",
                                                                      "application/pdf"]


def test_refused_file_is_a_json_error_naming_it_and_stores_nothing(client, session):
    reg = register_school(session)
    response = _post(client, reg.school.id, [(files.png_zip_polyglot(), "meme.png")],
                     **{"Accept-Language": "cs"})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "attachment_refused" and error["field"] == "attachments"
    assert "„meme.png“" in error["message"] and "skrývá" in error["message"]
    assert session.scalar(select(Attachment.id)) is None


def test_json_reports_still_work_and_keep_the_one_megabyte_limit(client, session):
    reg = register_school(session)
    ok = client.post("/api/v1/reports", json={"school_id": reg.school.id, "text": TEXT})
    assert ok.status_code == 201 and ok.get_json()["attachments"] == 0
    big = client.post("/api/v1/reports", data=b'{"text": "' + b"a" * 2_000_000 + b'"}',
                      content_type="application/json")
    assert big.status_code == 413 and big.get_json()["error"]["code"] == "too_large"


def test_other_content_types_get_a_415_that_names_both(client):
    response = client.post("/api/v1/reports", data="x", content_type="text/plain")
    assert response.status_code == 415
    assert "multipart/form-data" in response.get_json()["error"]["message"]
