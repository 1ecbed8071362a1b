"""Placeholders and phrases in a redacted text (pure functions, no database, no crypto).

The moderator works on the redacted text only. Marking a phrase replaces *every*
occurrence (found by ``ner.redaction.occurrences``, the matching intake's field masking uses:
case- and diacritics-insensitive, disguises such as invisible characters undone, on word
boundaries, never inside an existing placeholder), so no other mention stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ner.placeholders import PLACEHOLDER_NAMES, PLACEHOLDER_RE, placeholder_for
from ner.redaction import occurrences

#: Label → Czech name shown in the moderator's choice ("Nová osoba", …).
LABEL_CHOICES = {"PERSON": "Nová osoba", "CLASS": "Nová třída", "CONTACT": "Nový kontakt",
                 "ID": "Nový údaj (rodné číslo, adresa…)"}
#: Label → Czech plural for statistics.
LABEL_NAMES = {"PERSON": "osoby", "CLASS": "třídy", "CONTACT": "kontakty", "ID": "jiné údaje"}
_LABEL_OF_NAME = {name: label for label, name in PLACEHOLDER_NAMES.items()}
_PARTS_RE = re.compile(r"\[(OSOBA|TŘÍDA|KONTAKT|ÚDAJ)(?: (\d+))?\]")
MAX_PHRASE_CHARS = 200
MIN_PHRASE_CHARS = 2


class PhraseError(ValueError):
    """The phrase cannot be marked; ``message`` is shown to the moderator (Czech)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Segment:
    """A piece of redacted text for display: plain text, or a placeholder to highlight."""

    text: str
    label: str | None = None  # PERSON/CLASS/CONTACT/ID for placeholders


def label_of(placeholder: str) -> str | None:
    match = _PARTS_RE.fullmatch(placeholder)
    return _LABEL_OF_NAME[match.group(1)] if match else None


def segments(text: str) -> list[Segment]:
    """Split for rendering, so placeholders can be marked visibly (and escaped safely)."""
    out: list[Segment] = []
    pos = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > pos:
            out.append(Segment(text[pos:match.start()]))
        out.append(Segment(match.group(0), label_of(match.group(0))))
        pos = match.end()
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def placeholders_in(text: str) -> list[str]:
    """Distinct placeholders in order of first appearance."""
    return list(dict.fromkeys(m.group(0) for m in PLACEHOLDER_RE.finditer(text)))


def next_placeholder(label: str, used: Iterable[str]) -> str:
    """The next free number for ``label`` (``[OSOBA 3]`` after ``[OSOBA 1]``, ``[OSOBA 2]``)."""
    highest = 0
    for placeholder in used:
        match = _PARTS_RE.fullmatch(placeholder)
        if match and _LABEL_OF_NAME[match.group(1)] == label:
            highest = max(highest, int(match.group(2) or 1))
    return placeholder_for(label, highest + 1)


def normalise_phrase(raw: str) -> str:
    """Collapse whitespace and check what the moderator selected or typed."""
    phrase = " ".join((raw or "").split())
    if len(phrase) < MIN_PHRASE_CHARS:
        raise PhraseError("Vyberte nebo napište výraz, který chcete skrýt (aspoň 2 znaky).")
    if len(phrase) > MAX_PHRASE_CHARS:
        raise PhraseError(f"Výraz je příliš dlouhý (nejvýše {MAX_PHRASE_CHARS} znaků). "
                          "Skryjte raději jednotlivá jména.")
    if "[" in phrase or "]" in phrase:
        raise PhraseError("Výraz nesmí obsahovat už skrytý údaj v hranatých závorkách. "
                          "Vyberte jen text mimo ně.")
    if not any(ch.isalnum() for ch in phrase):
        raise PhraseError("Výraz musí obsahovat aspoň jedno písmeno nebo číslici.")
    return phrase


def find_occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Spans of ``phrase`` in ``text``: any letter case, with or without diacritics (children
    write both), whole words only, never inside a placeholder."""
    return occurrences(text, phrase)


@dataclass(frozen=True)
class Replacement:
    text: str                 # the new redacted text
    wordings: list[str]       # distinct original wordings replaced (kept in memory only)
    occurrences: int


def replace_phrase(text: str, phrase: str, placeholder: str) -> Replacement:
    """Replace every occurrence of ``phrase`` by ``placeholder``."""
    spans = find_occurrences(text, phrase)
    if not spans:
        raise PhraseError("Tento výraz se v textu hlášení nenachází. Zkontrolujte, že je "
                          "napsaný přesně tak jako v textu (velikost písmen nevadí).")
    parts, wordings, pos = [], [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(placeholder)
        wordings.append(text[start:end])
        pos = end
    parts.append(text[pos:])
    return Replacement("".join(parts), list(dict.fromkeys(wordings)), len(spans))
