"""Cluster PERSON mentions: Petr, Petrovi, Péťa, Novák, Petr Novák → one person.

Keys are canonical folded bases (nickname → formal, inflection stripped via the gazetteer).
A mention joins the first person sharing its surname (with its gender: Novák ≠ Nováková), or
its given name when neither side has a conflicting surname, so "Petr Novák" and "Petr Dvořák"
stay apart.
"""

from __future__ import annotations

from bisect import bisect_left

from .gazetteer import Gazetteer
from .morph import base_candidates
from .span import Span
from .textutil import Token


def _keys(tokens: list[Token], gaz: Gazetteer) -> tuple[set[str], set[str]]:
    given, sur = set(), set()
    for t in tokens:
        if len(t.text) == 1:
            continue
        ms = gaz.lookup(t.folded)
        g = [m for m in ms if m.kind == "given"]
        s = [m for m in ms if m.kind == "surname"]
        best_g = min(g, key=lambda m: m.cost) if g else None
        best_s = min(s, key=lambda m: m.cost) if s else None
        if best_g and (not best_s or best_g.cost <= best_s.cost * 3):
            given.add(gaz.canonical(best_g.base))
        elif best_s:
            sur.add(_sur_key(best_s.base))
        else:
            # a name no list knows is its own base, and its case forms share it (Pinďa,
            # pinďovi; Zoraida, Zoraidou): the same stems merge.propagate matched them by
            given.add(t.folded)
            given.update(b for b in base_candidates(t.folded)[1:] if len(b) >= 4)
    return given, sur


def _sur_key(base: str) -> str:
    """A family name with its gender: Nováková and Novákové are one person, Novák and
    Nováková two (a Czech woman's surname always carries -ová or -á), Černý and Černá too."""
    if base.endswith("ova") and len(base) > 5:
        return base[:-3] + "/f"
    if base[-1:] == "a" and len(base) > 4:  # Černá
        return base[:-1] + "/f"
    if base[-1:] in ("y", "i") and len(base) > 4:  # Černý, Krejčí
        return base[:-1] + "/m"
    return base + "/m"


def assign(spans: list[Span], tokens: list[Token], gaz: Gazetteer) -> list[Span]:
    people: list[tuple[set[str], set[str]]] = []
    mention_keys = []
    starts = [t.start for t in tokens]
    for s in spans:
        if s.label != "PERSON":
            mention_keys.append(None)
            continue
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        toks = [t for t in tokens[lo:hi] if t.end <= s.end]
        mention_keys.append(_keys(toks, gaz))
    # full names first so that single words attach to the right person
    order = sorted(
        range(len(spans)),
        key=lambda i: (
            mention_keys[i] is None,
            -(len(mention_keys[i][0]) + len(mention_keys[i][1])) if mention_keys[i] else 0,
            spans[i].start,
        ),
    )
    cluster_of: dict[int, int] = {}
    for i in order:
        keys = mention_keys[i]
        if keys is None:
            continue
        g, s = keys
        found = None
        for pi, (pg, ps) in enumerate(people):
            if s and ps:
                if s & ps and (not g or not pg or g & pg):
                    found = pi
                    break
                continue
            if (g & pg) or (s & pg) or (g & ps):
                found = pi
                break
        if found is None:
            people.append((set(g), set(s)))
            found = len(people) - 1
        else:
            people[found][0].update(g)
            people[found][1].update(s)
        cluster_of[i] = found
    # number people by first appearance
    first: dict[int, int] = {}
    for i in range(len(spans)):
        if i in cluster_of and cluster_of[i] not in first:
            first[cluster_of[i]] = len(first) + 1
    return [
        Span(s.start, s.end, s.label, s.score, f"P{first[cluster_of[i]]}") if i in cluster_of else s
        for i, s in enumerate(spans)
    ]
