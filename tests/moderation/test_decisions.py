"""Decisions: deliver / spam / second look, each exactly once, audited, never twice."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from crypto.onboarding import new_onboarding_keypair, write_public_key
from models import AuditEvent, Decision, ModerationDecision, Report, ReportStatus
from ozvise.db import session_factory
from review_ui.moderation.decisions import DecisionRefused, decide
from tests.factories import (
    csrf_token,
    login_member,
    login_moderator,
    make_moderator,
    make_school,
    moderation_key,
)

TEXT = "Spolužáci mi každý den berou svačinu a smějou se mi, když brečím."


def _decide(client, report_id: str, decision: str, reason: str | None = None):
    token = csrf_token(client, "/moderace/")
    data = {"csrf_token": token, "decision": decision}
    if reason is not None:
        data["reason"] = reason
    return client.post(f"/moderace/hlaseni/{report_id}/rozhodnuti", data=data)


def _status(session, report_id: str) -> ReportStatus:
    session.expire_all()
    return session.get(Report, report_id).status


def test_not_spam_delivers_to_the_portal(app, mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    member, password = school.members["handler"]
    school_client = app.test_client()
    login_member(school_client, member, password)
    assert school_client.get(f"/skola/hlaseni/{report.id}").status_code == 404  # not yet

    response = _decide(mod_client, report.id, "deliver")
    assert response.status_code == 302 and response.headers["Location"].endswith("/dalsi")
    assert _status(session, report.id) == ReportStatus.DELIVERED
    assert school_client.get(f"/skola/hlaseni/{report.id}").status_code == 200
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "moderation.decided")).one()
    assert event.target == f"report:{report.id}"
    assert event.details == {"decision": "deliver", "status": "delivered"}


def test_not_spam_for_a_school_without_portal_waits_for_the_pdf(
        mod_client, session, settings, pending):
    write_public_key(settings.onboarding_public_key_path, new_onboarding_keypair().public)
    other = make_school(session, name="ZŠ Bez portálu")
    session.commit()
    report = pending(other.id, TEXT)
    _decide(mod_client, report.id, "deliver")
    assert _status(session, report.id) == ReportStatus.AWAITING_PDF
    page = mod_client.get("/moderace/").get_data(as_text=True)
    assert "PDF chráněné heslem" in page


def test_spam_needs_a_reason(mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    response = _decide(mod_client, report.id, "spam")
    assert response.status_code == 400
    assert "vyberte prosím důvod" in response.get_data(as_text=True)
    assert _decide(mod_client, report.id, "spam", "<script>").status_code == 400
    assert _status(session, report.id) == ReportStatus.PENDING_MODERATION
    assert _decide(mod_client, report.id, "spam", "reklama").status_code == 302
    assert _status(session, report.id) == ReportStatus.SPAM
    decision = session.scalars(select(ModerationDecision)).one()
    assert (decision.decision, decision.reason) == (Decision.SPAM, "reklama")


def test_second_look_leaves_the_askers_queue(mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    assert _decide(mod_client, report.id, "second_look").status_code == 302
    assert _status(session, report.id) == ReportStatus.SECOND_LOOK
    queue = mod_client.get("/moderace/").get_data(as_text=True)
    assert report.id not in queue  # it waits for another moderator (tests/staff)
    assert "čeká 1 hlášení, o které jste požádali vy" in queue
    review = mod_client.get(f"/moderace/hlaseni/{report.id}").get_data(as_text=True)
    assert "jiný moderátor požádal o další názor" in review
    assert 'id="decide-second"' not in review
    assert _decide(mod_client, report.id, "second_look").status_code == 409
    assert _status(session, report.id) == ReportStatus.SECOND_LOOK


def test_second_look_is_decided_by_another_moderator(app, mod_client, session, school,
                                                     pending, moderator):
    report = pending(school.school.id, TEXT)
    member, password = school.members["handler"]
    assert _decide(mod_client, report.id, "second_look").status_code == 302
    for choice, reason in (("deliver", None), ("spam", "nesmysl")):
        refused = _decide(mod_client, report.id, choice, reason)
        assert refused.status_code == 403
        assert "musí rozhodnout jiný moderátor" in refused.get_data(as_text=True)
        assert _status(session, report.id) == ReportStatus.SECOND_LOOK
    school_client = app.test_client()
    login_member(school_client, member, password)
    assert school_client.get(f"/skola/hlaseni/{report.id}").status_code == 404  # not yet

    other_mod = make_moderator(session, "druhy")
    other = app.test_client()
    login_moderator(other, other_mod)
    assert _decide(other, report.id, "deliver").status_code == 302
    assert _status(session, report.id) == ReportStatus.DELIVERED
    assert school_client.get(f"/skola/hlaseni/{report.id}").status_code == 200
    decisions = session.scalars(select(ModerationDecision).order_by(ModerationDecision.id))
    assert [(d.decision, d.moderator_id) for d in decisions] == [
        (Decision.SECOND_LOOK, moderator.id), (Decision.DELIVER, other_mod.id)]


def test_own_second_look_refused_in_the_service_too(session, settings, school, pending,
                                                    moderator):
    report = pending(school.school.id, TEXT)
    key = moderation_key(session)
    decide(session, settings, report.id, moderator.id, Decision.SECOND_LOOK, moderation_key=key)
    session.commit()
    for choice, reason in ((Decision.DELIVER, None), (Decision.SPAM, "reklama")):
        try:
            decide(session, settings, report.id, moderator.id, choice, reason,
                   moderation_key=key)
        except DecisionRefused as exc:
            session.rollback()
            assert exc.status == 403 and "jiný moderátor" in exc.message
        else:
            raise AssertionError("the moderator who asked decided the second look")
    assert _status(session, report.id) == ReportStatus.SECOND_LOOK
    other = make_moderator(session, "treti")
    assert decide(session, settings, report.id, other.id, Decision.SPAM,
                  "reklama", moderation_key=key).status == ReportStatus.SPAM
    session.commit()
    assert _status(session, report.id) == ReportStatus.SPAM


def test_unknown_decision_and_unknown_report(mod_client, school, pending):
    report = pending(school.school.id, TEXT)
    assert _decide(mod_client, report.id, "publish").status_code == 400
    assert _decide(mod_client, "0" * 32, "deliver").status_code == 404
    assert mod_client.get(f"/moderace/hlaseni/{'0' * 32}").status_code == 404


def test_a_second_moderator_cannot_decide_again(app, mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    other = app.test_client()
    login_moderator(other, make_moderator(session, "druhy"))
    page = other.get(f"/moderace/hlaseni/{report.id}")
    assert page.status_code == 200  # both have the report open
    assert _decide(mod_client, report.id, "deliver").status_code == 302
    response = _decide(other, report.id, "spam", "nesmysl")
    assert response.status_code == 409
    assert "už rozhodl jiný moderátor" in response.get_data(as_text=True)
    assert _status(session, report.id) == ReportStatus.DELIVERED
    assert session.scalar(select(func.count(ModerationDecision.id))) == 1
    assert other.get(f"/moderace/hlaseni/{report.id}").status_code == 409


def test_racing_decisions_only_one_wins(app, settings, session, school, pending):
    """Two transactions decide at the same moment: the second waits, then is refused."""
    report = pending(school.school.id, TEXT)
    first_mod, second_mod = make_moderator(session, "prvni"), make_moderator(session, "druhy")
    factory = session_factory(app)
    first, second = factory(), factory()
    outcome: dict[str, object] = {}
    key = moderation_key(session)

    decide(first, settings, report.id, first_mod.id, Decision.DELIVER,
           moderation_key=key)  # holds the row/lock

    def contender() -> None:
        try:
            decide(second, settings, report.id, second_mod.id, Decision.SPAM, "nesmysl",
                   moderation_key=key)
            second.commit()
            outcome["second"] = "won"
        except DecisionRefused as exc:
            second.rollback()
            outcome["second"] = exc.status

    thread = threading.Thread(target=contender)
    thread.start()
    thread.join(timeout=1.0)
    assert thread.is_alive()  # blocked behind the first transaction
    first.commit()
    thread.join(timeout=30)
    first.close()
    second.close()
    assert outcome["second"] == 409
    assert _status(session, report.id) == ReportStatus.DELIVERED
    decisions = session.scalars(select(ModerationDecision)).all()
    assert [(d.decision, d.moderator_id) for d in decisions] == [(Decision.DELIVER, first_mod.id)]


def test_own_second_look_racing_the_final_decision_is_refused(app, settings, session, school,
                                                              pending, moderator):
    """The same moderator clicks *second look* and *not spam* at once: the final decision
    waits for the second look's lock, then sees it and is refused."""
    report = pending(school.school.id, TEXT)
    factory = session_factory(app)
    first, second = factory(), factory()
    outcome: dict[str, object] = {}
    key = moderation_key(session)

    decide(first, settings, report.id, moderator.id, Decision.SECOND_LOOK,
           moderation_key=key)  # holds the lock

    def contender() -> None:
        try:
            decide(second, settings, report.id, moderator.id, Decision.DELIVER,
                   moderation_key=key)
            second.commit()
            outcome["second"] = "won"
        except DecisionRefused as exc:
            second.rollback()
            outcome["second"] = exc.status

    thread = threading.Thread(target=contender)
    thread.start()
    thread.join(timeout=1.0)
    assert thread.is_alive()  # blocked behind the first transaction
    first.commit()
    thread.join(timeout=30)
    first.close()
    second.close()
    assert outcome["second"] == 403
    assert _status(session, report.id) == ReportStatus.SECOND_LOOK
    decisions = session.scalars(select(ModerationDecision)).all()
    assert [(d.decision, d.moderator_id) for d in decisions] == [
        (Decision.SECOND_LOOK, moderator.id)]
