"""CLASS: school class designations.

7.B, 7. b, 7b, VII.B, sedmá bé, ze sedmičky bé, sexta, kvinta A.

A bare grade without a letter ("z devítky", "v 8. ročníku") is not a class designation.
"""

from __future__ import annotations

import re

from ..span import Span

_LETTER_WORD = (
    r"(?:[a-eA-E]|á|bé|be|cé|ce|dé|de|"
    r"áčk\w*|ačk\w*|béčk\w*|bečk\w*|céčk\w*|cečk\w*|déčk\w*|dečk\w*)"
)
_ORD = (
    r"(?:prvn|druh|třet|tret|čtvrt|ctvrt|pát|pat|šest|sest|sedm|osm|devát|devat)"
    r"(?:á|a|é|e|ou|ý|y|í|i|ého|eho|ému|emu|ém|em|ým|ym|ích|ich|ák\w*|ak\w*)?"
)
_NUMW = (
    r"(?:jedničk|dvojk|trojk|čtyřk|ctyrk|pětk|petk|šestk|sestk|"
    r"sedmičk|sedmick|osmičk|osmick|devítk|devitk)\w*"
)
_GYM_FREE = (
    r"(?:terci[eií]|kvart[auyěeo]u?|kvint[auyěeo]u?|sext[auyěeo]u?|"
    r"septim[auyěeo]u?|okt[aá]v[auyěeo]u?)"
)
_GYM_PREP = r"(?:prim[auyěeo]u?|sekund[auyěeo]u?)"

DIGIT = re.compile(
    r"(?<![\w./])[1-9]\.?\s?[A-Ea-e](?![\w])|(?<![\w./])(?:IX|IV|V?I{1,3}|V)\.\s?[A-E](?!\w)"
)
WORDED = re.compile(rf"(?i)(?<!\w)(?:{_ORD}|{_NUMW})\s+{_LETTER_WORD}(?!\w)")
GYM = re.compile(rf"(?i)(?<!\w){_GYM_FREE}(?:\s+[A-E](?!\w))?(?!\w)")
GYM_PREP = re.compile(
    rf"(?i)(?<!\w)(?:z|ze|do|v|ve|na|z té|ze své|ze sv[ée]|moj[ií]|naš[ií]|nasi)\s+"
    rf"(?P<c>{_GYM_PREP}(?:\s+[A-E](?!\w))?)(?!\w)"
)
GYM_LETTER = re.compile(rf"(?i)(?<!\w){_GYM_PREP}\s+[A-E](?!\w)")
# "6.A." at sentence end: the trailing full stop is punctuation. Numbers like "1.5" or dates are
# excluded
# by the look-arounds; "a" after a digit in prose ("za 5 a 6") needs the dot or no space.
_BAD_SPACE_A = re.compile(r"^\d\s[aA]$")


# "z osmičky a pak", "ze sekundy a kluci": the conjunction "a" before a word is no class letter
_CONJUNCTION_A = re.compile(r"\s+a$")
_WORD_AFTER = re.compile(r"\s+[^\W\d_]")


def _without_conjunction(text: str, start: int, end: int) -> int | None:
    """End of the match with a trailing conjunction "a" cut off; None if nothing is left that
    names a class (a bare grade such as "z osmičky")."""
    m = _CONJUNCTION_A.search(text, start, end)
    if m is None or not _WORD_AFTER.match(text, end):
        return end
    return m.start()


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in DIGIT.finditer(text):
        s = m.group()
        if _BAD_SPACE_A.match(s) or re.fullmatch(r"\d\s[a-e]", s):
            continue  # "5 a 6", "3 e" – prose, not a class
        spans.append(Span(m.start(), m.end(), "CLASS", 0.9))
    for rx, conf in ((WORDED, 0.85), (GYM, 0.8), (GYM_LETTER, 0.85)):
        for m in rx.finditer(text):
            end = _without_conjunction(text, m.start(), m.end())
            if end != m.end() and rx is not GYM:
                continue  # "z osmičky a pak": a bare grade; "sekundy a" is left to GYM_PREP
            spans.append(Span(m.start(), end, "CLASS", conf))
    for m in GYM_PREP.finditer(text):
        end = _without_conjunction(text, m.start("c"), m.end("c"))
        spans.append(Span(m.start("c"), end, "CLASS", 0.75))
    return spans
