"""A compact linear person-name tagger for capitalised words, trained on CNEC 2.0 *train*.

``scripts/build_person_model.py`` trains an averaged perceptron (binary: is this capitalised
word part of a person name?) on the CNEC 2.0 train split and writes the pruned weights to
``ner/data/person_tagger.tsv.gz`` (licence: CC BY-NC-SA 3.0, see ``ner/data/NOTICE``).
The features combine what the other layers already know about a word: its folded form and
endings, the gazetteer readings (given name / surname, popularity, ambiguity), how common it is
as an ordinary Czech word, spaCy's entity type, and the neighbouring words, punctuation and
entity types. Only capitalised words are scored: newspaper training text says nothing about
the lowercase names children write, which stay with the rule layers.

The margin (sum of weights; > 0 = name) is a statistical prior that ``recognizers/names.py``
uses to add names nothing else knows (foreign surnames) and to veto gazetteer hits on
capitalised places, firms and ethnonyms.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = "person_tagger.tsv.gz"


def _rank_bucket(rank: int) -> str:
    for b in (50, 300, 1500, 6000):
        if rank <= b:
            return str(b)
    return "x"


def _zipf_bucket(z: float) -> str:
    if z <= 0:
        return "0"
    return str(min(6, int(z * 2) / 2))


def _gaz(prefix: str, m) -> list[str]:
    if m is None:
        return [prefix + "0"]
    e = m.entry
    tag = f"{prefix}{'E' if m.exact else 'I'}{'A' if e.ambiguous else ''}"
    return [tag, f"{tag}{_rank_bucket(e.rank)}", f"{prefix}o{e.origin}"]


def _shape(t) -> str:
    if t is None:
        return "<none>"
    if not t.is_alpha:
        return "d" if t.text[:1].isdigit() else "o"
    if t.is_upper:
        return "U"
    if t.is_cap:
        return "C1" if len(t.text) == 1 else "C"
    return "l"


def _gap(text: str, a: int, b: int) -> str:
    g = text[a:b].strip()
    return g[:2] if g else "_"


def features(text: str, ev: Sequence, i: int) -> list[str]:
    """Features of token ``i``; ``ev`` items have .token, .given, .surname, .common, .ent."""
    e = ev[i]
    t = e.token
    f = t.folded
    prev = ev[i - 1] if i > 0 else None
    nxt = ev[i + 1] if i + 1 < len(ev) else None
    prev2 = ev[i - 2] if i > 1 else None
    out = [
        "b",
        "w=" + f,
        "s2=" + f[-2:],
        "s3=" + f[-3:],
        "s4=" + f[-4:],
        "p3=" + f[:3],
        "sh=" + _shape(t) + ("S" if t.sent_start else ""),
        "len=" + str(min(len(f), 12) // 3),
        "z=" + _zipf_bucket(e.common),
        "ent=" + (e.ent or "-"),
        "gp=" + _gap(text, prev.token.end if prev else 0, t.start),
        "gn=" + _gap(text, t.end, nxt.token.start if nxt else len(text)),
    ]
    out += _gaz("g", e.given) + _gaz("s", e.surname)
    for name, n in (("p", prev), ("n", nxt), ("pp", prev2)):
        if n is None:
            out.append(name + "w=<none>")
            continue
        out.append(name + "w=" + n.token.folded)
        out.append(name + "sh=" + _shape(n.token) + ("S" if n.token.sent_start else ""))
        out.append(name + "ent=" + (n.ent or "-"))
        if name != "pp" and n.token.is_cap and not n.token.sent_start:
            kinds = ("G" if n.given else "") + ("S" if n.surname else "")
            out.append(name + "gaz=" + (kinds or "0") + ("c" if n.common >= 4 else ""))
    out.append("ent+sh=" + (e.ent or "-") + _shape(t))
    out.append(
        "z+g=" + _zipf_bucket(e.common) + ("G" if e.given else "") + ("S" if e.surname else "")
    )
    return out


class PersonTagger:
    """Linear scorer over ``features``; weights from ``ner/data/person_tagger.tsv.gz``."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.w = weights

    @classmethod
    def load(cls, path: Path | None = None) -> PersonTagger:
        path = path or DATA / MODEL_FILE
        w: dict[str, float] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                k, v = line.rstrip("\n").rsplit("\t", 1)
                w[k] = float(v)
        return cls(w)

    def margin(self, feats: list[str]) -> float:
        # map over dict.get runs in C: the same sum in the same order as a generator, faster
        return sum(map(self.w.get, feats, repeat(0.0)))


@lru_cache(maxsize=1)
def get_tagger() -> PersonTagger | None:
    """The shipped tagger, or None when the data file is missing (rules alone then)."""
    p = DATA / MODEL_FILE
    return PersonTagger.load(p) if p.exists() else None
