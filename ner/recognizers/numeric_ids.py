"""CONTACT: numeric platform ids after a cue ("discord id je 123456789012345678").

A long number alone is a phone, an amount or an order number; after "id", "uid", "steam id",
"číslo účtu na …" it identifies a child's account, so it is hidden.
"""

from __future__ import annotations

import re

from ..span import Span

CUED = re.compile(
    r"(?i:(?<!\w)(?:(?:discord|steam|roblox|epic|xbox|psn|snap|tiktok|ig|user|hráčsk\w*)[ -]?)?"
    r"(?:id|uid|ajdí|ajdi|čísl\w* (?:účtu|profilu|hráče))(?!\w))"
    r"(?:\s+(?i:je|má|mám|:|=)){0,2}\s*[:=]?\s*(?P<n>\d{5,20})(?![\w/])"
)


def find(text: str) -> list[Span]:
    return [Span(m.start("n"), m.end("n"), "CONTACT", 0.85) for m in CUED.finditer(text)]
