"""Reports in the portal: list with filters and unread marker, decrypted page, notes, status."""

from __future__ import annotations

import re

from sqlalchemy import select

from models import AuditEvent, Note, Report, ReportStatus
from tests.at_rest import all_bytes_at_rest
from tests.factories import csrf_token, delivered_report, login_member, register_school

NAME, CLASS = "Radek Šťastný", "7.B"
TEXT = f"{NAME} ze {CLASS} dostává každý den facky od Tomáše Veselého."
NOTE = "Mluvila jsem s třídní učitelkou Hanou Kubíčkovou."


def _logged_in_handler(client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id, TEXT, name=NAME,
                                 klass=CLASS)
    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    return reg, report


def test_report_page_decrypts_and_redacted_version_is_one_click_away(client, session, settings):
    reg, report = _logged_in_handler(client, session, settings)
    listing = client.get("/skola/").get_data(as_text=True)
    assert "nepřečteno" in listing and "Nepřečtených hlášení: <strong>1" in listing
    page = client.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert NAME in page and CLASS in page and "Tomáše Veselého" in page
    assert '<details class="card" id="redacted">' in page
    redacted = re.search(r'id="redacted-text">(.*?)</p>', page, re.S).group(1)
    assert "Veselého" not in redacted and "[OSOBA" in redacted  # as the moderator passed it
    session.expire_all()
    stored = session.get(Report, report.id)
    assert '<mark class="placeholder">[' in page  # placeholders highlighted, originals listed
    assert stored.read_by_school_at is not None
    assert "nepřečteno" not in client.get("/skola/").get_data(as_text=True)
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "report.decrypted")).one()
    assert event.target == f"report:{report.id}" and event.actor.startswith("member:")
    assert NAME not in repr(event.details)


def test_notes_are_sealed_and_shown_to_the_school(client, session, settings):
    reg, report = _logged_in_handler(client, session, settings)
    path = f"/skola/hlaseni/{report.id}"
    response = client.post(f"{path}/poznamka", data={"csrf_token": csrf_token(client, path),
                                                     "body": NOTE})
    assert response.status_code == 303
    assert NOTE in client.get(path).get_data(as_text=True)
    session.expire_all()
    note = session.scalars(select(Note)).one()
    assert NOTE.encode() not in note.body_ct
    assert NOTE.encode() not in all_bytes_at_rest(settings, session)
    empty = client.post(f"{path}/poznamka", data={"csrf_token": csrf_token(client, path),
                                                  "body": "   "})
    assert empty.status_code == 400 and "Poznámka musí mít" in empty.get_data(as_text=True)


def test_status_changes_and_filters(client, session, settings):
    reg, report = _logged_in_handler(client, session, settings)
    second, _ = delivered_report(client, session, settings, reg.school.id, "Druhé hlášení.")
    path = f"/skola/hlaseni/{report.id}"
    for status in ("in_progress", "resolved"):
        response = client.post(f"{path}/stav", data={"csrf_token": csrf_token(client, path),
                                                     "status": status, "potvrzeno": "1"})
        assert response.status_code == 303
    session.expire_all()
    resolved = session.get(Report, report.id)
    assert resolved.status == ReportStatus.RESOLVED and resolved.resolved_at is not None
    refused = client.post(f"{path}/stav", data={"csrf_token": csrf_token(client, path),
                                                "status": "spam"})
    assert refused.status_code == 400
    changes = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "report.status_changed")).all()
    assert [(e.details["old"], e.details["new"]) for e in changes] == [
        ("delivered", "in_progress"), ("in_progress", "resolved")]

    def listed(query: str) -> bool:
        return f"/skola/hlaseni/{report.id}" in client.get("/skola/" + query).get_data(
            as_text=True)

    assert listed("?stav=vyreseno") and not listed("?stav=nove") and listed("?stav=vse")
    assert not listed("?neprectene=1")
    assert f"/skola/hlaseni/{second.id}" in client.get("/skola/?stav=nove&neprectene=1").get_data(
        as_text=True)


def test_pending_and_foreign_reports_stay_hidden(client, session, settings, app):
    reg, report = _logged_in_handler(client, session, settings)
    other = register_school(session)
    foreign, _ = delivered_report(app.test_client(), session, settings, other.school.id, "Cizí.")
    assert client.get(f"/skola/hlaseni/{foreign.id}").status_code == 404
    session.get(Report, report.id).status = ReportStatus.PENDING_MODERATION
    session.commit()
    assert client.get(f"/skola/hlaseni/{report.id}").status_code == 404
    assert client.get("/skola/hlaseni/neexistuje").status_code == 404


def test_times_are_shown_in_czech_local_time(client, session, settings):
    """Stored in UTC; the school sees Prague time, as the moderator and the PDF do."""
    from datetime import UTC, datetime

    reg, report = _logged_in_handler(client, session, settings)
    stored = session.get(Report, report.id)
    stored.created_at = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 00:30 on 22 November in Prague
    session.commit()
    assert "22. 11. 2026 00:30" in client.get("/skola/").get_data(as_text=True)
    assert "Hlášení z 22. 11. 2026" in client.get(f"/skola/hlaseni/{report.id}").get_data(
        as_text=True)
