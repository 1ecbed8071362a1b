"""A phrase the detector missed: sealed for the report's readers, replaced everywhere.

The moderator holds no report key; the phrase is sealed to the report's marking key
(``crypto.envelope.seal_mark``, which explains why that keeps every property), one
``Redaction`` per distinct wording, and the moderators' copy is re-sealed with the new
text in place (``crypto.moderation_copy.reseal``), so the earlier version is not kept
(SQLite runs with ``secure_delete``; PostgreSQL's old row version disappears at the next
vacuum). ``MissedRedaction`` keeps label, length and number of occurrences for
detection-quality statistics, never the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from crypto.envelope import seal_mark
from crypto.moderation_copy import CopyChanged, open_copy, report_copy, reseal
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


def known_placeholders(report: Report, text: str) -> list[str]:
    """Placeholders in the text, then any others the report's redactions use."""
    return list(dict.fromkeys([*placeholders_in(text),
                               *(r.placeholder for r in report.redactions)]))


def resolve_target(report: Report, text: str, target: str) -> tuple[str, str, bool]:
    """``new:PERSON`` → the next free ``[OSOBA n]``; ``[OSOBA 1]`` → that person again."""
    if target.startswith(NEW_PREFIX) and target[len(NEW_PREFIX):] in LABEL_CHOICES:
        label = target[len(NEW_PREFIX):]
        return next_placeholder(label, known_placeholders(report, text)), label, True
    label = label_of(target)
    if label is None or target not in placeholders_in(text):
        raise PhraseError("Vyberte, čím výraz nahradit: novým údajem, nebo údajem, který už "
                          "v textu je.")
    return target, label, False


def mark_phrase(session: Session, report: Report, moderator_id: int, raw_phrase: str,
                target: str, moderation_key: bytes) -> MarkOutcome:
    """Hide every occurrence of the phrase; the caller commits (or rolls back on error).

    ``moderation_key``: the moderator's unlocked key, which opens the sealed copy."""
    copy = report_copy(session, report.id)
    if report.status not in OPEN_STATUSES or copy is None:
        raise PhraseError("O hlášení už bylo rozhodnuto, text už nelze měnit.")
    phrase = normalise_phrase(raw_phrase)
    before = open_copy(copy, moderation_key)
    placeholder, label, is_new = resolve_target(report, before, target)
    replaced = replace_phrase(before, phrase, placeholder)
    for wording in replaced.wordings:
        session.add(Redaction(report_id=report.id, placeholder=placeholder, label=label,
                              source=RedactionSource.MODERATOR,
                              original_ct=seal_mark(report, placeholder, wording)))
    try:
        reseal(session, copy, replaced.text)
    except CopyChanged as exc:
        raise PhraseError("Hlášení mezitím změnil jiný moderátor. Načtěte ho prosím "
                          "znovu.") from exc
    session.add(MissedRedaction(report_id=report.id, moderator_id=moderator_id, label=label,
                                length=len(phrase), occurrences=replaced.occurrences))
    record(session, f"moderator:{moderator_id}", "moderation.marked", f"report:{report.id}",
           label=label, length=len(phrase), occurrences=replaced.occurrences,
           placeholder=placeholder)
    return MarkOutcome(placeholder, label, replaced.occurrences, is_new)
