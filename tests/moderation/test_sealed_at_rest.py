"""Names the detector misses are in the moderators' copy, yet nowhere readable at rest.

Reports with names split by U+200B or U+00AD and made-up nicknames the detector does not
find. The moderator reads the nickname (the precondition: it really was missed),
marks one, passes one on, asks for a second look at another; a reporter's follow-up with a
missed nickname waits for moderation. Then every byte of the SQLite file, its WAL and the
instance folder, and every cell of every PostgreSQL table (reflected from the database, so
columns the models do not know are read too) is scanned: none of the names, in any letter
case, as typed, without the invisible character, or ASCII-folded.

A second test checks the other direction: everything a moderator can open (the moderation
private key and every copy key it unwraps) opens no report's full text, name, class,
hidden originals, conversation, redacted version, and no wrapped data key.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import MetaData, select

from crypto.aead import FieldContext, open_field
from crypto.envelope import FIELD_CLASS, FIELD_NAME, FIELD_TEXT, redaction_field
from crypto.errors import CryptoError
from crypto.hpke import WrappedKey, report_key_info, unwrap_key
from crypto.messages import REPORTER, SCHOOL, open_message
from crypto.moderation_copy import copy_key_info, open_copy, redacted_version_info
from crypto.moderation_keys import active_moderation_key
from models import Message, ModerationCopy, Redaction, Report, ReportKey
from tests.at_rest import all_bytes_at_rest, ascii_fold
from tests.conversation.helpers import open_status, reporter_writes
from tests.factories import csrf_token, moderation_key, submit_form

ZW, SHY = "\u200b", "\u00ad"
ZERO_WIDTH = f"Ve třídě mě pořád strká Pe{ZW}tr Vo{ZW}pička a smějou se mi."
SOFT_HYPHEN = f"Holka jménem Ane{SHY}žka Kře{SHY}menová mi píše ošklivé zprávy."
NICKNAME = "Svačinu mi zase vzal kvakoš a ostatní se smáli."
FOLLOW_UP = "Dneska mě zase honil šmudlík a jeho kámoši za tělocvičnou."
#: What must not be readable anywhere: the names as typed, without the invisible
#: characters, and the pieces of them the detector left in the moderators' copy.
NAMES = [f"Vo{ZW}pička", "Vopička", f"{ZW}pička", f"Ane{SHY}žka", "Anežka",
         f"Kře{SHY}menová", "Křemenová", f"{SHY}menová", "kvakoš", "šmudlík"]
#: The precondition: pieces the detector misses, as the moderator reads them. Names split
#: by invisible characters are found since ``ner.normalise``; they stay in the scan below
#: because a detector regression must not put them at rest either.
MISSED = {NICKNAME: "kvakoš"}


def _submit(app, school_id: int, text: str) -> tuple[str, str]:
    """(report id, receipt) of a report sent through the pupil's form."""
    from intake.receipts import report_for_receipt
    from ozvise.db import session_factory

    response = submit_form(app.test_client(), school_id, text)
    assert response.status_code == 200
    receipt = re.search(r'data-receipt="([0-9-]+)"', response.get_data(as_text=True)).group(1)
    with session_factory(app)() as session:
        return report_for_receipt(session, receipt).id, receipt


def _post(client, path: str, page: str, **data: str):
    return client.post(path, data={"csrf_token": csrf_token(client, page), **data})


def _every_postgres_cell(session) -> bytes:
    """Every value of every table the database has (reflected), as text and raw bytes."""
    tables = MetaData()
    tables.reflect(bind=session.get_bind())
    chunks = []
    for table in tables.sorted_tables:
        for row in session.execute(select(table)).all():
            chunks.append(repr(tuple(row)).encode())
            chunks.extend(v if isinstance(v, bytes) else str(v).encode() for v in row)
    return b"\n".join(chunks)


def _forms(name: str) -> set[str]:
    plain = name.replace(ZW, "").replace(SHY, "")
    return {form.casefold() for form in (name, plain, ascii_fold(name), ascii_fold(plain))}


