"""ID: Czech bank account numbers ("19-2000145399/0800", "123456789/0100"), checksum-verified.

A Czech account is an optional prefix (up to 6 digits), a number (2–10 digits) and a
four-digit bank code. Prefix and number each pass the mod-11 test with the weights
1, 2, 4, 8, 5, 10, 9, 7, 3, 6 (from the right), so dates and scores with a slash are left out.
"""

from __future__ import annotations

import re

from ..span import Span

# "114342615/ 0800", "674322057 / 0800": people put spaces around the slash
ACCOUNT = re.compile(r"(?<![\w/-])(?:(?P<prefix>\d{1,6})-)?(?P<number>\d{2,10}) ?/ ?(?P<bank>\d{4})"
                     r"(?![\w/])")
# an IBAN: "CZ65 0800 0000 1920 0014 5399", run together or in fours
IBAN = re.compile(r"(?<!\w)(?i:cz|sk)\d{2}(?: ?\d{4}){5}(?!\w)")
_WEIGHTS = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
# bank codes of the ČNB register: a short number with a year after the slash is a file reference
# ("č. j. 123/2024"), unless its code is a bank's
BANK_CODES = frozenset("""
0100 0300 0600 0710 0800 2010 2020 2060 2070 2100 2200 2220 2250 2260 2275 2600 2700 3030 3050
3060 3500 4000 4300 5500 5800 6000 6100 6200 6210 6300 6363 6700 6800 7910 7950 7960 7970 7990
8030 8040 8060 8090 8150 8190 8198 8199 8200 8220 8250 8255 8265 8500
""".split())


def mod11_valid(digits: str) -> bool:
    """The Czech account checksum (ČNB decree 169/2011)."""
    return sum(int(d) * w for d, w in zip(reversed(digits), _WEIGHTS, strict=False)) % 11 == 0


# after "účet"/"číslo účtu" an account typed with a slip (checksum failing) is hidden all the same
ACCOUNT_CUE = re.compile(r"(?i:(?<!\w)(?:účt?\w*|uct?\w*|bankovní\w*|bankovni\w*|iban|převod\w*|"
                         r"prevod\w*|pošli\w*|posli\w*)(?:\s+\w+){0,2}\s*[:=]?\s*)$")


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in ACCOUNT.finditer(text):
        prefix, number = m.group("prefix") or "", m.group("number")
        if int(number) == 0 or len(number.lstrip("0")) < 2:
            continue
        cued = ACCOUNT_CUE.search(text[max(0, m.start() - 30) : m.start()]) is not None
        if " " in m.group() and not cued:
            continue  # "č. 78 / 1985 Sb.": a spaced slash is a law or a page, unless cued
        if not cued and len(number) < 6 and m.group("bank") not in BANK_CODES:
            continue
        if cued and len(number) >= 6 or (not prefix or mod11_valid(prefix)) and mod11_valid(number):
            spans.append(Span(m.start(), m.end(), "ID", 0.9))
    spans += [Span(m.start(), m.end(), "ID", 0.9) for m in IBAN.finditer(text)]
    return spans
