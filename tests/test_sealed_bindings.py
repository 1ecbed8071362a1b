"""Sealed items are bound to what they mean, not only to where they are stored.

Someone with write access to the database (but no key) must not be able to relabel a
ciphertext: change a note's author, move a note, a message or a redacted original to
another row, report or placeholder. Each such change must make the item fail to open.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from crypto.envelope import find_key, open_report, redaction_field, seal, unwrap_from
from crypto.errors import CryptoError, DecryptionError
from crypto.school_keys import unlock_for_member
from models import KeyRecipient, Note, Redaction, RedactionSource, Report, SchoolKey
from review_ui.portal.notes import add_note, open_note, open_notes
from tests.counsellor.helpers import make_counsellor
from tests.factories import delivered_report, login_member, register_school

MEMBER_NOTE = "Interní: maminka oběti volala, nechce, aby se to řešilo před třídou."
ADVICE = "Doporučuji nejdřív mluvit s třídní učitelkou."


def _school_and_key(client, session, settings, texts=("Bojím se chodit do školy.",)):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    school_key = session.get(SchoolKey, admin.school_key_id)
    private = unlock_for_member(admin, school_key, password)
    reports = []
    for text in texts:
        report, _receipt = delivered_report(client, session, settings, reg.school.id, text)
        key = unwrap_from(report, find_key(report, KeyRecipient.SCHOOL, school_key.id), private)
        reports.append((report, key))
    return reg, reports


def _relabel(session, note_id: int, **columns) -> Note:
    session.execute(update(Note).where(Note.id == note_id).values(**columns))
    session.commit()
    session.expire_all()
    return session.get(Note, note_id)


def test_note_author_is_bound_into_the_ciphertext(client, session, settings):
    reg, [(report, data_key)] = _school_and_key(client, session, settings)
    member = reg.members["handler"][0]
    other_member = reg.members["admin"][0]
    counsellor = make_counsellor(session, "pavla")
    internal = add_note(session, report, data_key, MEMBER_NOTE, member_id=member.id)
    advice = add_note(session, report, data_key, ADVICE, counsellor_id=counsellor.id)
    session.commit()
    internal_id, advice_id = internal.id, advice.id
    assert open_note(report, data_key, internal) == MEMBER_NOTE
    assert open_note(report, data_key, advice) == ADVICE

    # A member's internal note relabelled as the counsellor's advice does not open, so the
    # counsellor (who sees advice only) is not shown the school's internal note.
    swapped = _relabel(session, internal_id, author_member_id=None,
                       author_counsellor_id=counsellor.id)
    with pytest.raises(DecryptionError):
        open_note(report, data_key, swapped)
    for_counsellor = open_notes(session, report, data_key, counsellors_only=True)
    assert {n.id: n.body for n in for_counsellor} == {internal_id: None, advice_id: ADVICE}

    # ... and the counsellor's advice relabelled as a member's note does not open either.
    swapped = _relabel(session, advice_id, author_member_id=member.id, author_counsellor_id=None)
    with pytest.raises(DecryptionError):
        open_note(report, data_key, swapped)

    # Restoring the true authors restores both notes.
    _relabel(session, internal_id, author_member_id=member.id, author_counsellor_id=None)
    _relabel(session, advice_id, author_member_id=None, author_counsellor_id=counsellor.id)
    assert [n.body for n in open_notes(session, report, data_key)] == [MEMBER_NOTE, ADVICE]
    assert [n.id for n in open_notes(session, report, data_key, counsellors_only=True)] == [
        advice_id]

    # Another member of the same school, or no author at all, does not open either.
    for columns in ({"author_member_id": other_member.id},
                    {"author_member_id": None},
                    {"author_counsellor_id": counsellor.id}):  # two authors
        with pytest.raises(DecryptionError):
            open_note(report, data_key, _relabel(session, internal_id, **columns))
        _relabel(session, internal_id, author_member_id=member.id, author_counsellor_id=None)
    assert open_note(report, data_key, session.get(Note, internal_id)) == MEMBER_NOTE


def test_note_cannot_move_to_another_note_or_report(client, session, settings):
    reg, [(first, first_key), (second, second_key)] = _school_and_key(
        client, session, settings, texts=("První hlášení.", "Druhé hlášení."))
    member = reg.members["handler"][0]
    one = add_note(session, first, first_key, "první poznámka", member_id=member.id)
    two = add_note(session, first, first_key, "druhá poznámka", member_id=member.id)
    session.commit()
    one_id, two_id, one_ct, two_ct = one.id, two.id, one.body_ct, two.body_ct
    swapped = _relabel(session, one_id, body_ct=two_ct)
    with pytest.raises(DecryptionError):
        open_note(first, first_key, swapped)
    _relabel(session, one_id, body_ct=one_ct)
    moved = _relabel(session, two_id, report_id=second.id)
    with pytest.raises(DecryptionError):
        open_note(second, second_key, moved)
    assert [n.body for n in open_notes(session, second, second_key)] == [None]


def test_portal_lists_a_relabelled_note_as_unverifiable(app, client, session, settings):
    reg, [(report, data_key)] = _school_and_key(client, session, settings)
    handler, password = reg.members["handler"]
    counsellor = make_counsellor(session, "pavla")
    note = add_note(session, report, data_key, MEMBER_NOTE, member_id=handler.id)
    session.commit()
    _relabel(session, note.id, author_member_id=None, author_counsellor_id=counsellor.id)
    school = app.test_client()
    assert login_member(school, handler, password).status_code == 302
    page = school.get(f"/skola/hlaseni/{report.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Tuto poznámku nelze ověřit" in html and MEMBER_NOTE not in html


def test_redacted_originals_are_bound_to_report_and_placeholder(client, session, settings):
    _reg, [(first, first_key), (second, second_key)] = _school_and_key(
        client, session, settings, texts=("První hlášení.", "Druhé hlášení."))
    for placeholder, original in (("[OSOBA 8]", "Petr"), ("[OSOBA 9]", "Jana")):
        session.add(Redaction(report_id=first.id, placeholder=placeholder, label="PERSON",
                              original_ct=seal(first.id, first_key,
                                               redaction_field(placeholder), original)))
    session.commit()
    session.expire_all()
    report = session.get(Report, first.id)
    originals = open_report(report, first_key).originals
    assert originals["[OSOBA 8]"] == ["Petr"] and originals["[OSOBA 9]"] == ["Jana"]

    rows = {r.placeholder: r for r in session.scalars(
        select(Redaction).where(Redaction.placeholder.in_(["[OSOBA 8]", "[OSOBA 9]"])))}
    eight, nine = rows["[OSOBA 8]"], rows["[OSOBA 9]"]
    saved = (eight.original_ct, nine.original_ct)
    eight.original_ct, nine.original_ct = saved[1], saved[0]  # swap between placeholders
    session.commit()
    with pytest.raises(DecryptionError):
        open_report(session.get(Report, first.id), first_key)
    eight.original_ct, nine.original_ct = saved
    eight.source = RedactionSource.MODERATOR  # a detector original passed off as a mark
    session.commit()
    with pytest.raises(CryptoError):
        open_report(session.get(Report, first.id), first_key)
    eight.source = RedactionSource.DETECTOR
    eight.report_id = second.id  # moved to another report (same school)
    session.commit()
    session.expire_all()
    with pytest.raises(DecryptionError):
        open_report(session.get(Report, second.id), second_key)
