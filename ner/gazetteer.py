"""Name gazetteers and the Czech common-word lexicon, loaded once from ner/data/.

Built by scripts/build_gazetteers.py from names-dataset and wordfreq (see ner/data/NOTICE);
nothing is downloaded at run time. All keys are folded (lowercase, no diacritics).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .morph import base_candidates
from .textutil import fold

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class NameEntry:
    name: str  # display form, e.g. "Lukáš"
    rank: int  # popularity rank (1 = most common); foreign lists are scaled down
    origin: str  # cz, pl, ru, eu, ar, vi, uk, mn
    ambiguous: bool  # also an ordinary Czech word (Černý, Liška): needs a capital or a cue


@dataclass(frozen=True)
class NameMatch:
    kind: str  # "given" or "surname"
    base: str  # folded base form the token maps to
    entry: NameEntry
    exact: bool  # the token is the base form itself (no ending stripped)

    @property
    def cost(self) -> float:
        """Lower is a likelier reading: popular names first, an exact form worth a 4x better rank
        (so noisy entries like "Novákovi" lose to Novák + ending)."""
        return self.entry.rank * (1 if self.exact else 4) * (3 if self.entry.ambiguous else 1)


def _read(name: str) -> list[list[str]]:
    # one decode and one split instead of a text-mode readline per row: the common-word list
    # has ~180,000 rows and its parsing was the largest part of the detector's cold start
    with gzip.open(DATA / name, "rb") as f:
        text = f.read().decode("utf-8")
    return [line.split("\t") for line in text.split("\n") if line.strip() and line[0] != "#"]


class Gazetteer:
    """Folded lookups of given names, surnames, nicknames and common words."""

    def __init__(self) -> None:
        self.given = self._names("given.tsv.gz")
        self.surnames = self._names("surnames.tsv.gz")
        self.nick_to_formal = {fold(a): fold(b) for a, b in _read("nicknames.tsv.gz")}
        self.common = {w: int(z) / 10 for w, z in _read("common_cs.tsv.gz")}  # Zipf × 10
        self.sur_suffixes = tuple(r[0] for r in _read("suffixes.txt.gz"))
        # scripts/build_places.py; optional (a CRF feature)
        places = DATA / "places.tsv.gz"
        rows = _read(places.name) if places.exists() else []
        self.places = frozenset(r[0] for r in rows)

    @staticmethod
    def _names(file: str) -> dict[str, NameEntry]:
        out: dict[str, NameEntry] = {}
        for name, rank, origin, amb in _read(file):
            key = fold(name)
            e = NameEntry(name, int(rank), origin, amb == "1")
            old = out.get(key)
            if old is None or e.rank < old.rank:
                out[key] = e
        return out

    def zipf(self, folded: str) -> float:
        """Zipf frequency of the folded word as an ordinary Czech word (0 if rare)."""
        return self.common.get(folded, 0.0)

    def lookup(self, folded: str) -> list[NameMatch]:
        """All gazetteer names this (possibly inflected) folded word may be a form of."""
        return list(_lookup(self, folded))

    def place(self, folded: str) -> str:
        """``"E"`` if the folded word is a place name, ``"F"`` if it is a case form of one
        (Moskvou, Chorvatska), ``""`` otherwise."""
        return _place(self, folded)

    def canonical(self, base: str) -> str:
        """Nickname → formal name, for clustering (péťa → petr)."""
        return self.nick_to_formal.get(base, base)


@lru_cache(maxsize=131072)
def _lookup(gaz: Gazetteer, folded: str) -> tuple[NameMatch, ...]:
    out: list[NameMatch] = []
    for i, cand in enumerate(base_candidates(folded)):
        for kind, table in (("given", gaz.given), ("surname", gaz.surnames)):
            e = table.get(cand)
            if e is not None:
                out.append(NameMatch(kind, cand, e, i == 0))
    return tuple(out)


@lru_cache(maxsize=131072)
def _place(gaz: Gazetteer, folded: str) -> str:
    if folded in gaz.places:
        return "E"
    return "F" if any(c in gaz.places for c in base_candidates(folded)[1:]) else ""


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()
