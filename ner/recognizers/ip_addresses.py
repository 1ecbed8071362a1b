"""ID: IPv4 addresses ("jeho IP je 85.207.12.44", "zjistil mou IP 192.168.1.25").

An IP address found by a bully ("vím tvou IP") locates a child's home connection. Four dotted
numbers of at most 255 each: dates have three parts and a year over 255 ("12.3.2024"), times
two ("8.15"), so they are left alone. A version number ("1.20.4.1" after "verze") is skipped.
"""

from __future__ import annotations

import re

from ..span import Span

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = re.compile(r"(?<![\w.])" + _OCTET + r"(?:\." + _OCTET + r"){3}(?![\w]|\.\d)")
_VERSION = re.compile(r"(?i)(?:verz\w*|version|ver\.|v\.?)\s*$")


def find(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "ID", 0.9) for m in IPV4.finditer(text)
            if not _VERSION.search(text[max(0, m.start() - 12) : m.start()])]
