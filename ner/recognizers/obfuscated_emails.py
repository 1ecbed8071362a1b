"""CONTACT: e-mail addresses written to dodge filters: "pepa.novak(at)seznam.cz",
"kaja [at] gmail.com", "terka zavináč seznam tečka cz", and the ones a phone keyboard or a
hurried parent spaces out: "majda2010 @ seznam.cz", "k.horakova@ post.cz", "kuba@seznam . cz",
"pepa@gymkolin,cz".

An "@" with spaces needs a domain that ends in a known top-level domain, so a handle after
"@" in prose ("napiš @ kubovi") is not read as an address."""

from __future__ import annotations

import re

from ..span import Span

_AT = r"(?:\s?[(\[{<]\s?(?:at|@|a|zavin[aá][cč])\s?[)\]}>]\s?|\s(?:at|zavin[aá][cč])\s|\s?@\s?)"
_DOT = r"(?:\s?[(\[{]\s?(?:dot|te[cč]ka)\s?[)\]}]\s?|\s(?:dot|te[cč]ka)\s|\s?\.\s?|,)"
OBFUSCATED = re.compile(
    r"(?i)(?<![\w.])[\w+-]+(?:\.[\w+-]+)*" + _AT + r"[\w-]+(?:" + _DOT + r"[\w-]+)*"
    + _DOT + r"(?:cz|sk|com|net|org|eu|de|info|ru|ua)(?!\w)"
)


def find(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "CONTACT", 0.9) for m in OBFUSCATED.finditer(text)]
