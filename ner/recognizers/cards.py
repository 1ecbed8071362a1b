"""ID: card numbers — ISIC/ITIC/IYTC student cards and Luhn-valid payment cards.

An ISIC number is a letter (S student, T teacher, Y youth, H/A…) and 12 digits starting with
the country code, then a check letter: "S 420 123 456 789 A", run together or spaced. A pupil
who photographs a classmate's card gives away a lifelong identifier.
"""

from __future__ import annotations

import re

from ..span import Span

# the check letters in either case: a child types "s 420 155 463 613 e" on a phone keyboard;
# twelve digits starting with a country code keep it from prose
# the check letter is often left off when the number is copied: "S 420 123 456 789"
ISIC = re.compile(r"(?<![\w])[STYHAstyha][ -]?\d{3}(?:[ -]?\d{3}){3}(?:[ -]?[A-Za-z])?(?![\w])")
PAYMENT = re.compile(r"(?<![\w])\d{4}(?:[ -]?\d{4}){3}(?![\w])")
# after "karta"/"číslo karty" a number typed from memory is hidden even when its checksum fails
CARD_CUE = re.compile(r"(?i:(?<!\w)(?:kart[aueyoě]\w*|platební\w*|platebni\w*|visa|mastercard)"
                      r"(?:\s+\w+)?\s*[:=]?\s*)$")


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum every payment card number carries."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def find(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "ID", 0.95) for m in ISIC.finditer(text)]
    for m in PAYMENT.finditer(text):
        cued = CARD_CUE.search(text[max(0, m.start() - 30) : m.start()]) is not None
        if cued or luhn_valid(re.sub(r"\D", "", m.group())):
            spans.append(Span(m.start(), m.end(), "ID", 0.9))
    return spans
