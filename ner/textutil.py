"""Text helpers: diacritic folding and word tokens with offsets.

Children write ``lukas`` for ``Lukáš``; every lookup therefore uses the *folded* form
(lowercase, no combining marks), and the original casing is kept only as a cue.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word: letters (any script), digits, inner apostrophes/hyphens ("Bat-Erdene", "O'Neil").
WORD_RE = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
SENT_END = set(".!?…\n")
_CLASS_BEFORE = re.compile(r"\d\s?\.?\s?$")
OPEN_QUOTES = set("\"„“'‚«»(-–—:*")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lowercase and strip diacritics: ``Novákové`` → ``novakove``."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


_NON_KEY = re.compile(r"[^0-9a-z]+")


def search_key(text: str) -> str:
    """``fold`` with punctuation collapsed to single spaces (``Plzeň, nám. 1`` → ``plzen nam 1``):
    a search key, which (unlike ``fold_with_offsets``) cannot map back to the text."""
    return _NON_KEY.sub(" ", fold(unicodedata.normalize("NFKC", text))).strip()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, and the original index of every folded
    character: ``folded[i]`` comes from ``text[index[i]]``, so a folded match ``[s, e)`` is
    ``text[index[s]:index[e - 1] + 1]`` (field masking and the moderator's marking match so)."""
    table = {ch: fold(ch) for ch in set(text)}
    if all(len(v) == 1 for v in table.values()):  # the usual case: one character each
        return text.translate(str.maketrans(table)), list(range(len(text)))
    parts: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        folded = table[char]
        parts.append(folded)
        index.extend([position] * len(folded))
    return "".join(parts), index


class Token:
    """A word of the text with its offsets, folded form and sentence-start flag.

    A plain slotted class rather than a frozen dataclass: a report has hundreds of tokens and
    every layer reads them, so construction and the letter-case flags (computed once here,
    not as properties on every read) are on the hot path. Treat it as immutable."""

    __slots__ = ("start", "end", "text", "folded", "sent_start", "is_cap", "is_upper", "is_alpha")

    def __init__(self, start: int, end: int, text: str, folded: str, sent_start: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.folded = folded
        # first word of a sentence, line or quotation: capitals there prove little
        self.sent_start = sent_start
        self.is_cap = text[:1].isupper()
        self.is_upper = len(text) > 1 and text.isupper()
        self.is_alpha = text.replace("-", "").replace("'", "").isalpha()

    def _key(self) -> tuple[int, int, str, str, bool]:
        return (self.start, self.end, self.text, self.folded, self.sent_start)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Token(start={self.start}, end={self.end}, text={self.text!r}, "
                f"folded={self.folded!r}, sent_start={self.sent_start})")


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets and a sentence-start flag (a fresh list; the tokens of the last
    texts are cached, since detection and the seeded-name forms read the same text)."""
    return list(_tokenize(text))


@lru_cache(maxsize=256)
def _tokenize(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    prev_end = 0
    stamp = True  # only a time stamp ("[14:02]", "14.02") so far on this line
    for m in WORD_RE.finditer(text):
        gap = text[prev_end : m.start()]
        if gap == " " and out and not stamp:  # the usual case: one space inside a sentence
            word = m.group()
            out.append(Token(m.start(), m.end(), word, fold(word), False))
            prev_end = m.end()
            continue
        stripped = gap.strip(" \t\r")
        if "\n" in gap:
            stamp = True
        if not out:
            sent = True
        elif stamp and out[-1].text.isdigit() and _STAMP_GAP.fullmatch(gap):
            sent = True  # the chat line starts after its time stamp: "[14:03] Áďa: …"
        elif any(c in SENT_END for c in gap):
            # "J. Novák": a capital letter before a full stop is an initial, not a sentence end
            # (but the letter of a class, "ze 7.B. Napsal", is not an initial)
            prev = out[-1]
            sent = not (
                len(prev.text) == 1
                and prev.text.isupper()
                and gap.strip() == "."
                and not _CLASS_BEFORE.search(text, max(0, prev.start - 4), prev.start)
            )
            if "\n" in gap:
                sent = True
        else:
            sent = (
                bool(stripped)
                and stripped[-1] in OPEN_QUOTES
                and stripped[-1] not in "-–—("
                and stripped[-1] != ":"
                or (bool(stripped) and stripped[-1] == ":")
            )
        out.append(Token(m.start(), m.end(), m.group(), fold(m.group()), sent))
        stamp = stamp and m.group().isdigit() and len(m.group()) <= 2
        prev_end = m.end()
    return tuple(out)


_STAMP_GAP = re.compile(r"[\])]?[ \t,-]+")
