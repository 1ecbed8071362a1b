"""Queue (oldest first, age, school, length, count), audit of views, statistics page."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select, update

from crypto.onboarding import new_onboarding_keypair, write_public_key
from models import AuditEvent, Report, utcnow
from review_ui.moderation.stats import compute, duration_cs, local_cs
from review_ui.moderation.views import age_cs
from tests.factories import csrf_token, make_school

TEXTS = ["Ve škole mi pořád někdo bere věci a nikdo s tím nic nedělá.",
         "Na chodbě do mě strkají a shazujou mi tašku ze schodů.",
         "Ve skupinovém chatu o mně píšou ošklivé věci."]


def _backdate(session, report_id: str, **delta: float) -> None:
    session.execute(update(Report).where(Report.id == report_id)
                    .values(created_at=utcnow() - timedelta(**delta)))
    session.commit()


def test_queue_lists_waiting_reports_oldest_first(mod_client, session, settings, school,
                                                  pending):
    write_public_key(settings.onboarding_public_key_path, new_onboarding_keypair().public)
    other = make_school(session, name="ZŠ Druhá, Polní 2", town="Polnov")
    session.commit()
    young = pending(school.school.id, TEXTS[0])
    old = pending(other.id, TEXTS[1])
    middle = pending(school.school.id, TEXTS[2])
    _backdate(session, old.id, days=3)
    _backdate(session, middle.id, hours=5)
    _backdate(session, young.id, minutes=2)

    page = mod_client.get("/moderace/").get_data(as_text=True)
    order = [m.group(1) for m in re.finditer(r'/moderace/hlaseni/([0-9a-f]{32})"', page)]
    assert order == [old.id, middle.id, young.id]
    assert "<strong>3</strong> hlášení čekají" in page
    assert "3 dny" in page and "5 hodin" in page and "2 minuty" in page
    assert "ZŠ Druhá, Polní 2" in page
    assert f"{len(TEXTS[1])} znaků" in page
    assert mod_client.get("/moderace/dalsi").headers["Location"].endswith(f"/hlaseni/{old.id}")

    token = csrf_token(mod_client, "/moderace/")
    mod_client.post(f"/moderace/hlaseni/{old.id}/rozhodnuti",
                    data={"csrf_token": token, "decision": "deliver"})
    page = mod_client.get("/moderace/").get_data(as_text=True)
    assert old.id not in page and "<strong>2</strong> hlášení čekají" in page


def test_views_are_audited_with_ids_and_counts_only(mod_client, session, moderator, school,
                                                    pending):
    report = pending(school.school.id, TEXTS[0])
    mod_client.get("/moderace/")
    mod_client.get(f"/moderace/hlaseni/{report.id}")
    mod_client.get("/moderace/statistiky")
    events = {e.action: e for e in session.scalars(select(AuditEvent).where(
        AuditEvent.actor == f"moderator:{moderator.id}"))}
    assert events["moderation.queue_viewed"].details == {"shown": 1, "waiting": 1}
    assert events["moderation.report_viewed"].target == f"report:{report.id}"
    assert events["moderation.stats_viewed"].details == {"days": 30}
    for event in events.values():
        assert all(isinstance(v, int | str) and len(str(v)) < 40
                   for v in event.details.values())


def test_review_page_shows_placeholders_marked_school_and_date(mod_client, school, pending):
    report = pending(school.school.id, "Petr Novák z 7.B mi bere svačinu a Petr se směje.",
                     name="Jana", klass="7.B")
    page = mod_client.get(f"/moderace/hlaseni/{report.id}").get_data(as_text=True)
    assert '<mark class="placeholder ph-PERSON">[OSOBA 1]</mark>' in page
    assert '<mark class="placeholder ph-CLASS">[TŘÍDA 1]</mark>' in page
    assert school.school.name in page
    assert local_cs(report.created_at) in page
    assert "Petr" not in page and "7.B" not in page


def test_statistics_figures_and_chart(mod_client, session, settings, school, pending):
    reports = [pending(school.school.id, text) for text in TEXTS]
    for report in reports:
        _backdate(session, report.id, hours=2)
    token = csrf_token(mod_client, "/moderace/")
    for report, decision in zip(reports[:2], ("deliver", "spam"), strict=True):
        mod_client.post(f"/moderace/hlaseni/{report.id}/rozhodnuti", data={
            "csrf_token": token, "decision": decision, "reason": "nesmysl"})
    mod_client.post(f"/moderace/hlaseni/{reports[2].id}/skryt", data={
        "csrf_token": token, "phrase": "skupinovém", "target": "new:ID"})

    figures = compute(session, utcnow(), 7)
    assert (figures.received, figures.decided, figures.spam) == (3, 2, 1)
    assert figures.spam_share == 0.5
    assert 119 <= figures.median_minutes <= 125  # backdated two hours before the decision
    assert figures.marks == 1 and figures.marks_by_label == {"ID": 1}
    assert round(figures.marks_per_100, 1) == 33.3
    assert [d.received for d in figures.days][-1] + [d.received for d in figures.days][-2] == 3

    page = mod_client.get("/moderace/statistiky?dny=7").get_data(as_text=True)
    assert 'id="fig-received">3<' in page and 'id="fig-spam">50 %<' in page
    assert 'id="fig-marks">33,3<' in page and "jiné údaje: 1" in page
    assert "<svg" in page and page.count("<rect ") >= 2 and "spam 1</title>" in page
    assert mod_client.get("/moderace/statistiky?dny=abc").status_code == 200


def test_czech_durations_and_ages():
    assert duration_cs(None) == "–" and duration_cs(12) == "12 min"
    assert duration_cs(150) == "2,5 h" and duration_cs(3 * 1440) == "3,0 dne"
    now = utcnow()
    assert age_cs(now, now) == "méně než minutu"
    assert age_cs(now - timedelta(minutes=1), now) == "1 minuta"
    assert age_cs(now - timedelta(hours=3), now) == "3 hodiny"
    assert age_cs(now - timedelta(days=7), now) == "7 dní"
