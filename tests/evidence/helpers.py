"""Posting the pupil's form with files, as a phone's browser does (multipart)."""

from __future__ import annotations

import io
import re

from intake.receipts import report_for_receipt
from tests.factories import csrf_token

NAME, CLASS = "Kristýna Vondráčková", "6.A"
TEXT = "Ve skupině třídy o ní posílají posměšné obrázky, přikládám snímky obrazovky."


def post_form(client, school_id: int, attachments: list[tuple[bytes, str]], text: str = TEXT,
              follow: bool = False):
    token = csrf_token(client, "/")
    data = {"csrf_token": token, "school_id": str(school_id), "victim_name": NAME,
            "victim_class": CLASS, "text": text,
            "attachments": [(io.BytesIO(body), name) for body, name in attachments]}
    return client.post("/nahlasit", data=data, content_type="multipart/form-data",
                       follow_redirects=follow)


def submitted_report(client, session, school_id: int, attachments: list[tuple[bytes, str]]):
    response = post_form(client, school_id, attachments, follow=True)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    receipt = re.search(r'data-receipt="([0-9-]+)"', response.get_data(as_text=True)).group(1)
    session.expire_all()
    return report_for_receipt(session, receipt), receipt
