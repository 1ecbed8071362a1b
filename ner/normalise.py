"""Undo the ways a name is disguised, keeping an exact map back to the original characters.

Children (and people who want a name to slip through) write ``Pe\u200btr``, ``P e t r``,
``P.e.t.r``, ``ᴘᴇᴛʀ``, ``Pеtr`` with a Cyrillic ``е``, ``P3tr N0vák`` or ``PEPÍKUUU``. Every
layer of the detector works on words, so each of these defeats it. ``normalise`` turns the
text into what a reader sees (``Petr``, ``PETR``, ``PEPÍKU``) and records, for every
character of the result, the range of original characters it came from. Detection runs on
the normalised text; ``Normalised.to_original`` maps each span back so the mask covers every
original character, the invisible ones inside a name included.

Stages, in order (each works on the output of the one before and composes the map):

1. drop format characters (Unicode category Cf: zero-width space/joiners, word joiner,
   soft hyphen, BOM, bidi marks) and the combining grapheme joiner / variation selectors;
2. NFKC per grapheme cluster (fullwidth and mathematical letters, ligatures, decomposed
   diacritics → one letter);
3. small capitals → capitals (the whole word is uppercased: ``ᴘᴇᴛʀ`` → ``PETR``), and
   Cyrillic/Greek look-alike letters inside a word that also has Latin letters → Latin;
4. digits inside a word between two letters → the letter they stand for (``P3tr`` → ``Petr``),
   only a run of one or two digits between letters, so plates, handles and codes keep theirs;
5. letter-spaced and dotted runs of single letters (``P e t r``, ``P.e.t.r``, ``P-e-t-r``) →
   one word;
6. a letter repeated three or more times → once (``PEPÍKUUU`` → ``PEPÍKU``; Czech never
   writes a letter three times).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# -- tables -------------------------------------------------------------------------------

_EXTRA_INVISIBLE = {"\u034f"} | {chr(c) for c in range(0xFE00, 0xFE10)}

_SMALL_CAPS = dict(
    zip(
        "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ",
        "ABCDEFGHIJKLMNOPRSTUVWYZ",
        strict=True,
    )
)

# Cyrillic and Greek letters that look like Latin ones (only replaced inside a word that
# has Latin letters too, so a name written wholly in Cyrillic stays as it is)
_LOOKALIKE = dict(
    zip(
        "АВЕКМНОРСТХУІЈЅаеорсхуіјѕԁһԛԝ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοκνρτυχ",
        "ABEKMHOPCTXYIJSaeopcxyijsdhqw" "ABEZHIKMNOPTYXokvptux",
        strict=True,
    )
)

# digit → letter inside a word ("P3tr N0vák", "M4rek", "k1uk")
_DIGIT_LETTER = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"}
MIN_LETTERS_FOR_DIGIT_SWAP = 2  # "P37r"; a code such as "4T2" has no digit between letters
_INNER_DIGITS = re.compile(r"(?<=[^\W\d_])\d{1,2}(?=[^\W\d_])")  # "Jo53fa", "P37r"

# single letters joined by one separator: "P e t r", "P.e.t.r", "P-e-t-r", "P_e_t_r"
_SPACED_RUN = re.compile(
    r"(?<![\w.])([^\W\d_])((?:([ .\-_*·])[^\W\d_])(?:\3[^\W\d_]){1,})(?![\w]|[.\-_*·][^\W\d_])"
)
MIN_SPACED_LETTERS = 3
_ONE_LETTER_WORDS = frozenset("aikosuvz")  # Czech words of one letter: "a i v", "s k" stay
MIN_DOTTED_CAPITALS = 4  # "T.G.M." or "J.R.R." are initials, not a disguised name
# a letter three or more times (not in a word of Roman numerals, "VIII.B", "XXX", or "www.")
_STRETCH = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)
_ROMAN_OR_WWW = re.compile(r"[IVXLCDM]+|[ivxlcdm]+|[wW]+")
_MIXED_WORD = re.compile(r"[^\W_]+")

_INVISIBLE = re.compile(
    "["
    + "".join(
        re.escape(chr(cp))
        for cp in list(range(0x10000)) + list(range(0xE0000, 0xE0080))
        if unicodedata.category(chr(cp)) == "Cf"
    )
    + "".join(sorted(_EXTRA_INVISIBLE))
    + "]"
)
_NON_LATIN_LOOK = re.compile("[" + "".join(sorted(set(_SMALL_CAPS) | set(_LOOKALIKE))) + "]")
_QUICK_CHECK = re.compile(
    r"[^\x00-\x7f]|[^\W\d_]\d+[^\W\d_]|(?<![\w.])[^\W\d_][ .\-_*·][^\W\d_][ .\-_*·][^\W\d_]"
    r"|([^\W\d_])\1\1"
)


@dataclass(frozen=True)
class Normalised:
    """Normalised text; character ``i`` came from ``original[starts[i]:ends[i]]``.

    ``starts``/``ends`` are ``None`` when nothing changed (the common case: no copy, no map).
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original range of normalised ``[start, end)``: it covers every original character
        that produced any character of the range (and the invisible ones between them)."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


