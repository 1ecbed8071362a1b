"""Kin and role words are not part of the name after them: "Ségra Petra", "Mamka Jany".

At a sentence start every word is capitalised, so a kin or role word ("Ségra", "Brácha",
"Kámoška", "Spolužák") and the name after it look like a first name + surname and are
joined into one PERSON span; the word is then hidden and the placeholder reads as if the
family member were named. The word is a closed class of Czech nouns (with their case forms
through a shared stem), so it is cut off the span's front.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .span import Span
from .textutil import fold

# folded stems; a word is a role word when it is a stem plus at most three letters of ending
_STEMS = (
    "segr sestr sestrick brach bratr bratrank sesternic mamk mam mamin mamc tat tatk tatin "
    "dedeck dedous babick tet tetick strejd strejc stryc kamos kamarad kamosk kamaradk "
    "spoluzak spoluzack soused sousedk ucitel ucitelk tridn reditel reditelk vychovatel "
    "vychovatelk trener trenerk holk kluk pritel pritelkyn frajer frajerk"
).split()
_ROLE = re.compile(r"(?:" + "|".join(sorted(set(_STEMS), key=len, reverse=True)) + r")\w{0,3}")


@lru_cache(maxsize=65536)
def is_role_word(word: str) -> bool:
    """Cached: asked of most lowercase words of every text, and words repeat."""
    return bool(_ROLE.fullmatch(fold(word)))


def trim(text: str, spans: list[Span]) -> list[Span]:
    """Cut a leading kin/role word off multi-word PERSON spans."""
    out = []
    for s in spans:
        if s.label == "PERSON":
            piece = text[s.start : s.end]
            first, sep, rest = piece.partition(" ")
            if sep and rest.strip() and is_role_word(first):
                offset = len(first) + len(sep)
                while offset < len(piece) and piece[offset].isspace():
                    offset += 1
                s = Span(s.start + offset, s.end, s.label, s.score, s.cluster)
        out.append(s)
    return out
