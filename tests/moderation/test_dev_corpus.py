"""No moderator page ever shows what the detector hid, nor the victim's name and class.

Every report of the shared development corpus goes through intake (the pupil's form);
then the queue, every review page and the statistics page are fetched as a moderator.
The spans "the detector found" are read back from the stored, sealed redactions with the
school's key. Slow (120 reports, each with Argon2id receipt hashing); the property is about
rendering, not the database engine, so it runs on SQLite only.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from crypto.envelope import find_key, open_report, unwrap_from
from crypto.school_keys import unlock_for_member
from intake.redaction import field_spans
from models import KeyRecipient, SchoolKey
from ner import PLACEHOLDER_RE
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "reports_dev.jsonl"
_TAG = re.compile(r"<[^>]+>")


def _visible(page: str) -> str:
    """Text and attribute values of a page, unescaped (what a moderator could read)."""
    attributes = " ".join(re.findall(r'="([^"]*)"', page))
    return html.unescape(_TAG.sub(" ", page) + " " + attributes)


def _leaks(page_text: str, originals: set[str], name: str, klass: str) -> list[str]:
    found = [o for o in originals
             if re.search(r"(?<!\w)" + re.escape(o) + r"(?!\w)", page_text)]
    # a placeholder's number is not the pupil's text: "[ÚDAJ 2] a" must not read as class 2.A,
    # so placeholders become line breaks before the form fields are looked for
    without_placeholders = PLACEHOLDER_RE.sub("\n", page_text)
    found += [without_placeholders[s.start:s.end]
              for s in field_spans(without_placeholders, name, klass)]
    return found


pytestmark = [pytest.mark.slow]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_no_detected_span_or_form_field_on_any_moderator_page(app, mod_client, session,
                                                              school, pending):
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert len(rows) >= 100
    member, password = school.members["handler"]
    school_key = session.get(SchoolKey, member.school_key_id)
    private_key = unlock_for_member(member, school_key, password)
    expectations: dict[str, tuple[set[str], str, str]] = {}
    for row in rows:
        name, klass = row.get("victim_name") or "", row.get("victim_class") or ""
        report = pending(school.school.id, row["text"], name=name, klass=klass)
        data_key = unwrap_from(report, find_key(report, KeyRecipient.SCHOOL, school_key.id),
                               private_key)
        opened = open_report(report, data_key)
        originals = {o for wordings in opened.originals.values() for o in wordings}
        assert opened.victim_name == name and opened.victim_class == klass
        expectations[report.id] = (originals, name, klass)
    assert sum(len(o) for o, _n, _c in expectations.values()) > 300  # the detector did work

    every_original = set().union(*(o for o, _n, _c in expectations.values()))
    queue = _visible(mod_client.get("/moderace/").get_data(as_text=True))
    stats = _visible(mod_client.get("/moderace/statistiky").get_data(as_text=True))
    assert all(report_id in queue for report_id in expectations)
    for page_name, text in (("queue", queue), ("stats", stats)):
        for _o, name, klass in expectations.values():
            assert not _leaks(text, every_original, name, klass), page_name

    problems = {}
    for report_id, (originals, name, klass) in expectations.items():
        response = mod_client.get(f"/moderace/hlaseni/{report_id}")
        assert response.status_code == 200
        leaked = _leaks(_visible(response.get_data(as_text=True)), originals, name, klass)
        if leaked:
            problems[report_id] = leaked
    assert not problems, problems