def test_names_the_detector_missed_are_nowhere_at_rest(app, session, settings, school,
                                                       mod_client):
    pending_id, _ = _submit(app, school.school.id, ZERO_WIDTH)
    passed_id, receipt = _submit(app, school.school.id, NICKNAME)
    second_id, _ = _submit(app, school.school.id, SOFT_HYPHEN)
    for report_id, text in ((pending_id, ZERO_WIDTH), (passed_id, NICKNAME),
                            (second_id, SOFT_HYPHEN)):
        page = mod_client.get(f"/moderace/hlaseni/{report_id}").get_data(as_text=True)
        if text in MISSED:
            assert MISSED[text] in page, "precondition: the detector missed it"

    review = f"/moderace/hlaseni/{passed_id}"
    assert _post(mod_client, review + "/skryt", review, phrase="kvakoš",
                 target="new:PERSON").status_code == 302
    assert _post(mod_client, review + "/rozhodnuti", review,
                 decision="deliver").status_code == 302
    review = f"/moderace/hlaseni/{second_id}"
    assert _post(mod_client, review + "/rozhodnuti", review,
                 decision="second_look").status_code == 302

    reporter = app.test_client()
    open_status(reporter, receipt)
    assert reporter_writes(reporter, FOLLOW_UP).status_code == 302
    queue = mod_client.get("/moderace/zpravy").get_data(as_text=True)
    assert "šmudlík" in queue, "precondition: the detector missed the nickname"

    session.expire_all()
    copies = session.scalars(select(ModerationCopy)).all()
    assert sorted(c.subject for c in copies) == sorted(
        ["report", "report", f"message:{session.scalars(select(Message.id)).one()}"])
    assert session.scalars(select(Report.legacy_redacted_text)).all() == [None] * 3

    everything = all_bytes_at_rest(settings, session)
    if settings.database_url.startswith("sqlite"):
        files = {p.name for p in settings.instance_dir.rglob("*") if p.is_file()}
        assert {"ozvise.db", "ozvise.db-wal"} <= files  # the WAL is part of the scan
    else:
        everything += _every_postgres_cell(session)
    readable = everything.decode("utf-8", errors="ignore").casefold()
    for name in NAMES:
        for form in _forms(name):
            assert form not in readable, f"{form!r} readable at rest"
            assert form.encode("utf-16-le") not in everything.lower()


def _fails(open_it) -> bool:  # noqa: ANN001
    try:
        open_it()
    except (CryptoError, ValueError):
        return True
    return False


