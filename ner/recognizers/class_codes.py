"""CLASS: secondary-school class codes and a grade with a lowercase letter after a space.

Secondary schools name classes by year and field: "2.M", "3.EB", "1. TL", "4.L"; the
primary-school recognizer (``classes``) knows only one letter A–E. "8 c" (a grade, a space, a
lowercase letter) is a class only after a word that introduces one ("ze třídy 8 c", "do 7 b"),
since "5 a 6" and "3 e-maily" are prose; the letter "a" is never taken this way.
"""

from __future__ import annotations

import re

from ..span import Span

# not school or faculty names: "1. ZŠ", "2. LF", "3. SŠ", "1. MŠ"
NOT_CLASSES = frozenset({"ZŠ", "ZS", "SŠ", "SS", "MŠ", "MS", "LF", "ČR", "CR", "SR", "PC", "ČT",
                         "CT", "ID", "OK", "ZUŠ", "ZUS", "DDM", "VŠ", "VS", "TV", "MHD", "SMS"})
SECONDARY = re.compile(r"(?<![\w./])([1-4])\.\s?([A-Z]{1,3})(?![\w])")
CUED = re.compile(
    r"(?i:(?<!\w)(?:tříd[auyěe]|tridy|tride|tridu|třídou|z|ze|do|ve?|spolužá\w*|chod[íi] do))"
    r"\s+(?P<c>[1-9]\s[b-e])(?![\w\-])"
)


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in SECONDARY.finditer(text):
        if m.group(2) in NOT_CLASSES or (len(m.group(2)) == 1 and m.group(2) in "ABCDE"):
            continue  # single A–E: the primary-school recognizer takes it
        spans.append(Span(m.start(), m.end(), "CLASS", 0.85))
    for m in CUED.finditer(text):
        spans.append(Span(m.start("c"), m.end("c"), "CLASS", 0.8))
    return spans
