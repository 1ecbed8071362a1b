"""The status page tells the truth for every state (issue 17, item 4).

Each situation of ``intake.status.STATUS_TEXTS`` is reached the way the product reaches
it (intake, the moderator's hand-over, the school reading, writing and resolving), then
read on the pupil's status page with the receipt.
"""

from __future__ import annotations

import re

from delivery.handover import hand_over
from intake.receipts import report_for_receipt
from intake.status import STATUS_TEXTS, situation_of
from models import MessageAuthor, Plan, ReportStatus, utcnow
from review_ui.thread import add_message
from tests.factories import csrf_token, make_school, moderators_message_text, register_school

MODERATOR_HINT = "zkontroluje moderátor"


def _submit(client, school_id: int) -> str:
    response = client.post("/api/v1/reports", json={"school_id": school_id,
                                                    "text": "Strkají mě do skříňky."})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["receipt"]


def _with_status(client, session, school_id: int, status: ReportStatus) -> str:
    """A report of ``school_id`` put into ``status``; returns its receipt."""
    receipt = _submit(client, school_id)
    session.expire_all()
    report_for_receipt(session, receipt).status = status
    session.commit()
    return receipt


def _status_page(app, receipt: str) -> str:
    client = app.test_client()  # a fresh device, as a pupil coming back
    token = csrf_token(client, "/stav")
    response = client.post("/stav", data={"csrf_token": token, "receipt": receipt})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _shows(page: str, situation: str) -> None:
    text = STATUS_TEXTS[situation]
    assert re.search(r'<strong id="status">([^<]*)</strong>', page).group(1) == str(text.label)
    shown = re.search(r'<p id="status-explanation">([^<]*)</p>', page).group(1)
    assert shown == str(text.explanation).replace("\u2013", "–")
    assert (MODERATOR_HINT in page) == text.moderation_ahead


def test_every_situation_has_a_label_and_an_explanation():
    assert len({str(t.explanation) for t in STATUS_TEXTS.values()}) == len(STATUS_TEXTS)
    assert all(str(t.label) and str(t.explanation) for t in STATUS_TEXTS.values())


def test_registered_school_pending_delivered_opened_in_progress_resolved(app, client, session,
                                                                        settings):
    reg = register_school(session)
    receipt = _submit(client, reg.school.id)
    session.expire_all()
    report = report_for_receipt(session, receipt)
    page = _status_page(app, receipt)
    _shows(page, "pending")
    assert 'action="/stav/konverzace"' in page  # a follow-up before the school opens it

    hand_over(session, settings, report)
    session.commit()
    page = _status_page(app, receipt)
    _shows(page, "delivered")

    report.read_by_school_at = utcnow()
    session.commit()
    _shows(_status_page(app, receipt), "delivered_opened")

    report.status = ReportStatus.IN_PROGRESS
    session.commit()
    _shows(_status_page(app, receipt), "in_progress")

    report.status = ReportStatus.RESOLVED
    session.commit()
    _shows(_status_page(app, receipt), "resolved_silent")

    add_message(session, settings, report, MessageAuthor.SCHOOL, "Děkujeme, řešíme to.")
    session.commit()
    _shows(_status_page(app, receipt), "resolved_message")


def test_spam_is_said_kindly_with_what_to_do(app, client, session):
    receipt = _with_status(client, session, register_school(session).school.id,
                           ReportStatus.SPAM)
    page = _status_page(app, receipt)
    _shows(page, "spam")
    assert "pošli hlášení prosím znovu" in page and "116 111" in page


def test_unregistered_school_waits_as_pdf_and_says_so(app, client, session, settings,
                                                       onboarding):
    school = make_school(session)
    session.commit()
    receipt = _submit(client, school.id)
    session.expire_all()
    report = report_for_receipt(session, receipt)
    page = _status_page(app, receipt)
    _shows(page, "pending")
    assert 'action="/stav/konverzace"' not in page  # nowhere to seal a follow-up to

    hand_over(session, settings, report)
    session.commit()
    assert report.status == ReportStatus.AWAITING_PDF
    page = _status_page(app, receipt)
    _shows(page, "pdf_unregistered")
    assert "zaregistruje" in page


def test_basic_plan_school_got_the_pdf(app, client, session, settings):
    reg = register_school(session, plan=Plan.BASIC)
    receipt = _submit(client, reg.school.id)
    session.expire_all()
    report = report_for_receipt(session, receipt)
    hand_over(session, settings, report)
    session.commit()
    _shows(_status_page(app, receipt), "pdf_registered")


def test_anonymised(app, client, session):
    receipt = _with_status(client, session, register_school(session).school.id,
                           ReportStatus.ANONYMISED)
    assert situation_of(session, report_for_receipt(session, receipt)) == "anonymised"


def test_pupil_follow_up_before_moderation_reaches_the_moderator(app, client, session):
    reg = register_school(session)
    receipt = _submit(client, reg.school.id)
    pupil = app.test_client()
    token = csrf_token(pupil, "/stav")
    pupil.post("/stav", data={"csrf_token": token, "receipt": receipt})
    sent = pupil.post("/stav/konverzace", data={"csrf_token": token,
                                                "text": "Ještě jsem zapomněl: i v jídelně."})
    assert sent.status_code == 302
    from review_ui.thread import awaiting_moderation

    session.expire_all()
    (message,) = awaiting_moderation(session)
    assert message.author == MessageAuthor.REPORTER
    assert moderators_message_text(session, message.id)  # sealed for the moderators
