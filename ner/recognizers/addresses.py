"""ID: a street address after a cue, in any letter case ("bydli na palackeho 1187/22",
"adresa: u stadionu 14", "Bydlí na Masarykově 3").

``ids.STREET`` needs a capitalised street name; children write streets in lowercase, and
in the locative after "bydlí na". After a cue word (bydlí, bydliště, adresa, ulice) one to
three words and a house number are an address whatever their case.
"""

from __future__ import annotations

import re

from ..span import Span

_WORD = r"[^\W\d_][^\W\d_.]*\.?"
CUED = re.compile(
    r"(?i:(?<!\w)(?:bydl\w*|bydlišt\w*|adres\w*|ulic\w*|ul\.)"
    r"(?:\s*:)?(?:\s+(?:je|jsou|na|v|ve|u|k|ke|pod|nad|za|v ulici|na ulici|na adrese))*)\s+"
    r"(?P<a>" + _WORD + r"(?:\s+" + _WORD + r"){0,2}\s+\d{1,5}(?:/\d{1,4})?[a-zA-Z]?)(?![\w/])"
)
# words that end the run before a number: "bydlí v tom 3. domě" is no address
_NOT_STREET = re.compile(r"(?i)^(?:tom|tam|ten|to|tý|tej|tom|jeho|její|naší|vaší|patře|patro|"
                         r"roce|let|pokoji|bytě|domě|asi|už|uz|přes|mám|má|jsem|je|od|do)$")


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in CUED.finditer(text):
        words = m.group("a").split()[:-1]
        if any(_NOT_STREET.match(w) for w in words):
            continue
        spans.append(Span(m.start("a"), m.end("a"), "ID", 0.8))
    return spans
