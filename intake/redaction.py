"""Pseudonymise one submission before anything is stored.

The detector (``ner``) runs with the form fields as seeds, so it finds the victim's name
in every grammatical form. On top of that, intake guarantees one thing itself: the field
values as typed are masked wherever they occur in the text, case- and
diacritics-insensitively, even if the detector judged them junk ("test", "ja"). The
moderator must never read what the reporter wrote into the name or class field.
"""

from __future__ import annotations

import re
import threading

from ner import Pseudonymised, Span, get_detector, pseudonymise
from ner.merge import align, merge
from ner.textutil import fold

#: spaCy does not promise that one loaded pipeline may run in several threads at once;
#: detection takes ~10 ms per report, so serialising it costs little.
_DETECT_LOCK = threading.Lock()
_WORD = re.compile(r"[^\W_]+")
MIN_VALUE_CHARS = 2   # the whole field value, e.g. "9a"
MIN_WORD_CHARS = 3    # single words of the name field, e.g. "Karolína" from "Karolína Pokorná"
VICTIM_CLUSTER = "field:victim"


def warm_up() -> None:
    """Load the detector (spaCy, gazetteers) now rather than in the first pupil's request."""
    redact("Petr z 7.B", "Petr", "7.B")


def _folded_with_index(text: str) -> tuple[str, list[int]]:
    """``fold`` character by character, with the original index of every folded character."""
    parts: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        folded = fold(char)
        parts.append(folded)
        index.extend([position] * len(folded))
    return "".join(parts), index


def _value_pattern(value: str) -> re.Pattern[str] | None:
    """Words of ``value`` in order, any punctuation or space between them: 6.B ~ 6b ~ 6. b."""
    words = _WORD.findall(fold(value))
    if sum(len(w) for w in words) < MIN_VALUE_CHARS:
        return None
    body = r"[\W_]{0,3}".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])")


def _word_patterns(name: str) -> list[re.Pattern[str]]:
    words = {w for w in _WORD.findall(fold(name)) if len(w) >= MIN_WORD_CHARS}
    return [re.compile(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])") for w in sorted(words)]


def field_spans(text: str, victim_name: str, victim_class: str) -> list[Span]:
    """Every occurrence of the name (whole, and each word) and of the class in ``text``."""
    folded, index = _folded_with_index(text)
    found: list[Span] = []
    wanted: list[tuple[re.Pattern[str], str]] = []
    for value, label in ((victim_name, "PERSON"), (victim_class, "CLASS")):
        pattern = _value_pattern(value)
        if pattern is not None:
            wanted.append((pattern, label))
    wanted += [(pattern, "PERSON") for pattern in _word_patterns(victim_name)]
    for pattern, label in wanted:
        for match in pattern.finditer(folded):
            start, end = index[match.start()], index[match.end() - 1] + 1
            found.append(Span(start, end, label, 1.0))
    return found


def _victim_cluster(detected: list[Span], extra: list[Span]) -> str:
    """The detector's cluster for the victim, so every mention shares one placeholder."""
    for span in detected:
        if span.label == "PERSON" and span.cluster and any(
                e.label == "PERSON" and e.start < span.end and span.start < e.end for e in extra):
            return span.cluster
    return VICTIM_CLUSTER


def redact(text: str, victim_name: str, victim_class: str) -> Pseudonymised:
    """Redacted text with numbered placeholders, and every hidden original (in memory only)."""
    with _DETECT_LOCK:
        detected = get_detector().detect(text, victim_name=victim_name or None,
                                         victim_class=victim_class or None)
    extra = field_spans(text, victim_name, victim_class)
    cluster = _victim_cluster(detected, extra)
    extra = [Span(s.start, s.end, s.label, s.score, cluster if s.label == "PERSON" else None)
             for s in extra]
    return pseudonymise(text, merge(align(detected + extra, text)))
