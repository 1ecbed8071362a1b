"""CONTACT: phone numbers written partly or wholly in words ("sedm sedm sedm 123 456",
"605 245 sedm čtyři devět", "šest-nula-dva-tři-…").

Children spell digits out to slip a number past a filter or a moderator; ``contacts.PHONE``
sees only digits. A run of digit words and digit groups, joined by spaces or dashes, that holds
at least one digit word and adds up to a phone's nine digits (twelve with 420 first) is a
number: fewer digits are prose ("dva tři kluci", "pět 100 korun").
"""

from __future__ import annotations

import re

from ..span import Span

DIGIT_WORDS = {
    "nula": 0, "jedna": 1, "jednička": 1, "dva": 2, "dvě": 2, "tři": 3, "čtyři": 4, "pět": 5,
    "šest": 6, "sedm": 7, "osm": 8, "devět": 9,
}
_FOLD = str.maketrans("ěščřžýáíéůú", "escrzyaieuu")
_WORDS = {w.translate(_FOLD): d for w, d in DIGIT_WORDS.items()} | DIGIT_WORDS
_ALT = "|".join(sorted(_WORDS, key=len, reverse=True))
_ITEM = r"(?:(?i:" + _ALT + r")(?!\w)|\d{1,4}(?![\d\w]))"
RUN = re.compile(r"(?<![\w+])" + _ITEM + r"(?:(?:\s*-\s*|\s+|,\s?)" + _ITEM + r")+")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def _digits(token: str) -> str:
    return token if token.isdigit() else str(_WORDS[token.lower()])


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in RUN.finditer(text):
        toks = list(_TOKEN.finditer(m.group()))
        if all(t.group().isdigit() for t in toks):
            continue  # digits only: contacts.PHONE decides
        # drop leading tokens until the digits fit a number ("mam dva 777 sedm …" → "777 …")
        for i in range(len(toks)):
            rest = toks[i:]
            digits = "".join(_digits(t.group()) for t in rest)
            if len(digits) == 9 or (len(digits) == 12 and digits.startswith("420")):
                if any(not t.group().isdigit() for t in rest):
                    spans.append(Span(m.start() + rest[0].start(), m.start() + rest[-1].end(),
                                      "CONTACT", 0.8))
                break
            if len(digits) < 9:
                break
    return spans
