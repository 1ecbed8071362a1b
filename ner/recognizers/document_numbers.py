"""ID: numbers of documents and school cards after their cue ("číslo občanky 203948571",
"OP č. 76623791", "číslo pasu 41234567", "evidenční číslo žáka 335555", "čip do jídelny
2023/1877", "kartička do jídelny č. 6509", "číslo žáka Z26579").

Such a number alone looks like an amount or an order number; after the name of the document it
identifies one child for years (a canteen chip, a pupil's register number), so it is hidden.
At least four digits: "OP mi vzal v 8" or "karta stojí 150 Kč" do not qualify, nor does a date.
"""

from __future__ import annotations

import re

from ..span import Span

CUED = re.compile(
    r"(?i:(?<!\w)(?:občank\w*|obcank\w*|občansk\w*\s+průkaz\w*|obcansk\w*\s+prukaz\w*|OP|"
    r"pas(?:u|em|e|y|ů)?|průkaz\w*|prukaz\w*|průkazk\w*|prukazk\w*|"
    r"(?:evidenční|evidencni)\s+čísl\w*|(?:evidenční|evidencni)\s+cisl\w*|"
    r"čísl\w*\s+žák\w*|cisl\w*\s+zak\w*|kód\w*\s+žák\w*|kod\w*\s+zak\w*|"
    r"id\s+žák\w*|id\s+zak\w*|doklad\w*|řidičák\w*|ridicak\w*|řidičsk\w*\s+průkaz\w*|"
    r"kartičk\w*|kartick\w*|kart\w*\s+(?:do|na)\s+(?:jídeln\w*|jideln\w*|obědy|obedy)|"
    r"čip(?:u|em|y|ov\w*)?|cip(?:u|em|y|ov\w*)?|pojištěn\w*|pojisten\w*|kartičk\w*\s+pojišťovny)"
    r"(?:\s+(?:do|na)\s+(?:jídeln\w*|jideln\w*|obědy|obedy|školy|skoly))?"
    r"(?:\s*[:,]|\s+(?:č\.|c\.|čísl\w*|cisl\w*|je|má|ma|mám|mam|s\s+číslem|s\s+cislem))*)"
    r"\s*(?P<n>[A-Za-z]{0,2}\d[\d ]{2,14}\d(?:/\d{2,6})?)(?![\w/.,]\d|\w)"
    r"(?!\s*(?i:kč|kc|korun\w*|,-|let|x|krát|krat|%|lidí|lidi|km|minut\w*)(?!\w))"
)
_DATE_OR_TIME = re.compile(r"\d{1,2}[.:]\d{1,2}")


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in CUED.finditer(text):
        n = m.group("n").rstrip()
        digits = sum(c.isdigit() for c in n)
        if digits < 4 or _DATE_OR_TIME.fullmatch(n):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", n):
            continue  # a year: "pas z roku 2019", "průkaz 2024"
        spans.append(Span(m.start("n"), m.start("n") + len(n), "ID", 0.85))
    return spans