class _Chars:
    """Characters with their original ranges, rebuilt stage by stage."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)
        self.starts = list(range(len(text)))
        self.ends = list(range(1, len(text) + 1))

    def text(self) -> str:
        return "".join(self.chars)

    def rebuild(self, pieces: list[tuple[str, int, int]]) -> None:
        self.chars = [p[0] for p in pieces]
        self.starts = [p[1] for p in pieces]
        self.ends = [p[2] for p in pieces]


def _drop_invisible(c: _Chars) -> None:
    """Stage 1: a dropped character joins the preceding letter/digit, else the next character."""
    pieces: list[tuple[str, int, int]] = []
    pending: int | None = None  # start of dropped characters waiting for the next kept one
    for ch, s, e in zip(c.chars, c.starts, c.ends, strict=True):
        if unicodedata.category(ch) == "Cf" or ch in _EXTRA_INVISIBLE:
            if pieces and pieces[-1][0].isalnum():
                last = pieces[-1]
                pieces[-1] = (last[0], last[1], e)
            elif pending is None:
                pending = s
            continue
        pieces.append((ch, s if pending is None else pending, e))
        pending = None
    if pending is not None and pieces:
        last = pieces[-1]
        pieces[-1] = (last[0], last[1], c.ends[-1])
    c.rebuild(pieces)


def _nfkc(c: _Chars) -> None:
    """Stage 2: NFKC per cluster (a base character and the combining marks after it)."""
    pieces: list[tuple[str, int, int]] = []
    i, n = 0, len(c.chars)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(c.chars[j]):
            j += 1
        cluster = "".join(c.chars[i:j])
        s, e = c.starts[i], c.ends[j - 1]
        out = unicodedata.normalize("NFKC", cluster) if not cluster.isascii() else cluster
        pieces.extend((ch, s, e) for ch in out)
        i = j
    c.rebuild(pieces)


def _lookalikes(c: _Chars) -> None:
    """Stage 3: small capitals uppercase their word; look-alikes in a Latin word become Latin."""
    text = c.text()
    for m in _MIXED_WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        has_small = any(ch in _SMALL_CAPS for ch in word)
        has_latin = any("a" <= ch.lower() <= "z" for ch in word) or has_small
        if has_small:
            for k in range(m.start(), m.end()):
                ch = c.chars[k]
                ch = _SMALL_CAPS.get(ch, _LOOKALIKE.get(ch, ch) if has_latin else ch)
                up = ch.upper()
                c.chars[k] = up if len(up) == 1 else ch
        elif has_latin:
            for k in range(m.start(), m.end()):
                c.chars[k] = _LOOKALIKE.get(c.chars[k], c.chars[k])


def _digit_swaps(c: _Chars) -> None:
    """Stage 4: a digit between two letters of a word with 3+ letters stands for a letter."""
    text = c.text()
    for m in _MIXED_WORD.finditer(text):
        word = m.group()
        if word.isalpha() or word.isdigit():
            continue
        if sum(ch.isalpha() for ch in word) < MIN_LETTERS_FOR_DIGIT_SWAP:
            continue
        upper = all(ch.isupper() for ch in word if ch.isalpha())
        for run in _INNER_DIGITS.finditer(word):
            if not all(ch in _DIGIT_LETTER for ch in run.group()):
                continue
            for k in range(run.start(), run.end()):
                letter = _DIGIT_LETTER[word[k]]
                c.chars[m.start() + k] = letter.upper() if upper else letter


def _join_spaced(c: _Chars) -> None:
    """Stage 5: "P e t r" / "P.e.t.r" → "Petr"; the separators join the following letter."""
    text = c.text()
    drop: set[int] = set()
    for m in _SPACED_RUN.finditer(text):
        letters = m.group()[0::2]
        sep = m.group(3)
        if len(letters) < MIN_SPACED_LETTERS:
            continue
        if sep == "." and letters.isupper() and len(letters) < MIN_DOTTED_CAPITALS:
            continue
        if sep == " " and set(letters.lower()) <= _ONE_LETTER_WORDS:
            continue
        for k in range(m.start() + 1, m.end(), 2):
            if text[k + 1].isupper() and text[k - 1].islower():
                c.chars[k] = " "  # "P e t r N o v á k": a capital after a small letter
            else:
                drop.add(k)
    if not drop:
        return
    pieces: list[tuple[str, int, int]] = []
    pending: int | None = None
    for k, (ch, s, e) in enumerate(zip(c.chars, c.starts, c.ends, strict=True)):
        if k in drop:
            pending = s if pending is None else pending
            continue
        pieces.append((ch, s if pending is None else pending, e))
        pending = None
    c.rebuild(pieces)


def _word_at(text: str, m: re.Match[str]) -> str:
    start, end = m.start(), m.end()
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _squeeze(c: _Chars) -> None:
    """Stage 6: a letter written three or more times is one letter (its range grows)."""
    text = c.text()
    runs = [m for m in _STRETCH.finditer(text) if not _ROMAN_OR_WWW.fullmatch(_word_at(text, m))]
    if not runs:
        return
    pieces: list[tuple[str, int, int]] = []
    pos = 0
    for m in runs:
        pieces.extend(zip(c.chars[pos : m.start()], c.starts[pos : m.start()],
                          c.ends[pos : m.start()], strict=True))
        pieces.append((c.chars[m.start()], c.starts[m.start()], c.ends[m.end() - 1]))
        pos = m.end()
    pieces.extend(zip(c.chars[pos:], c.starts[pos:], c.ends[pos:], strict=True))
    c.rebuild(pieces)


def normalise(text: str) -> Normalised:
    """``text`` as a reader sees it, with the map back (see the module docstring)."""
    if not _QUICK_CHECK.search(text):
        return Normalised(text, text)
    c = _Chars(text)
    if not text.isascii():
        if _INVISIBLE.search(text):
            _drop_invisible(c)
        if not unicodedata.is_normalized("NFKC", c.text()):
            _nfkc(c)
        if _NON_LATIN_LOOK.search(text):
            _lookalikes(c)
    _digit_swaps(c)
    _join_spaced(c)
    _squeeze(c)
    out = c.text()
    if out == text and c.starts == list(range(len(text))):
        return Normalised(text, text)
    return Normalised(text, out, tuple(c.starts), tuple(c.ends))


def normalise_value(value: str) -> str:
    """A form field's value normalised the same way (seeds are compared with the text)."""
    return normalise(value or "").text
