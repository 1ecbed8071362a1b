"""Replace detected spans by numbered placeholders.

``[OSOBA 1] mi bere svačinu, [OSOBA 2] se směje``.

Numbers are per label and follow first appearance; every mention of one clustered person
gets the same ``[OSOBA n]``, and repeated identical CLASS/CONTACT/ID strings share a number,
so the moderator can follow the story without seeing who is who.
"""

from __future__ import annotations

from dataclasses import dataclass

from .placeholders import placeholder_for
from .span import Span
from .textutil import fold


@dataclass(frozen=True)
class RedactedItem:
    placeholder: str
    label: str
    start: int  # offsets in the ORIGINAL text
    end: int
    original: str


@dataclass(frozen=True)
class Pseudonymised:
    text: str
    items: list[RedactedItem]


def pseudonymise(text: str, spans: list[Span]) -> Pseudonymised:
    counters: dict[str, int] = {}
    numbers: dict[tuple[str, str], int] = {}
    items: list[RedactedItem] = []
    out, pos = [], 0
    for s in sorted(spans):
        if s.start < pos or s.end > len(text) or s.start >= s.end:
            continue  # defensive: overlapping or out-of-range spans are skipped
        original = text[s.start : s.end]
        key = (s.label, s.cluster if s.label == "PERSON" and s.cluster else fold(original))
        if key not in numbers:
            counters[s.label] = counters.get(s.label, 0) + 1
            numbers[key] = counters[s.label]
        ph = placeholder_for(s.label, numbers[key])
        out.append(text[pos : s.start])
        out.append(ph)
        pos = s.end
        items.append(RedactedItem(ph, s.label, s.start, s.end, original))
    out.append(text[pos:])
    return Pseudonymised("".join(out), items)
