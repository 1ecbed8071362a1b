"""A CRF sequence tagger for person names (BIO over word tokens), trained on CNEC 2.0 *train*.

``scripts/build_crf_model.py`` trains a linear-chain CRF (CRFsuite, L-BFGS with L1+L2
regularisation, so most feature weights are exactly zero and the model stays compact) on the
CNEC 2.0 train split and writes ``ner/data/person_crf.crfsuite`` (licence CC BY-NC-SA 3.0, see
``ner/data/NOTICE``). Unlike ``tagger.py`` it scores every word, in sequence, so a name is read
as a whole ("Václav Havel", "Jana Nováková-Malá", "Athos de Luca") and its context ("řekl
ministr X", "v ulici X") is weighed jointly.

Features of a token: its folded form, diacritic-preserving and folded endings (Czech cases,
-ová, -ský, -enko, -uk …), prefixes, shape, sentence position, the gazetteer readings (given
name / surname / nickname, origin, popularity band, ambiguity with ordinary words, exact base
form or an inflected one), how common it is as an ordinary Czech word, spaCy's entity type, the
punctuation around it, and the same (reduced) for the neighbours ±2.

``CrfTagger.marginals`` gives P(token is inside a person name) from the CRF's forward-backward
marginals. The model is trained on edited newspaper text: on lowercase or undiacritised
children's text it sees few of its cues, so ``recognizers/names.py`` uses it only to *add*
names there, and lets it veto only capitalised words of edited text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = "person_crf.crfsuite"
MAX_SEQ = 120  # tokens per CRF sequence (long sentences are cut; keeps cost linear)


def _band(rank: int) -> str:
    for b in (30, 100, 300, 1000, 3000, 10000):
        if rank <= b:
            return str(b)
    return "x"


def _zipf(z: float) -> str:
    if z <= 0:
        return "0"
    return str(min(6.5, int(z * 2) / 2))


def shape(text: str) -> str:
    """Compressed character shape: Novák → Xx, J → X, ČEZ → X, 7.B → d.X."""
    out = []
    for c in text:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)[:6]


def _kind(t) -> str:
    if not t.is_alpha:
        return "D" if t.text[:1].isdigit() else "O"
    if t.is_upper:
        return "U"
    if t.is_cap:
        return "I" if len(t.text) == 1 else "C"
    return "l"


def _gaz(prefix: str, m) -> list[str]:
    if m is None:
        return []
    e = m.entry
    tag = f"{prefix}{'E' if m.exact else 'F'}{'A' if e.ambiguous else ''}"
    return [tag, f"{tag}{_band(e.rank)}", f"{prefix}o={e.origin}"]


def _gap(text: str, a: int, b: int) -> str:
    g = text[a:b].strip()
    return g[:2] if g else "_"


def _back(text: str, start: int) -> int:
    """Start of the non-word gap before ``start`` (at most 3 characters back)."""
    a = start
    while a > 0 and start - a < 3 and not text[a - 1].isalnum():
        a -= 1
    return a


def _brief(e) -> str:
    """Gazetteer kinds of a token: G(iven) S(urname), lowercase = only ambiguous readings."""
    out = ""
    if e.given is not None:
        out += "g" if e.given.entry.ambiguous else "G"
    if e.surname is not None:
        out += "s" if e.surname.entry.ambiguous else "S"
    return out or "0"


def token_features(text: str, ev: Sequence, i: int, nick: frozenset | dict = frozenset()) -> list:
    """Features of token ``i``; ``ev`` items have .token, .given, .surname, .common, .ent."""
    e = ev[i]
    t = e.token
    f = t.folded
    low = t.text.lower()
    k = _kind(t)
    ss = "S" if t.sent_start else ""
    out = [
        "w=" + f,
        "s1=" + f[-1:],
        "s2=" + f[-2:],
        "s3=" + f[-3:],
        "s4=" + f[-4:],
        "d2=" + low[-2:],
        "d3=" + low[-3:],
        "p2=" + f[:2],
        "p3=" + f[:3],
        "k=" + k + ss,
        "sh=" + shape(t.text),
        "len=" + str(min(len(f), 12) // 3),
        "z=" + _zipf(e.common),
        "ent=" + (e.ent or "-"),
        "gp=" + _gap(text, ev[i - 1].token.end if i > 0 else _back(text, t.start), t.start),
        "gn=" + _gap(text, t.end, ev[i + 1].token.start if i + 1 < len(ev) else t.end + 3),
        "gz=" + _brief(e) + k,
        "kz=" + k + ss + _zipf(e.common),
    ]
    out += _gaz("g", e.given) + _gaz("s", e.surname)
    if f in nick:
        out.append("nick")
    if "-" in t.text:
        out.append("hyph")
    for d in (-2, -1, 1, 2):
        j = i + d
        p = f"{d:+d}"
        if j < 0 or j >= len(ev):
            out.append(p + "w=<s>" if j < 0 else p + "w=</s>")
            continue
        n = ev[j]
        nk = _kind(n.token) + ("S" if n.token.sent_start else "")
        out.append(p + "w=" + n.token.folded)
        out.append(p + "k=" + nk)
        out.append(p + "ent=" + (n.ent or "-"))
        out.append(p + "gz=" + _brief(n) + nk)
        if d in (-1, 1):
            out.append(p + "s3=" + n.token.folded[-3:])
            out.append(p + "z=" + _zipf(n.common))
            out.append(p + "k|k=" + (nk + "|" + k + ss if d < 0 else k + ss + "|" + nk))
    return out


def sequences(ev: Sequence) -> list[tuple[int, int]]:
    """Token ranges the CRF tags as one sequence: sentences (line breaks, . ! ?), cut at MAX_SEQ."""
    out = []
    a = 0
    for i in range(1, len(ev) + 1):
        if i == len(ev) or (ev[i].token.sent_start and i > a) or i - a >= MAX_SEQ:
            out.append((a, i))
            a = i
    return out


class CrfTagger:
    """Person-name marginals from the shipped CRFsuite model."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.labels = set(self._tagger.labels())

    def marginals(self, text: str, ev: Sequence, nick=frozenset()) -> list[float]:
        """P(inside a person name) per token of ``ev``."""
        out = [0.0] * len(ev)
        tg = self._tagger
        for a, b in sequences(ev):
            seq = ev[a:b]
            xseq = [token_features(text, seq, i, nick) for i in range(len(seq))]
            tg.set(xseq)
            for i in range(a, b):
                p = 0.0
                for lab in ("B", "I"):
                    if lab in self.labels:
                        p += tg.marginal(lab, i - a)
                out[i] = p
        return out


@lru_cache(maxsize=1)
def get_crf() -> CrfTagger | None:
    """The shipped CRF, or None when the model file or python-crfsuite is missing."""
    p = DATA / MODEL_FILE
    if not p.exists():
        return None
    try:
        return CrfTagger(p)
    except ImportError:
        return None
