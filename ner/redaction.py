"""The one place that decides what is hidden: text + seeds in, pseudonymised text out.

Intake (``intake.redaction``), reporters' follow-ups (``review_ui.thread``) and the
moderator's marking (``review_ui.moderation.text``) all call this module, so they can never
disagree about "the same word". One call does, in order:

1. **normalisation** (``ner.normalise``): invisible characters, look-alike letters, letter
   spacing, digit swaps and stretched letters are undone; detection sees ``Petr`` where the
   text has ``Pe\u200btr``;
2. **detection** with the seeds (the victim's name and class from the form, and for a
   follow-up the originals hidden earlier in the same report) — under a lock, because spaCy
   does not promise that one pipeline may run in several threads at once;
3. **field masking**: the seeds are ground truth. Every occurrence of a field value as typed
   (case- and diacritics-insensitive, any punctuation between its words), and every case
   form, diminutive and spelling of a seeded name, is hidden even where it is also an
   ordinary word ("novaka", "svobodu", "markem");
4. **propagation**: what is hidden once is hidden everywhere in the text, with its label and
   person;
5. **placeholders** (``ner.pseudonymise``), with every span mapped back to the original
   characters, so the mask covers the invisible ones inside a name too.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .detector import get_detector
from .merge import align, merge
from .normalise import Normalised, normalise, normalise_value
from .placeholders import PLACEHOLDER_RE
from .pseudonymise import Pseudonymised, pseudonymise
from .recognizers import seeded
from .span import LABELS, Span
from .textutil import fold, fold_with_offsets, tokenize

#: spaCy does not promise one loaded pipeline may run in several threads at once; detection
#: takes ~10 ms per report, so serialising it costs little.
_DETECT_LOCK = threading.RLock()
_WORD = re.compile(r"[^\W_]+")
MIN_VALUE_CHARS = 2  # the whole field value, e.g. "9a"
MIN_WORD_CHARS = 3  # single words of the name field, e.g. "Karolína" from "Karolína Pokorná"
VICTIM_CLUSTER = "field:victim"
SEEDS_VERSION = 1
MAX_SEED_ORIGINALS = 200  # a report with more hidden strings keeps the first ones


@dataclass(frozen=True)
class Seeds:
    """What is known to be personal data before the text is read.

    ``victim_name``/``victim_class``: the form fields as typed. ``originals``: ``(label,
    original)`` pairs hidden earlier in the same report (a follow-up gets the report's).
    """

    victim_name: str = ""
    victim_class: str = ""
    originals: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def with_found(self, result: Pseudonymised) -> Seeds:
        """These seeds plus every original ``result`` hid (deduplicated, capped)."""
        known = dict.fromkeys(self.originals)
        for item in result.items:
            known.setdefault((item.label, item.original), None)
        return Seeds(self.victim_name, self.victim_class, tuple(known)[:MAX_SEED_ORIGINALS])

    def to_bytes(self) -> bytes:
        """Compact JSON, to be sealed to the reporter's key (never stored in clear)."""
        return json.dumps(
            {"v": SEEDS_VERSION, "name": self.victim_name, "class": self.victim_class,
             "originals": [list(pair) for pair in self.originals]},
            ensure_ascii=False, separators=(",", ":"),
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Seeds:
        data = json.loads(raw.decode("utf-8"))
        originals = tuple(
            (str(label), str(original))
            for label, original in data.get("originals", [])
            if label in LABELS and isinstance(original, str)
        )
        return cls(str(data.get("name") or ""), str(data.get("class") or ""), originals)


# -- matching on folded, normalised text ------------------------------------------------------


MAX_GAP = 3  # punctuation/space between two words of a value: "6.B" ~ "6b" ~ "6. b"


def _value_words(value: str) -> tuple[str, ...] | None:
    """Folded words of ``value``, or None when the value is too short to search for."""
    words = tuple(_WORD.findall(fold(value)))
    return words if sum(len(w) for w in words) >= MIN_VALUE_CHARS else None


def _name_words(name: str) -> list[tuple[str, ...]]:
    words = {w for w in _WORD.findall(fold(name)) if len(w) >= MIN_WORD_CHARS}
    return [(w,) for w in sorted(words)]


def _find(text: str, wanted: Iterable[tuple[tuple[str, ...], str, str | None]]) -> list[Span]:
    """Spans of every occurrence of each ``(words, label, cluster)`` in ``text``: the words in
    order, as whole words of the folded text, at most MAX_GAP non-word characters apart (or run
    together into one word: "6.B" finds "6b"). Token matching, not one regex per value: a
    report has dozens of values and compiling a pattern for each cost more than detection."""
    wanted = list(wanted)
    if not wanted:
        return []
    folded, index = fold_with_offsets(text)
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
    at: dict[str, list[int]] = {}
    for i, (word, _s, _e) in enumerate(tokens):
        at.setdefault(word, []).append(i)
    found: list[Span] = []
    for words, label, cluster in wanted:
        hits: list[tuple[int, int]] = []
        for i in at.get(words[0], ()):
            j = i
            for k in range(1, len(words)):
                if (j + 1 >= len(tokens) or tokens[j + 1][0] != words[k]
                        or tokens[j + 1][1] - tokens[j][2] > MAX_GAP):
                    break
                j += 1
            else:
                hits.append((tokens[i][1], tokens[j][2]))
        if len(words) > 1:
            for i in at.get("".join(words), ()):
                hits.append((tokens[i][1], tokens[i][2]))
        for start, end in sorted(hits):
            found.append(Span(index[start], index[end - 1] + 1, label, 1.0, cluster))
    return found


def field_spans(text: str, victim_name: str, victim_class: str) -> list[Span]:
    """Every occurrence of the name (whole, and each word) and of the class in ``text``."""
    wanted: list[tuple[tuple[str, ...], str, str | None]] = []
    for value, label in ((victim_name, "PERSON"), (victim_class, "CLASS")):
        words = _value_words(value)
        if words is not None:
            wanted.append((words, label, None))
    wanted += [(words, "PERSON", None) for words in _name_words(victim_name)]
    return _find(text, wanted)


def repeated_spans(text: str, detected: Sequence[Span], extra: Iterable[tuple[str, str]] = ()
                   ) -> list[Span]:
    """Every other occurrence of each detected span's text (and of each ``(label, original)``
    in ``extra``), with its label and cluster."""
    wanted: list[tuple[tuple[str, ...], str, str | None]] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    values = [(text[s.start : s.end], s.label, s.cluster) for s in detected]
    values += [(normalise_value(original), label, None) for label, original in extra]
    for value, label, cluster in values:
        words = _value_words(value)
        if words is not None and (words, label) not in seen:
            seen.add((words, label))
            wanted.append((words, label, cluster))
    return _find(text, wanted)


def name_form_spans(text: str, names: Iterable[tuple[str, str | None]]) -> list[Span]:
    """Every case form, diminutive and spelling of each seeded ``(name, cluster)``, in any
    letter case and even where it is also an ordinary word: the seeds are ground truth."""
    tokens = None
    gaz = get_detector().gaz
    found: list[Span] = []
    for name, cluster in dict.fromkeys((n, c) for n, c in names if n and n.strip()):
        if tokens is None:
            tokens = tokenize(text)
        found += [Span(s.start, s.end, s.label, s.score, cluster)
                  for s in seeded.find_name(tokens, name, gaz, ground_truth=True)]
    return found


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` (original offsets): any letter case, with or
    without diacritics, whole words, disguises undone — never inside a placeholder."""
    norm = normalise(text)
    words = tuple(_WORD.findall(fold(normalise_value(phrase))))
    if not words:
        return []
    protected = [m.span() for m in PLACEHOLDER_RE.finditer(text)]
    found = []
    for span in _find(norm.text, [(words, "PERSON", None)]):
        start, end = norm.to_original(span.start, span.end)
        if not any(start < p_end and p_start < end for p_start, p_end in protected):
            found.append((start, end))
    return sorted(set(found))


# -- the entry point --------------------------------------------------------------------------


def _victim_cluster(detected: list[Span], fields: list[Span]) -> str:
    """The detector's cluster for the victim, so every mention shares one placeholder."""
    for span in detected:
        if span.label == "PERSON" and span.cluster and any(
            e.label == "PERSON" and e.start < span.end and span.start < e.end for e in fields
        ):
            return span.cluster
    return VICTIM_CLUSTER


def _to_original(norm: Normalised, spans: list[Span]) -> list[Span]:
    if not norm.changed:
        return spans
    out = []
    for s in spans:
        start, end = norm.to_original(s.start, s.end)
        out.append(Span(start, end, s.label, s.score, s.cluster))
    return out


def detect_spans_many(items: Sequence[tuple[str, Seeds | None]]) -> list[list[Span]]:
    """``detect_spans`` for many texts at once (spaCy runs them as one batch)."""
    norms = [normalise(text if isinstance(text, str) else str(text or "")) for text, _ in items]
    seeds = [s or Seeds() for _, s in items]
    names = [normalise_value(s.victim_name) for s in seeds]
    klasses = [normalise_value(s.victim_class) for s in seeds]
    with _DETECT_LOCK:
        detected_all = get_detector().detect_many(
            [(n.text, name or None, klass or None)
             for n, name, klass in zip(norms, names, klasses, strict=True)]
        )
        forms_all = []
        for norm, name, seed in zip(norms, names, seeds, strict=True):
            earlier = [
                (normalise_value(o), f"seed:{i}")
                for i, (label, o) in enumerate(seed.originals) if label == "PERSON"
            ]
            forms_all.append((name_form_spans(norm.text, [(name, None)]),
                              name_form_spans(norm.text, earlier)))
    out = []
    for norm, name, klass, seed, detected, (victim_forms, forms) in zip(
        norms, names, klasses, seeds, detected_all, forms_all, strict=True
    ):
        out.append(_finish(norm, name, klass, seed, detected, victim_forms, forms))
    return out


def _finish(norm: Normalised, name: str, klass: str, seeds: Seeds, detected: list[Span],
            victim_forms: list[Span], forms: list[Span]) -> list[Span]:
    """Field masking, propagation and the map back to the original text."""
    work = norm.text
    fields = field_spans(work, name, klass) + victim_forms
    cluster = _victim_cluster(detected, fields)
    fields = [
        Span(s.start, s.end, s.label, s.score, cluster if s.label == "PERSON" else None)
        for s in fields
    ]
    spans = merge(align(detected + fields + forms, work))
    spans = merge(align(spans + repeated_spans(work, spans, seeds.originals), work))
    holes = [m.span() for m in PLACEHOLDER_RE.finditer(work)] if "[" in work else []
    spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in holes)]
    return merge(align(_to_original(norm, spans), norm.original))


def detect_spans(text: str, seeds: Seeds | None = None) -> list[Span]:
    """Sorted, non-overlapping spans of ``text`` (original offsets) to hide, seeds included."""
    return detect_spans_many([(text, seeds)])[0]


def redact(text: str, seeds: Seeds | None = None) -> Pseudonymised:
    """Redacted text with numbered placeholders, and every hidden original (memory only)."""
    return pseudonymise(text, detect_spans(text, seeds))


def warm_up() -> None:
    """Load the detector (spaCy, gazetteers) now rather than in the first pupil's request."""
    redact("Petr z 7.B", Seeds("Petr", "7.B"))
