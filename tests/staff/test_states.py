"""Item 3 of the staff screens: labels and flags that say what is true.

The school's own replies are never "awaiting moderation"; the audit flag of a sent
message says whether it awaits moderation; a counsellor's advice is signed with their
name; the statistics chart's axis reaches its tallest bar.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from models import AuditEvent, Message, MessageAuthor
from review_ui.moderation.chart import daily_chart
from review_ui.moderation.stats import Day
from review_ui.portal.chart import axis_ticks, bar_chart
from tests.conversation.helpers import open_status, reporter_writes, school_writes
from tests.counsellor.helpers import login_counsellor, make_counsellor, write_advice
from tests.factories import delivered_report, login_member, register_school

AWAITING = "čeká na kontrolu, škola ji zatím nevidí"


def _sent_flags(session) -> list[bool]:
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "message.sent",
                                                      AuditEvent.actor == "reporter")
                             .order_by(AuditEvent.id)).all()
    return [e.details["awaiting_moderation"] for e in events]


def test_school_reply_is_never_awaiting_moderation(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id,
                                       "Spolužáci mi berou svačiny.")
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    assert school_writes(school, report.id, "Děkujeme, ozvěte se prosím.").status_code == 302
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, "Dnes to bylo zase.")

    session.expire_all()
    reply = session.scalars(select(Message).where(Message.author == MessageAuthor.SCHOOL)).one()
    assert reply.moderated_at is not None and reply.withheld_at is None
    school_page = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert "Děkujeme, ozvěte se prosím." in school_page and AWAITING not in school_page
    reporter_page = reporter.get("/stav/konverzace").get_data(as_text=True)
    # exactly one label: the reporter's own follow-up, which really waits
    assert reporter_page.count(AWAITING) == 1
    own = re.search(r'<li class="msg msg-own".*?</li>', reporter_page, re.S).group(0)
    assert "Dnes to bylo zase." in own and AWAITING in own


def test_sent_message_audit_flag_says_whether_it_awaits_moderation(app, client, session,
                                                                     settings):
    reg = register_school(session)
    _report, receipt = delivered_report(client, session, settings, reg.school.id,
                                        "Ve třídě se mi smějí.")
    reporter = app.test_client()
    open_status(reporter, receipt)
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=True)
    reporter_writes(reporter, "Moderovaná zpráva.")
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=False)
    reporter_writes(reporter, "Nemoderovaná zpráva.")
    response = client.post("/api/v1/reports/messages", json={"text": "Z aplikace."},
                           headers={"Authorization": f"Bearer {receipt}"})
    assert response.status_code == 201 and response.get_json()["awaiting_moderation"] is False
    session.expire_all()
    assert _sent_flags(session) == [True, False, False]
    first, second, third = session.scalars(select(Message).order_by(Message.id)).all()
    assert first.moderated_at is None and second.moderated_at and third.moderated_at


def test_counsellor_advice_is_signed_with_their_name(app, client, session, settings):
    from tests.counsellor.helpers import share

    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id,
                                 "Kluci ze třídy mě strkají.")
    counsellor = make_counsellor(session, "radova", "Mgr. Pavla Radová")
    admin, password = reg.members["admin"]
    school = app.test_client()
    login_member(school, admin, password)
    assert share(school, report.id, counsellor.id).status_code == 302
    adviser = app.test_client()
    login_counsellor(adviser, counsellor)
    assert write_advice(adviser, report.id, "Doporučuji mluvit s rodiči.").status_code == 302
    page = school.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    note = page[page.index('id="poznamky"'):]
    assert '<span class="signature">Mgr. Pavla Radová</span> (poradce)' in note
    assert note.index("Mgr. Pavla Radová") < note.index("Doporučuji mluvit s rodiči.")


def _top_tick(svg: str) -> int:
    return max(int(t) for t in re.findall(r'text-anchor="end"[^>]*>(\d+)</text>', svg))


def test_chart_axis_covers_the_tallest_bar():
    for largest in (1, 3, 4, 5, 9, 17, 101):
        ticks = axis_ticks(largest)
        assert ticks[0] == 0 and ticks[-1] >= largest and len(set(ticks)) == 5
    assert axis_ticks(5) == [0, 2, 4, 6, 8]  # before: 0, 2, 4 under a bar of 5
    svg = str(bar_chart(["a", "b"], [5, 2], "Test"))
    assert _top_tick(svg) >= 5
    # the bar of 5 is drawn inside the plot: its top is at or below the top tick's line
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert max(heights) < 260 - 40 - 16
    from datetime import date

    for received in (3, 7, 21, 45):
        chart = daily_chart([Day(date(2026, 1, 1), received=received, passed=received)])
        assert int(chart.y_ticks[-1].text) >= received
        assert chart.rects[0].y >= chart.y_ticks[-1].y - 4  # the bar stays under the top tick
