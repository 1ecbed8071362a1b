"""Seeded layer: the victim's name and class are known from the form fields.

Every form of them is found in the text.

"Petr Novák" → Petra, Petrovi, petrem, Novakovi, Novákových; "Kuba" → Kubou, Kubo; "Terka" → Tereza.
Junk field values ("test", "ja", "Pan ředitel") are ignored: a seed word must be a known name,
or a rare word of 3+ letters.
"""

from __future__ import annotations

import re

from ..gazetteer import Gazetteer
from ..morph import base_candidates
from ..span import Span
from ..textutil import Token, fold
from . import classes

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


def seed_bases(name: str, gaz: Gazetteer) -> set[str]:
    """Canonical folded bases of the usable words of the name field."""
    out: set[str] = set()
    for w in re.findall(r"[^\W\d_]+", name or ""):
        f = fold(w)
        if len(f) < 3:
            continue
        matches = gaz.lookup(f)
        if not matches and gaz.zipf(f) >= 3.5:
            continue  # an ordinary word such as "test", "ředitel"
        if (
            matches
            and all(m.entry.ambiguous for m in matches)
            and gaz.zipf(f) >= 4.5
            and not w[:1].isupper()
        ):
            continue
        out.add(gaz.canonical(f))
        out.update(gaz.canonical(m.base) for m in matches if m.exact)
    return out


def find_name(
    tokens: list[Token], name: str | None, gaz: Gazetteer, ground_truth: bool = False
) -> list[Span]:
    """Tokens that are a form of a word of ``name``. ``ground_truth``: the name is known to be
    this report's (a form field, or a name hidden earlier in the report), so a lowercase form
    that is also an ordinary word ("novaka", "svobodu", "markem") is hidden too."""
    seeds = seed_bases(name or "", gaz)
    if not seeds:
        return []
    spans = []
    for t in tokens:
        if len(t.folded) < 3 and t.folded not in seeds:
            continue
        cands = {gaz.canonical(b) for b in base_candidates(t.folded)}
        if cands & seeds:
            exact = t.folded in seeds or gaz.canonical(t.folded) in seeds
            # an inflected form that is also a common word ("mark" → marka) needs a capital
            if not exact and not ground_truth and gaz.zipf(t.folded) >= 3.5 and not t.is_cap:
                continue
            spans.append(Span(t.start, t.end, "PERSON", 1.0 if exact else 0.9))
    return spans


def class_key(s: str) -> tuple[int, str] | None:
    """Normalise "6.A", "6a", "VI. a" to (6, "a")."""
    m = re.fullmatch(r"\s*(\d|[IVXivx]{1,4})\s*\.?\s*([A-Ea-e])\s*", s or "")
    if not m:
        return None
    g = m.group(1)
    grade = int(g) if g.isdigit() else _ROMAN.get(g.lower(), 0)
    return (grade, m.group(2).lower()) if grade else None


def find_class(text: str, victim_class: str | None) -> list[Span]:
    """The class field's own string wherever it occurs.

    The general class recognizer finds the other forms."""
    vc = (victim_class or "").strip()
    if len(vc) < 2 or not (
        class_key(vc) or classes.GYM.fullmatch(vc) or classes.GYM_LETTER.fullmatch(vc)
    ):
        return []
    rx = re.compile(r"(?<!\w)" + re.escape(vc) + r"(?!\w)", re.IGNORECASE)
    return [Span(m.start(), m.end(), "CLASS", 1.0) for m in rx.finditer(text)]
