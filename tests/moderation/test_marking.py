"""Marking missed personal data: replaced everywhere, sealed, readable only by the school."""

from __future__ import annotations

from sqlalchemy import select, text

from crypto.envelope import find_key, open_report, unwrap_from
from crypto.onboarding import new_onboarding_keypair, write_public_key
from crypto.school_keys import unlock_for_member
from models import (
    AuditEvent,
    Base,
    KeyRecipient,
    MissedRedaction,
    Redaction,
    RedactionSource,
    Report,
    SchoolKey,
)
from ner.textutil import fold
from tests.factories import csrf_token, login_member, make_school, moderators_text

#: The detector hides "Pinďa" (and its other case forms) but misses the nickname "pinďák" in
#: the dative and the nickname "tlusťoch" in every spelling; "ze sedmičky" names a class
#: without a class designation.
TEXT = ("Pak je tu Pinďa, pinďákovi se všichni smějou. Tlusťocha z lavice u okna se bojíme. "
        "TLUSŤOCHA nikdo nezastaví a tlustocha učitelé neslyší, smějou se i kluci ze sedmičky.")


def _mark(client, report_id: str, phrase: str, target: str):
    token = csrf_token(client, f"/moderace/hlaseni/{report_id}")
    return client.post(f"/moderace/hlaseni/{report_id}/skryt",
                       data={"csrf_token": token, "phrase": phrase, "target": target})


def _opened(session, report: Report, member, password: str):
    school_key = session.get(SchoolKey, member.school_key_id)
    private = unlock_for_member(member, school_key, password)
    return open_report(report, unwrap_from(report, find_key(
        report, KeyRecipient.SCHOOL, school_key.id), private))


