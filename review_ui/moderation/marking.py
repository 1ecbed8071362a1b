"""A phrase the detector missed: sealed for the report's readers, replaced everywhere.

The moderator has no key; the phrase is sealed to the report's marking key
(``crypto.envelope.seal_mark``, which explains why that keeps every property), one
``Redaction`` per distinct wording, and the redacted text is overwritten in place, so
the earlier version is not kept (SQLite runs with ``secure_delete``; PostgreSQL's old
row version disappears at the next vacuum). ``MissedRedaction`` keeps label, length and
number of occurrences for detection-quality statistics, never the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from crypto.envelope import seal_mark
from models import MissedRedaction, Redaction, RedactionSource, Report
from models.audit import record
from review_ui.moderation.decisions import OPEN_STATUSES
from review_ui.moderation.text import (
    LABEL_CHOICES,
    PhraseError,
    label_of,
    next_placeholder,
    normalise_phrase,
    placeholders_in,
    replace_phrase,
)

NEW_PREFIX = "new:"


@dataclass(frozen=True)
class MarkOutcome:
    placeholder: str
    label: str
    occurrences: int
    new_placeholder: bool


def known_placeholders(report: Report) -> list[str]:
    """Placeholders in the text, then any others the report's redactions use."""
    return list(dict.fromkeys([*placeholders_in(report.redacted_text),
                               *(r.placeholder for r in report.redactions)]))


def resolve_target(report: Report, target: str) -> tuple[str, str, bool]:
    """``new:PERSON`` → the next free ``[OSOBA n]``; ``[OSOBA 1]`` → that person again."""
    if target.startswith(NEW_PREFIX) and target[len(NEW_PREFIX):] in LABEL_CHOICES:
        label = target[len(NEW_PREFIX):]
        return next_placeholder(label, known_placeholders(report)), label, True
    label = label_of(target)
    if label is None or target not in placeholders_in(report.redacted_text):
        raise PhraseError("Vyberte, čím výraz nahradit: novým údajem, nebo údajem, který už "
                          "v textu je.")
    return target, label, False


def mark_phrase(session: Session, report: Report, moderator_id: int, raw_phrase: str,
                target: str) -> MarkOutcome:
    """Hide every occurrence of the phrase; the caller commits (or rolls back on error)."""
    if report.status not in OPEN_STATUSES:
        raise PhraseError("O hlášení už bylo rozhodnuto, text už nelze měnit.")
    phrase = normalise_phrase(raw_phrase)
    placeholder, label, is_new = resolve_target(report, target)
    before = report.redacted_text
    replaced = replace_phrase(before, phrase, placeholder)
    for wording in replaced.wordings:
        session.add(Redaction(report_id=report.id, placeholder=placeholder, label=label,
                              source=RedactionSource.MODERATOR,
                              original_ct=seal_mark(report, placeholder, wording)))
    changed = session.execute(
        update(Report).where(Report.id == report.id, Report.status.in_(OPEN_STATUSES),
                             Report.redacted_text == before)
        .values(redacted_text=replaced.text)
        .execution_options(synchronize_session=False)).rowcount
    if changed != 1:
        raise PhraseError("Hlášení mezitím změnil jiný moderátor. Načtěte ho prosím znovu.")
    set_committed_value(report, "redacted_text", replaced.text)  # already written above
    session.add(MissedRedaction(report_id=report.id, moderator_id=moderator_id, label=label,
                                length=len(phrase), occurrences=replaced.occurrences))
    record(session, f"moderator:{moderator_id}", "moderation.marked", f"report:{report.id}",
           label=label, length=len(phrase), occurrences=replaced.occurrences,
           placeholder=placeholder)
    return MarkOutcome(placeholder, label, replaced.occurrences, is_new)
