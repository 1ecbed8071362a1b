"""The 120 development reports, submitted: nothing personal is readable at rest or in logs.

Secrets: the name/class field values (3+ characters) and the text of every detected span,
in UTF-8 and without diacritics; plus every receipt and the client's IP addresses.

1. Every report opens for its reader (school key or offline onboarding key): its binary
   values are real ciphertexts.
2. Each report's redacted text (what the moderator reads, opened from its sealed copy with
   the moderation key) shows none of its own secrets, case- and diacritics-insensitively.
   No report text is readable at rest.
3. Every other stored value (SQLite and PostgreSQL alike), every log record of the run and
   every other file of the instance folder: no secret at all. The school register is
   public.
4. Every raw byte of the instance folder (SQLite file and WAL) and of every PostgreSQL row:
   no secret of 6+ bytes, no receipt, no IP address. Shorter secrets are left to 3.,
   because a few MB of ciphertext contain any given 3-byte string by chance (that
   happened: "5.C" inside an AES-GCM output); so are words that public text holds
   legitimately (a detector's false hit "napsal" in one report is a plain word in another).
"""

from __future__ import annotations

import json
import logging
import re

import pytest
from sqlalchemy import func, select

from intake.redaction import redact
from models import KeyRecipient, Report, ReportKey, ReportStatus
from ner.textutil import fold
from tests.at_rest import all_bytes_at_rest, ascii_fold, stored_text
from tests.conftest import SHARED
from tests.factories import csrf_token, make_school, moderators_text, register_school
from tests.intake.conftest import open_for_onboarding, open_for_school

CORPUS = SHARED / "corpora" / "reports_dev.jsonl"
CLIENT_IP, FORWARDED_IP = "203.0.113.77", "198.51.100.23"
MIN_SECRET = 3
RAW_MIN_BYTES = 6
KEY_AND_DATABASE_FILES = ("ozvise.db", "secret_key", ".key")
def _public(table: str, column: str) -> bool:
    return table == "schools"


def _schools(session, rows):
    """One school per corpus school name; every third registered, the rest unregistered."""
    schools, registered = {}, {}
    for name in sorted({row["school"] for row in rows}):
        school = make_school(session, name=name, town=name.split(",")[0].split(" ", 1)[1],
                             street=name.split(", ")[-1])
        schools[name] = school
        if len(schools) % 3 == 1:
            registered[school.id] = register_school(session, school, roles=("admin", "handler"))
    session.commit()
    return schools, registered


def _submit_all(client, rows, schools) -> list[str]:
    """Half through the JSON API, half through the web form; returns the receipts."""
    token = csrf_token(client)
    receipts = []
    for index, row in enumerate(rows):
        body = {"school_id": schools[row["school"]].id, "victim_name": row["victim_name"],
                "victim_class": row["victim_class"], "text": row["text"]}
        if index % 2:
            response = client.post("/api/v1/reports", json=body)
            assert response.status_code == 201, response.get_json()
            receipts.append(response.get_json()["receipt"])
        else:
            response = client.post("/nahlasit", data={**body, "csrf_token": token},
                                   follow_redirects=True)
            assert response.status_code == 200, response.get_data(as_text=True)[:500]
            receipts.append(re.search(r'data-receipt="([0-9-]+)"',
                                      response.get_data(as_text=True)).group(1))
    for _ in range(12):  # a throttled receipt lookup must not log the address either
        client.post("/stav", data={"csrf_token": token, "receipt": "1" * 25})
    return receipts


def _context(blob: bytes, secret: str) -> bytes:
    at = blob.find(secret.encode("utf-8"))
    return blob[max(0, at - 30):at + len(secret.encode("utf-8")) + 30]


def _contains_word(text: str, secret: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(secret))}(?!\w)", fold(text)) is not None