def test_marked_phrase_replaced_everywhere_and_school_reads_original(
        mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    before = moderators_text(session, report.id)
    assert before.startswith("Pak je tu [OSOBA 1], pinďákovi se")  # precondition

    response = _mark(mod_client, report.id, "Tlusťocha", "new:PERSON")
    assert response.status_code == 302
    page = mod_client.get(f"/moderace/hlaseni/{report.id}").get_data(as_text=True)
    assert "3 výskyty nahrazeno údajem [OSOBA 2]" in page
    assert "tlustoch" not in fold(page)
    assert _mark(mod_client, report.id, "pinďákovi", "[OSOBA 1]").status_code == 302

    session.expire_all()
    stored = session.get(Report, report.id)
    after = moderators_text(session, stored.id)
    assert "tlustoch" not in fold(after)
    assert "pindakovi" not in fold(after)
    assert after.count("[OSOBA 2]") == 3
    assert after.count("[OSOBA 1]") == 2  # Pinďa and the marked pinďákovi

    marks = session.scalars(select(MissedRedaction).order_by(MissedRedaction.id)).all()
    assert [(m.label, m.length, m.occurrences) for m in marks] == [
        ("PERSON", 9, 3), ("PERSON", 9, 1)]
    sealed = session.scalars(select(Redaction).where(
        Redaction.source == RedactionSource.MODERATOR)).all()
    assert sorted(r.placeholder for r in sealed) == ["[OSOBA 1]"] + ["[OSOBA 2]"] * 3

    member, password = school.members["handler"]
    opened = _opened(session, stored, member, password)
    assert sorted(opened.originals["[OSOBA 2]"]) == ["TLUSŤOCHA", "Tlusťocha", "tlustocha"]
    assert "pinďákovi" in opened.originals["[OSOBA 1]"]
    assert opened.text == TEXT


def test_new_placeholder_is_next_free_number_and_no_plaintext_at_rest(
        mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    assert "sedmičky" in moderators_text(session, report.id)
    response = _mark(mod_client, report.id, "sedmičky", "new:CLASS")
    assert response.status_code == 302
    session.expire_all()
    stored = session.get(Report, report.id)
    assert moderators_text(session, stored.id).endswith("ze [TŘÍDA 1].")

    response = _mark(mod_client, report.id, "tlusťocha", "new:PERSON")
    session.expire_all()
    stored = session.get(Report, report.id)
    after = moderators_text(session, stored.id)
    used = {p for p in ("[OSOBA 1]", "[OSOBA 2]", "[OSOBA 3]") if p in after}
    assert used == {"[OSOBA 1]", "[OSOBA 2]"}  # Pinďa is 1, the new mark became 2

    # Nothing in any table holds the marked words readably (ciphertexts only).
    for table in Base.metadata.sorted_tables:
        for row in session.execute(select(table)).all():
            for value in row:
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "ignore")
                if isinstance(value, str):
                    assert "sedmicky" not in fold(value), table.name
                    assert "tlustocha" not in fold(value), table.name
    details = session.scalars(select(AuditEvent.details).where(
        AuditEvent.action == "moderation.marked")).all()
    assert details and all(set(d) == {"label", "length", "occurrences", "placeholder"}
                           for d in details)


def test_marks_open_with_the_onboarding_key_for_an_unregistered_school(
        mod_client, session, settings, pending):
    pair = new_onboarding_keypair()
    write_public_key(settings.onboarding_public_key_path, pair.public)
    unregistered = make_school(session, name="ZŠ Neregistrovaná")
    session.commit()
    report = pending(unregistered.id, TEXT)
    assert _mark(mod_client, report.id, "sedmičky", "new:CLASS").status_code == 302
    session.expire_all()
    stored = session.get(Report, report.id)
    data_key = unwrap_from(stored, find_key(stored, KeyRecipient.ONBOARDING, 0), pair.private)
    assert open_report(stored, data_key).originals["[TŘÍDA 1]"] == ["sedmičky"]


def test_bad_marks_are_refused_in_czech(mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    before = moderators_text(session, report.id)
    cases = [
        ("neexistujicislovo", "new:PERSON", "se v textu hlášení nenachází"),
        ("x", "new:PERSON", "aspoň 2 znaky"),
        ("[OSOBA 1] se", "new:PERSON", "hranatých závorkách"),
        ("sedmičky", "[OSOBA 9]", "Vyberte, čím výraz nahradit"),
        ("sedmičky", "new:NOTHING", "Vyberte, čím výraz nahradit"),
        ("a" * 201, "new:PERSON", "příliš dlouhý"),
    ]
    for phrase, target, message in cases:
        response = _mark(mod_client, report.id, phrase, target)
        assert response.status_code == 400, phrase
        assert message in response.get_data(as_text=True), phrase
    session.expire_all()
    assert moderators_text(session, report.id) == before
    assert session.scalar(select(MissedRedaction.id)) is None


def test_marking_a_decided_report_is_refused(mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    token = csrf_token(mod_client, f"/moderace/hlaseni/{report.id}")
    mod_client.post(f"/moderace/hlaseni/{report.id}/rozhodnuti",
                    data={"csrf_token": token, "decision": "deliver"})
    response = mod_client.post(f"/moderace/hlaseni/{report.id}/skryt", data={
        "csrf_token": token, "phrase": "sedmičky", "target": "new:CLASS"})
    assert response.status_code == 409
    assert "sedmičky" not in response.get_data(as_text=True)


def test_portal_shows_original_wording_after_marking(app, mod_client, session, school, pending):
    report = pending(school.school.id, TEXT)
    _mark(mod_client, report.id, "sedmičky", "new:CLASS")
    token = csrf_token(mod_client, f"/moderace/hlaseni/{report.id}")
    mod_client.post(f"/moderace/hlaseni/{report.id}/rozhodnuti",
                    data={"csrf_token": token, "decision": "deliver"})
    member, password = school.members["handler"]
    school_client = app.test_client()
    assert login_member(school_client, member, password).status_code == 302
    page = school_client.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert "kluci ze sedmičky" in page
    assert session.execute(text("select count(*) from redactions")).scalar() >= 1
