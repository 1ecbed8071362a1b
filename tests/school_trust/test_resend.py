"""The operator resends a lost register-address confirmation (issue 11's open end).

The new link and code go to the register's address again (never to the registrant), the old
link stops working, the new one verifies; a school that is not waiting, or whose register has
no address, is refused with a Czech message. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import select

from models import AuditEvent, School, Verification
from tests.factories import make_school
from tests.portal.helpers import outbox
from tests.school_trust.helpers import (
    IMPOSTOR_PASSWORD,
    IMPOSTORS,
    answer,
    cli,
    fresh,
    register_mail,
    register_via_form,
)


def test_resent_link_replaces_the_lost_one_and_verifies(app, client, session, settings):
    school = make_school(session)  # register address: reditel@testov.skola.example
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    _first, old_link, _old_code = register_mail(session)

    resent = cli(settings, "schools", "resend", school.red_izo, "--by", "Marie Provozní")
    assert resent.exit_code == 0, resent.output
    assert "reditel@testov.skola.example" in resent.output and "neplatí" in resent.output
    mails = outbox(session, "school_confirmation_registration")
    assert len(mails) == 2 and {m.recipient for m in mails} == {"reditel@testov.skola.example"}
    _mail, new_link, new_code = register_mail(session)
    assert new_link != old_link
    event = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "school.confirmation_resent")).one()
    assert event.actor == "operator:Marie Provozní"

    old_page = client.get(old_link)  # the old link is void: no form to confirm with
    assert old_page.status_code == 404 and "csrf_token" not in old_page.get_data(as_text=True)
    assert fresh(session, School, school.id).verification == Verification.PENDING
    confirmed = answer(client, new_link, new_code, yes=True)
    assert confirmed.status_code in (200, 302), confirmed.get_data(as_text=True)
    assert fresh(session, School, school.id).verification == Verification.VERIFIED

    again = cli(settings, "schools", "resend", school.red_izo)
    assert again.exit_code != 0 and "nečeká na ověření" in again.output
    assert len(outbox(session, "school_confirmation_registration")) == 2


def test_without_a_register_address_the_operator_is_told_to_verify_on_evidence(
        app, client, session, settings):
    school = make_school(session, email="")
    session.commit()
    register_via_form(client, session, school, IMPOSTORS, IMPOSTOR_PASSWORD)
    refused = cli(settings, "schools", "resend", school.red_izo)
    assert refused.exit_code != 0
    assert "nemá v rejstříku e-mail" in refused.output and "--evidence" in refused.output
    assert outbox(session, "school_confirmation_registration") == []