def _stands_alone(text: str, secret: str) -> bool:
    """``secret`` occurs not glued to other letters or digits.

    Stored text includes encoded key material (base64 password hashes, hex audit hashes,
    base32 TOTP secrets) in which a short name such as "Ela" or "aaaa" appears by chance;
    a leaked name would stand between spaces, quotes or punctuation.
    """
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])", text) is not None


def _other_files(settings) -> bytes:
    """Logs, mail and anything else the instance folder holds besides database and keys."""
    return b"\n".join(p.read_bytes() for p in settings.instance_dir.rglob("*") if p.is_file()
                      and not any(marker in p.name for marker in KEY_AND_DATABASE_FILES))


def _forms(secrets: set[str]) -> set[str]:
    return {form for secret in secrets for form in (secret, ascii_fold(secret))}


@pytest.mark.slow
def test_corpus_leaves_nothing_readable_at_rest(app, session, settings, onboarding, caplog):
    caplog.set_level(logging.DEBUG)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 120
    schools, registered = _schools(session, rows)
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR=CLIENT_IP, HTTP_X_FORWARDED_FOR=FORWARDED_IP)
    receipts = _submit_all(client, rows, schools)

    own_secrets: dict[str, set[str]] = {}
    for row in rows:
        found = {item.original for item in
                 redact(row["text"], row["victim_name"], row["victim_class"]).items}
        found |= {row["victim_name"], row["victim_class"]}
        own_secrets[row["text"]] = {s for s in found if len(s) >= MIN_SECRET}
    secrets = set().union(*own_secrets.values())
    assert len(secrets) > 500

    session.expire_all()
    reports = session.scalars(select(Report)).all()
    assert len(reports) == 120
    assert {r.status for r in reports} == {ReportStatus.PENDING_MODERATION}
    onboarding_wraps = session.scalar(select(func.count(ReportKey.id)).where(
        ReportKey.recipient == KeyRecipient.ONBOARDING))
    assert 0 < onboarding_wraps < 120

    # 1. every report opens for its reader: the binary values are real ciphertexts
    by_text = {row["text"]: row for row in rows}
    for report in reports:
        reg = registered.get(report.school_id)
        opened = (open_for_school(session, report, reg) if reg
                  else open_for_onboarding(report, onboarding))
        row = by_text[opened.text]
        assert (opened.victim_name, opened.victim_class) == (row["victim_name"],
                                                              row["victim_class"])
        # 2. the moderator-visible text hides every secret of its own report
        moderators = moderators_text(session, report.id)
        visible = [s for s in own_secrets[opened.text] if _contains_word(moderators, s)]
        assert not visible, f"readable in the redacted text: {visible}"

    # 3. no secret in any other stored value, log record or file
    private, public = stored_text(session, _public)
    readable = private + _other_files(settings) + caplog.text.encode("utf-8")
    readable_text = readable.decode("utf-8", errors="replace")
    leaks = {form: _context(readable, form) for form in _forms(secrets)
             if _stands_alone(readable_text, form)}
    assert not leaks, f"{len(leaks)} secrets readable at rest: {sorted(leaks.items())[:20]}"

    # 4. every raw byte: long secrets, receipts and addresses
    everything = all_bytes_at_rest(settings, session) + caplog.text.encode("utf-8")
    long_forms = {f for f in _forms(secrets) if len(f.encode("utf-8")) >= RAW_MIN_BYTES
                  and f.encode("utf-8") not in public}
    assert len(long_forms) > 400
    leaks = {form: _context(everything, form) for form in long_forms
             if form.encode("utf-8") in everything}
    assert not leaks, f"{len(leaks)} secrets in raw bytes: {sorted(leaks.items())[:20]}"
    for value in [*receipts, CLIENT_IP, FORWARDED_IP]:
        assert value.encode() not in everything, f"{value} stored"
        assert value.replace("-", "").encode() not in everything
    assert "ratelimit" in caplog.text  # the throttle fired, and logged only a keyed hash
