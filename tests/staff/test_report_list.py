"""Item 1: a report list a school can work from, decrypted per request in the member's
session: name, class and first line; search, filters, sorting and paging; who handles it.
Analysts keep counts only."""

from __future__ import annotations

import re

from sqlalchemy import select

from models import AuditEvent, Report
from review_ui.portal.report_list import PAGE_SIZE, first_line, searchable
from tests.factories import csrf_token, delivered_report, login_member, register_school

PUPILS = [("Matěj Zelený", "4.A"), ("Anežka Křemenová", "6.C"), ("Tomáš Brabec", "2.B")]


def _ids(html: str) -> list[str]:
    return re.findall(r'<tr class="[^"]*" id="r-([0-9a-f]+)">', html)


def _search(client, text: str, **fields: str) -> str:
    """The filter form as the page posts it (a search never travels in the URL)."""
    response = client.post("/skola/", data={"csrf_token": csrf_token(client, "/skola/"),
                                             "hledat": text, **fields})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    return response.get_data(as_text=True)


def _school_with_reports(client, session, settings, count: int):
    reg = register_school(session)
    reports = []
    for i in range(count):
        name, klass = PUPILS[i % len(PUPILS)] if i < len(PUPILS) else (f"Žák Číslo{i}", "9.A")
        text = f"Případ {i}: spolužáci berou věci.\nDruhý řádek {i} se v seznamu neukazuje."
        report, _ = delivered_report(client, session, settings, reg.school.id, text, name=name,
                                     klass=klass)
        reports.append(report)
    return reg, reports


def test_rows_decrypted_searchable_sorted_and_paged(app, client, session, settings):
    reg, reports = _school_with_reports(client, session, settings, PAGE_SIZE + 5)
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)

    first = school.get("/skola/").get_data(as_text=True)
    assert len(_ids(first)) == PAGE_SIZE and "strana 1 z 2" in first
    assert "Případ 29: spolužáci berou věci." in first and "Druhý řádek" not in first
    second = school.get("/skola/?strana=2").get_data(as_text=True)
    assert len(_ids(second)) == 5 and set(_ids(first)).isdisjoint(_ids(second))

    found = _search(school, "kremenova")  # no diacritics
    assert _ids(school.get("/skola/?hledat=kremenova").get_data(as_text=True)) != _ids(found)
    assert _ids(found) == [reports[1].id]
    assert "Anežka Křemenová</td>" not in found  # name and class in one cell
    assert "Anežka Křemenová, 6.C" in found and "Nalezeno hlášení: <strong>1</strong>" in found
    everything = _search(school, "případ")  # all of them: paged by the form's own fields
    assert "strana 1 z 2" in everything and 'name="hledat" value="případ"' in everything
    assert len(_ids(_search(school, "případ", strana="2"))) == 5
    by_text = _search(school, "Druhý řádek 2")
    assert reports[2].id in _ids(by_text)  # the whole text is searched, not just line one

    by_name = _ids(school.get("/skola/?razeni=jmeno").get_data(as_text=True))
    assert by_name[:3] == [reports[1].id, reports[0].id, reports[2].id]  # Anežka, Matěj, Tomáš
    oldest = _ids(school.get("/skola/?razeni=nejstarsi").get_data(as_text=True))
    assert oldest[:3] == [r.id for r in reports[:3]]

    events = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "reports.list_decrypted").order_by(AuditEvent.id)).all()
    # a page decrypts its rows only; a search or name sort decrypts every candidate
    decrypted = [e.details["decrypted"] for e in events]
    assert decrypted[:2] == [PAGE_SIZE, 5] and PAGE_SIZE + 5 in decrypted
    assert all(set(e.details) == {"decrypted", "shown", "total"} for e in events)


def test_filters_handler_and_analyst(app, client, session, settings):
    reg, reports = _school_with_reports(client, session, settings, 3)
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    path = f"/skola/hlaseni/{reports[0].id}"
    page = school.get(path).get_data(as_text=True)
    assert 'id="resitel"' in page
    taken = school.post(f"{path}/resitel", data={"csrf_token": csrf_token(school, path),
                                                 "member_id": str(handler.id)})
    assert taken.status_code == 303
    session.expire_all()
    assert session.get(Report, reports[0].id).handler_member_id == handler.id
    mine = _ids(school.get(f"/skola/?resitel={handler.id}").get_data(as_text=True))
    assert mine == [reports[0].id]
    nobody = _ids(school.get("/skola/?resitel=nikdo").get_data(as_text=True))
    assert set(nobody) == {reports[1].id, reports[2].id}
    unread = _ids(school.get("/skola/?neprectene=1").get_data(as_text=True))
    assert set(unread) == {reports[1].id, reports[2].id}  # the first one was opened
    analyst_id = reg.members["analyst"][0].id
    refused = school.post(f"{path}/resitel", data={"csrf_token": csrf_token(school, path),
                                                   "member_id": str(analyst_id)})
    assert refused.status_code == 303
    session.expire_all()
    assert session.get(Report, reports[0].id).handler_member_id == handler.id

    analyst, analyst_password = reg.members["analyst"]
    counts = app.test_client()
    login_member(counts, analyst, analyst_password)
    response = counts.get("/skola/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/statistiky")


def test_first_line_and_search_folding():
    assert first_line("\n  První řádek  \nDruhý") == "První řádek"
    assert len(first_line("x" * 500)) == 120 and first_line("x" * 500).endswith("…")
    assert searchable("Matěj ZELENÝ, 4.A") == "matej zeleny, 4.a"
