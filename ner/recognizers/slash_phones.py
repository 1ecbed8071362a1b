"""CONTACT: phone numbers written with slashes ("602/123/456", "777/123 456", "+420 602/123456").

``contacts.PHONE`` refuses slashes so birth numbers (6/4 digits) and dates stay out; a Czech
number is nine digits starting 2–7 or 9, split 3/3/3 or 3/6 by the writer.
"""

from __future__ import annotations

import re

from ..span import Span

SLASHED = re.compile(
    r"(?<![\w/+])(?:(?:\+|00)420\s?)?[2-79]\d{2}\s?/\s?(?:\d{3}[\s/]?\d{3}|\d{6})(?![\w/])"
)


def find(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "CONTACT", 0.85) for m in SLASHED.finditer(text)]