def test_moderation_key_opens_no_report_field(app, session, school, mod_client):
    report_id, receipt = _submit(app, school.school.id, NICKNAME)
    response = submit_form(app.test_client(), school.school.id, SOFT_HYPHEN,
                           name="Anežka Křemenová", klass="7.B")
    assert response.status_code == 200
    review = f"/moderace/hlaseni/{report_id}"
    _post(mod_client, review + "/skryt", review, phrase="kvakoš", target="new:PERSON")
    _post(mod_client, review + "/rozhodnuti", review, decision="deliver")
    reporter = app.test_client()
    open_status(reporter, receipt)
    reporter_writes(reporter, FOLLOW_UP)

    session.expire_all()
    private = moderation_key(session)
    key = active_moderation_key(session)
    copies = session.scalars(select(ModerationCopy)).all()
    copy_keys = [unwrap_key(private, WrappedKey(c.suite_id, c.wrapped_key),
                            info=copy_key_info(c.report_id, c.subject)) for c in copies]
    assert len(copy_keys) == 2  # the pending report's and the follow-up's
    candidates = [*copy_keys, private[:32], private[-32:], key.public_key[:32]]

    reports = session.scalars(select(Report)).all()
    assert any(r.victim_name_ct for r in reports) and any(r.redacted_version_ct for r in reports)
    for report in reports:
        fields = [(FIELD_TEXT, report.text_ct), (FIELD_NAME, report.victim_name_ct),
                  (FIELD_CLASS, report.victim_class_ct)]
        fields += [(redaction_field(r.placeholder), r.original_ct) for r in
                   session.scalars(select(Redaction).where(Redaction.report_id == report.id))]
        for field, sealed in fields:
            if sealed is None:
                continue
            for candidate in candidates:
                context = FieldContext(report.id, field)
                assert _fails(lambda c=candidate, s=sealed, x=context: open_field(c, s, x)), field
        for wrapped in session.scalars(select(ReportKey).where(ReportKey.report_id == report.id)):
            assert _fails(lambda w=wrapped, r=report: unwrap_key(
                private, WrappedKey(w.suite_id, w.wrapped_key), info=report_key_info(r.id)))
        if report.redacted_version_ct is not None:
            assert _fails(lambda r=report: unwrap_key(
                private, WrappedKey(key.suite_id, r.redacted_version_ct),
                info=redacted_version_info(r.id)))
    for message in session.scalars(select(Message)):
        for reader in (SCHOOL, REPORTER):
            assert _fails(lambda m=message, who=reader: open_message(m, who, private))
    # and no data key is ever wrapped to the moderation key
    assert {k.recipient.value for k in session.scalars(select(ReportKey))} <= {
        "school", "onboarding", "counsellor", "reporter"}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_copy_cannot_move_to_another_report(app, session, school):
    """A copy's ciphertext and wrapped key are bound to its report and subject."""
    first, _ = _submit(app, school.school.id, NICKNAME)
    second, _ = _submit(app, school.school.id, ZERO_WIDTH)
    session.expire_all()
    a, b = (session.scalars(select(ModerationCopy).where(ModerationCopy.report_id == r)).one()
            for r in (first, second))
    private = moderation_key(session)
    a.wrapped_key, a.body_ct = b.wrapped_key, b.body_ct  # moved, in memory only
    assert _fails(lambda: open_copy(a, private))


@pytest.mark.slow  # an Argon2id attempt per stored string
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_nothing_at_rest_opens_the_moderation_key(app, session, settings, school, moderator,
                                                  mod_client):
    """The moderation key rests only wrapped: no stored string or file opens a moderator's
    wrap or the recovery wrap, and the private key is in no stored value or file."""
    from crypto.moderation_keys import unlock_for_moderator, unlock_with_recovery
    from tests.at_rest import stored_values
    from tests.factories import MODERATOR_PASSWORD, moderation_recovery_key

    report_id, _ = _submit(app, school.school.id, NICKNAME)
    mod_client.get(f"/moderace/hlaseni/{report_id}")
    session.expire_all()
    texts, blobs = set(), []
    for _table, _column, value in stored_values(session):
        if isinstance(value, bytes):
            blobs.append(value)
        elif value is not None:
            texts.update(re.split(r"[\s/?=&<>\"',:{}]+", str(value)))
    for path in settings.instance_dir.rglob("*"):
        if path.is_file():
            blobs.append(path.read_bytes())
            texts.update(re.split(r"[\s/?=&<>\"',:{}]+", path.read_bytes().decode(
                "utf-8", "replace")))
    candidates = {t for t in texts if 0 < len(t) <= 300}
    assert len(candidates) > 20

    key = active_moderation_key(session)
    account = session.get(type(moderator), moderator.id)
    private = moderation_key(session)
    assert unlock_for_moderator(session, account, MODERATOR_PASSWORD)[1] == private  # control
    assert unlock_with_recovery(key, moderation_recovery_key(session)) == private
    for candidate in candidates:
        assert _fails(lambda c=candidate: unlock_for_moderator(session, account, c)), candidate
        assert _fails(lambda c=candidate: unlock_with_recovery(key, c)), candidate
    for blob in blobs:
        assert private not in blob and private[:32] not in blob and private[-32:] not in blob
        assert moderation_recovery_key(session).encode() not in blob
