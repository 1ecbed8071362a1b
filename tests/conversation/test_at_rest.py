"""With only the database and the instance folder (no receipt, no member password, no
running process's key ring), no message of the conversation can be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from crypto.errors import CryptoError
from crypto.hpke import SEED_BYTES, keypair_from_seed
from crypto.messages import REPORTER, SCHOOL, open_message
from crypto.receipts import reporter_keypair
from crypto.school_keys import unlock_for_member
from models import Message, Report, SchoolKey, SchoolMember
from tests.at_rest import all_bytes_at_rest
from tests.conversation.helpers import open_status, reporter_writes, school_writes
from tests.factories import delivered_report, login_member, register_school

FROM_SCHOOL = "Zítra v osm ráno u ředitelny, přijď s kamarádkou Bohdanou."
FROM_REPORTER = "Přijdu, ale Radimil Vondrášek o tom nesmí vědět, bojím se ho."


def _conversation(app, client, session, settings):
    app.config["OZVISE_SETTINGS"] = settings.with_overrides(moderate_followups=False)
    reg = register_school(session)
    report, receipt = delivered_report(client, session, settings, reg.school.id,
                                       "Bojím se chodit do školy.")
    handler, password = reg.members["handler"]
    school = app.test_client()
    login_member(school, handler, password)
    assert school_writes(school, report.id, FROM_SCHOOL).status_code == 302
    reporter = app.test_client()
    open_status(reporter, receipt)
    assert reporter_writes(reporter, FROM_REPORTER).status_code == 302
    return reg, report, receipt, reporter


def _candidate_secrets(settings, session) -> list[str]:
    """Everything an intruder finds on disk that could pass for a password or receipt."""
    found = [p.read_text(errors="ignore").strip() for p in Path(settings.instance_dir).rglob("*")
             if p.is_file() and p.stat().st_size < 4096]
    found += [m.email for m in session.scalars(select(SchoolMember))]
    found += [r.receipt_digest.hex() for r in session.scalars(select(Report))]
    return [s for s in found if s] + ["", settings.secret_key]


def test_messages_unreadable_from_database_and_instance(app, client, session, settings):
    reg, report, receipt, _reporter = _conversation(app, client, session, settings)
    session.expire_all()
    messages = session.scalars(select(Message).order_by(Message.id)).all()
    assert len(messages) == 2

    rest = all_bytes_at_rest(settings, session)
    for secret in (FROM_SCHOOL, FROM_REPORTER, "Vondrášek", "Bohdanou", receipt):
        assert secret.encode() not in rest, f"{secret!r} is readable at rest"

    stored_report = session.get(Report, report.id)
    school_key = session.get(SchoolKey, reg.members["handler"][0].school_key_id)
    candidates = _candidate_secrets(settings, session)
    for member in session.scalars(select(SchoolMember)):
        for guess in candidates:  # the school key rests only under members' passwords
            with pytest.raises(CryptoError):
                unlock_for_member(member, school_key, guess)
    for guess in candidates:  # the reporter key comes only from the receipt itself
        assert reporter_keypair(guess).public != stored_report.reporter_public_key
    digest_seed = (stored_report.receipt_digest * 3)[:SEED_BYTES]
    assert keypair_from_seed(digest_seed).public != stored_report.reporter_public_key
    for message in messages:  # public keys and digests used as if they were private keys
        for fake in (digest_seed, school_key.public_key[-SEED_BYTES:],
                     stored_report.reporter_public_key[-SEED_BYTES:]):
            for reader in (SCHOOL, REPORTER):
                with pytest.raises(CryptoError):
                    open_message(message, reader, fake)

    # Positive controls: the receipt or a member's password does open every message.
    reporter_private = reporter_keypair(receipt).private
    school_private = unlock_for_member(reg.members["handler"][0], school_key,
                                       reg.members["handler"][1])
    assert [open_message(m, REPORTER, reporter_private) for m in messages] == [
        FROM_SCHOOL, FROM_REPORTER]
    assert [open_message(m, SCHOOL, school_private) for m in messages] == [
        FROM_SCHOOL, FROM_REPORTER]


def test_restarted_server_forgets_the_reporter_key(app, client, session, settings):
    _reg, _report, _receipt, reporter = _conversation(app, client, session, settings)
    assert FROM_SCHOOL in reporter.get("/stav/konverzace").get_data(as_text=True)
    from ozvise.app import create_app

    restarted = create_app(settings)  # same database, same instance folder, new process state
    cookie = reporter.get_cookie("session")
    again = restarted.test_client()
    again.set_cookie("session", cookie.value)
    response = again.get("/stav/konverzace")
    assert response.status_code == 302 and response.headers["Location"].endswith("/stav")


def test_a_message_cannot_change_author_or_row(app, client, session, settings):
    """Database write access alone cannot flip who wrote a message or swap two bodies."""
    _reg, _report, receipt, _reporter = _conversation(app, client, session, settings)
    reporter_private = reporter_keypair(receipt).private
    first, second = session.scalars(select(Message).order_by(Message.id)).all()
    assert open_message(first, REPORTER, reporter_private) == FROM_SCHOOL
    original_author = first.author
    first.author = second.author  # the school's reply passed off as the reporter's
    session.commit()
    with pytest.raises(CryptoError):
        open_message(first, REPORTER, reporter_private)
    first.author = original_author
    first.body_ct, second.body_ct = second.body_ct, first.body_ct
    session.commit()
    for message in (first, second):
        with pytest.raises(CryptoError):
            open_message(message, REPORTER, reporter_private)
