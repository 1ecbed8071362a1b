"""School logins (CONTACT) and passwords (ID) typed into a report.

"zná můj login do bakalářů dvorak.j a heslo majda2011", "přihlásil se za mě jako zak.novak4",
"moje heslo je LUCKA3?": a login names a child's school account (Bakaláři, Teams, the school
PC) as surely as a handle does, and a password opens it, so both are hidden. A login after its
cue must look like one (a dot, a digit, an underscore, or no ordinary Czech word: "kralovaad");
a password is any token that is not an ordinary word, so "heslo je tajné", "heslo mi změnil" and
"zapomněl jsem heslo" stay visible.
"""

from __future__ import annotations

import re

from ..span import Span

_SYSTEM = r"(?:\s+(?:do|na|od|k|ke|v|ve|z|ze)\s+[^\W\d_]+)?"
_LINK = (r"(?:\s+(?:je|jsou|má|ma|mám|mam|měl|mel|měla|mela|bylo|zní|zni|zněl|znel|"
         r"jako|pod|je to)(?!\w))*\s*[:=\-–]?\s*[\"„'“]?")
LOGIN = re.compile(
    r"(?i:(?<!\w)(?:login\w*|loginem|přihlašovací\s+jméno|prihlasovaci\s+jmeno|uživatelské\s+jméno|"
    r"uzivatelske\s+jmeno|username|jméno\s+do\s+\w+|jmeno\s+do\s+\w+|školní\s+účet|skolni\s+ucet|"
    r"(?:se\s+)?přihlásil\w*(?:\s+se)?(?:\s+za\s+\w+)?|"
    r"(?:se\s+)?prihlasil\w*(?:\s+se)?(?:\s+za\s+\w+)?|přihlášen\w*|"
    r"prihlasen\w*)(?!\w)" + _SYSTEM + _LINK + r")(?P<v>[\w.@-]*\w)"
)
PASSWORD = re.compile(
    r"(?i:(?<!\w)(?:hesl[oa]|heslem|password|pass|pin|kód|kódu|kódem|kod|kodu|kodem)(?!\w)"
    + _SYSTEM + _LINK + r")"
    r"(?P<v>[^\s\"”“'„,;]+)"
)
# A cue is a whole word: "pinďákovi" and "kodéři" hold no PIN or code ("(?!\w)" after the cue).
MAX_ZIPF = 1.5  # an ordinary word (tajné, stejné, změnil) is not a password or a login


def _ordinary(word: str) -> bool:
    from ..gazetteer import get_gazetteer
    from ..textutil import fold

    return word.isalpha() and get_gazetteer().zipf(fold(word)) >= MAX_ZIPF


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in LOGIN.finditer(text):
        v = m.group("v")
        if len(v) >= 4 and any(c.isalpha() for c in v) and not _ordinary(v):
            spans.append(Span(m.start("v"), m.end("v"), "CONTACT", 0.8))
    for m in PASSWORD.finditer(text):
        v = m.group("v").rstrip(".")  # a full stop after it ends the sentence
        if len(v) >= 4 and not _ordinary(v):  # digits too: "heslo je 1234", "pin 0000"
            spans.append(Span(m.start("v"), m.start("v") + len(v), "ID", 0.8))
    return spans
