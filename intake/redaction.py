"""Pseudonymise one submission before anything is stored.

The detector (``ner``) runs with the form fields as seeds, so it finds the victim's name
in every grammatical form. On top of that, intake guarantees two things itself, case- and
diacritics-insensitively and whatever the detector decided:

- the field values as typed are masked wherever they occur in the text, even if the
  detector judged them junk ("test", "ja"): the moderator must never read what the
  reporter wrote into the name or class field;
- what was hidden once is hidden everywhere in the report: every other occurrence of a
  detected span's text gets the same label and person, so a text never shows in one
  place what it hides in another.
"""

from __future__ import annotations

import re
import threading

from intake.folding import fold_with_offsets
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


def _find(text: str, wanted: list[tuple[re.Pattern[str], str, str | None]]) -> list[Span]:
    """Spans of every match of ``(pattern, label, cluster)`` in the folded ``text``."""
    folded, index = fold_with_offsets(text)
    found: list[Span] = []
    for pattern, label, cluster in wanted:
        for match in pattern.finditer(folded):
            start, end = index[match.start()], index[match.end() - 1] + 1
            found.append(Span(start, end, label, 1.0, cluster))
    return found


def field_spans(text: str, victim_name: str, victim_class: str) -> list[Span]:
    """Every occurrence of the name (whole, and each word) and of the class in ``text``."""
    wanted: list[tuple[re.Pattern[str], str, str | None]] = []
    for value, label in ((victim_name, "PERSON"), (victim_class, "CLASS")):
        pattern = _value_pattern(value)
        if pattern is not None:
            wanted.append((pattern, label, None))
    wanted += [(pattern, "PERSON", None) for pattern in _word_patterns(victim_name)]
    return _find(text, wanted)


def repeated_spans(text: str, detected: list[Span]) -> list[Span]:
    """Every other occurrence of each detected span's text, with its label and cluster."""
    wanted: list[tuple[re.Pattern[str], str, str | None]] = []
    seen: set[tuple[str, str]] = set()
    for span in detected:
        pattern = _value_pattern(text[span.start:span.end])
        if pattern is not None and (pattern.pattern, span.label) not in seen:
            seen.add((pattern.pattern, span.label))
            wanted.append((pattern, span.label, span.cluster))
    return _find(text, wanted)


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
    fields = field_spans(text, victim_name, victim_class)
    cluster = _victim_cluster(detected, fields)
    fields = [Span(s.start, s.end, s.label, s.score, cluster if s.label == "PERSON" else None)
              for s in fields]
    spans = merge(align(detected + fields, text))
    spans = merge(align(spans + repeated_spans(text, spans), text))
    return pseudonymise(text, spans)
