"""A CRF sequence tagger for person names (BIO over word tokens), trained on CNEC 2.0 *train*.

``scripts/build_crf_model.py`` trains a linear-chain CRF (CRFsuite, L-BFGS with L1+L2
regularisation) on the CNEC 2.0 train split and writes ``ner/data/person_crf.crfsuite`` (licence
CC BY-NC-SA 3.0, see ``ner/data/NOTICE``). Unlike ``tagger.py`` it scores every word, in
sequence, so a name is read as a whole ("Václav Havel", "Jana Nováková-Malá", "Athos de Luca")
and its context ("řekl ministr X", "v ulici X") is weighed jointly. It learns persons (B-PER,
I-PER) beside the other CNEC entity types (places, institutions, titles of works …): having to
say what a capitalised non-name is sharpens P(person).

Features of a token: its folded form, diacritic-preserving and folded endings (Czech cases,
-ová, -ský, -enko, -uk …), prefixes, shape, sentence position, the gazetteer readings (given
name / surname / nickname, origin, popularity band, ambiguity with ordinary words, exact base
form or an inflected one), a place reading (``ner/data/places.tsv.gz``), how common it is as an
ordinary Czech word, spaCy's entity type, the punctuation around it, the same (reduced) for the
neighbours ±2, and spaCy's contextual tok2vec values projected to 32 dimensions
(``VectorProjection``).

``CrfTagger.marginals`` gives P(token is inside a person name) from the CRF's forward-backward
marginals. The model is trained on edited newspaper text: on lowercase or undiacritised
children's text it sees few of its cues, so ``recognizers/names.py`` uses it only to *add*
names there, and lets it veto only capitalised words of edited text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .crf_model import CrfWeights

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = "person_crf.crfsuite"
CASELESS_FILE = "person_crf_caseless.crfsuite"  # the same CRF trained on caseless copies
PCA_FILE = "person_crf_pca.npz"  # projection of spaCy's tok2vec values, built with the model
PCA_DIMS = 32
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


@lru_cache(maxsize=65536)
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


def _gaz(prefix: str, m) -> tuple[str, ...]:
    if m is None:
        return ()
    e = m.entry
    return _gaz_features(prefix, m.exact, e.ambiguous, e.rank, e.origin)


@lru_cache(maxsize=16384)
def _gaz_features(prefix: str, exact: bool, ambiguous: bool, rank: int, origin: str
                  ) -> tuple[str, ...]:
    tag = f"{prefix}{'E' if exact else 'F'}{'A' if ambiguous else ''}"
    return (tag, f"{tag}{_band(rank)}", f"{prefix}o={origin}")


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
    """Gazetteer kinds of a token: G(iven) S(urname), lowercase = only ambiguous readings,
    L(ocation) = a place name or a case form of one."""
    out = "L" if getattr(e, "place", "") else ""
    if e.given is not None:
        out += "g" if e.given.entry.ambiguous else "G"
    if e.surname is not None:
        out += "s" if e.surname.entry.ambiguous else "S"
    return out or "0"


def token_infos(ev: Sequence) -> list[tuple[str, str, str, str, str, str]]:
    """Per token, what its own and its neighbours' features read (computed once per sequence):
    folded form, kind, sentence-start mark, spaCy entity, gazetteer kinds, Zipf band."""
    out = []
    for e in ev:
        t = e.token
        out.append(
            (
                t.folded,
                _kind(t),
                "S" if t.sent_start else "",
                e.ent or "-",
                _brief(e),
                _zipf(e.common),
            )
        )
    return out


@lru_cache(maxsize=65536)
def _word_features(word: str, f: str) -> tuple[str, ...]:
    """The features of a word that depend on the word alone (cached: words repeat)."""
    low = word.lower()
    return (
        "w=" + f,
        "s1=" + f[-1:],
        "s2=" + f[-2:],
        "s3=" + f[-3:],
        "s4=" + f[-4:],
        "d2=" + low[-2:],
        "d3=" + low[-3:],
        "p2=" + f[:2],
        "p3=" + f[:3],
        "sh=" + shape(word),
        "len=" + str(min(len(f), 12) // 3),
    )


@lru_cache(maxsize=4096)
def _own_features(kss: str, k: str, z: str, ent: str, brief: str
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A token's kind, frequency, entity and gazetteer-kind features (before and after the gaps)."""
    return ("k=" + kss, "z=" + z, "ent=" + ent), ("gz=" + brief + k, "kz=" + kss + z)


@lru_cache(maxsize=65536)
def _neighbour_features(p: str, info: tuple) -> tuple[str, ...]:
    """What neighbour ``p`` ("-2", "-1", "+1", "+2") reads; the nearest ones also their
    suffix and frequency (their kind beside the token's own: ``_kind_pair``)."""
    nf, nkind, nss, nent, nbrief, nz = info
    nk = nkind + nss
    out = (p + "w=" + nf, p + "k=" + nk, p + "ent=" + nent, p + "gz=" + nbrief + nk)
    if p in ("-1", "+1"):
        return (*out, p + "s3=" + nf[-3:], p + "z=" + nz)
    return out


def _kind_pair(p: str, info: tuple, kss: str) -> str:
    """The kinds of the token and its nearest neighbour ``p`` ("-1" or "+1"), in text order."""
    nk = info[1] + info[2]
    return p + "k|k=" + (nk + "|" + kss if p == "-1" else kss + "|" + nk)


_NEIGHBOURS = ((-2, "-2"), (-1, "-1"), (1, "+1"), (2, "+2"))


def _gaps(text: str, ev: Sequence, i: int) -> tuple[str, str]:
    """The punctuation before and after token ``i`` ("gp=", "gn=" features)."""
    t = ev[i].token
    return (
        "gp=" + _gap(text, ev[i - 1].token.end if i > 0 else _back(text, t.start), t.start),
        "gn=" + _gap(text, t.end, ev[i + 1].token.start if i + 1 < len(ev) else t.end + 3),
    )


def _extras(e, f: str, nick) -> list[str]:
    """Place reading, nickname and hyphen features of a token (rare: not worth caching)."""
    out = []
    place = getattr(e, "place", "")
    if place:
        out.append("geo=" + place + ("n" if e.given or e.surname else ""))
    if f in nick:
        out.append("nick")
    if "-" in e.token.text:
        out.append("hyph")
    return out


def token_features(
    text: str,
    ev: Sequence,
    i: int,
    nick: frozenset | dict = frozenset(),
    infos: Sequence | None = None,
) -> list:
    """Features of token ``i``; ``ev`` items have .token, .given, .surname, .common, .ent.
    ``infos`` (``token_infos(ev)``) saves recomputing the neighbours' parts for every token.
    The order is the model's: CRFsuite numbers attributes as it first meets them, so a rebuild
    gives the same file only with the same order."""
    if infos is None:
        infos = token_infos(ev)
    e = ev[i]
    f, k, ss, ent, brief, z = infos[i]
    kss = k + ss
    own, own2 = _own_features(kss, k, z, ent, brief)
    out = [*_word_features(e.token.text, f), *own, *_gaps(text, ev, i), *own2]
    out += _gaz("g", e.given) + _gaz("s", e.surname)
    out += _extras(e, f, nick)
    n_ev = len(ev)
    for d, p in _NEIGHBOURS:
        j = i + d
        if j < 0 or j >= n_ev:
            out.append(p + "w=<s>" if j < 0 else p + "w=</s>")
        else:
            out += _neighbour_features(p, infos[j])
            if d in (-1, 1):
                out.append(_kind_pair(p, infos[j], kss))
    return out


def token_item(
    text: str,
    ev: Sequence,
    i: int,
    nick: frozenset | dict = frozenset(),
    infos: Sequence | None = None,
) -> dict:
    """CRFsuite item of token ``i``: the indicator features of ``token_features`` plus spaCy's
    contextual tok2vec values (``ev[i].vec``, see ``VectorProjection``)."""
    item = dict.fromkeys(token_features(text, ev, i, nick, infos), 1.0)
    vec = ev[i].vec
    if vec is not None:
        item.update(zip(_VEC_KEYS, vec.tolist(), strict=False))
    return item


_VEC_KEYS = [f"v{k}" for k in range(96)]
_VEC_SET = frozenset(_VEC_KEYS)


class VectorProjection:
    """Whitened PCA of spaCy's 96 tok2vec values (``doc.tensor``) to ``PCA_DIMS`` features.

    The tok2vec layer of ``cs_core_news_sm`` was trained on UD Czech-PDT for tags, morphology
    (incl. NameType) and syntax, so its values say how the sentence around a word reads, which
    the indicator features cannot. Whitening puts every dimension on the scale of an indicator
    (unit variance), so one L1/L2 setting fits both; keeping 32 of 96 dimensions keeps the CRF
    cheap at run time. Fitted on CNEC train by ``scripts/build_crf_model.py``."""

    def __init__(self, mean, components) -> None:
        self.mean = mean
        self.components = components  # (96, dims), whitening included

    @classmethod
    def fit(cls, rows, dims: int = PCA_DIMS) -> VectorProjection:
        x = np.asarray(rows, dtype=np.float64)
        mean = x.mean(axis=0)
        _u, sv, vt = np.linalg.svd(x - mean, full_matrices=False)
        comps = vt[:dims]
        # a fixed sign per component, so a rebuild gives the same features
        signs = np.sign(comps[np.arange(dims), np.abs(comps).argmax(axis=1)])
        comps = comps * signs[:, None]
        scale = sv[:dims] / np.sqrt(max(1, len(x) - 1))
        return cls(mean.astype(np.float32), (comps / scale[:, None]).T.astype(np.float32))

    def __call__(self, tensor):
        """Projected values (in row blocks: see ``crf_model.blocked_matmul``)."""
        from .crf_model import blocked_matmul

        return blocked_matmul(tensor - self.mean, self.components)

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            np.savez(f, mean=self.mean, components=self.components)

    @classmethod
    def load(cls, path: Path) -> VectorProjection:
        with np.load(path) as z:
            return cls(z["mean"], z["components"])


@lru_cache(maxsize=1)
def get_projection() -> VectorProjection | None:
    p = DATA / PCA_FILE
    return VectorProjection.load(p) if p.exists() else None


def token_vectors(doc):  # noqa: ANN201 - a numpy array (tokens × PCA_DIMS) or None
    """Projected tok2vec values per spaCy token of ``doc`` (None without tensor or projection)."""
    proj = get_projection()
    tensor = getattr(doc, "tensor", None)
    if proj is None or tensor is None or len(doc) == 0 or len(tensor) != len(doc):
        return None
    return proj(tensor)


def sequences(ev: Sequence) -> list[tuple[int, int]]:
    """Token ranges the CRF tags as one sequence: sentences (line breaks, . ! ?), cut at MAX_SEQ."""
    out = []
    a = 0
    for i in range(1, len(ev) + 1):
        if i == len(ev) or (ev[i].token.sent_start and i > a) or i - a >= MAX_SEQ:
            out.append((a, i))
            a = i
    return out


def caseless(seq: Sequence) -> bool:
    """A sentence whose letter case says nothing: all lowercase, or ALL CAPS (words of two or
    more letters). Children's writing and shouted chat lines look like this."""
    seen = False
    lower = upper = True
    for e in seq:
        t = e.token
        if not t.is_alpha or len(t.text) < 2:
            continue
        seen = True
        if t.is_cap:
            lower = False
        if not t.is_upper:
            upper = False
        if not (lower or upper):
            return False
    return seen


def _word_roles(model: CrfWeights, word: str, f: str) -> tuple[tuple[int, ...], ...]:
    """Attribute ids of what a word's letters say: to its own token, and as the neighbour of
    the tokens two and one after it and one and two before it (roles -2, -1, +1, +2)."""
    return (
        model.ids(_word_features(word, f)),
        model.ids(("-2w=" + f,)),
        model.ids(("-1w=" + f, "-1s3=" + f[-3:])),
        model.ids(("+1w=" + f, "+1s3=" + f[-3:])),
        model.ids(("+2w=" + f,)),
    )


def _kind_roles(model: CrfWeights, kind: tuple) -> tuple[tuple[int, ...], ...]:
    """The same for a token's kind, sentence start, entity, gazetteer kinds and frequency
    band (``token_infos`` without the word)."""
    k, ss, ent, brief, z = kind
    own = model.ids(sum(_own_features(k + ss, k, z, ent, brief), ()))
    return (own, *(model.ids(_neighbour_kind(p, kind)) for p in ("-2", "-1", "+1", "+2")))


_EDGES = ("-2w=<s>", "-1w=<s>", "+1w=</s>", "+2w=</s>")  # no neighbour there


def sequence_ids(
    text: str, seq: Sequence, nick, infos: Sequence, model: CrfWeights
) -> tuple[list[int], list[int]]:
    """The attribute ids of ``token_features`` for every token of a sentence, flat, with the
    count per token (the order within a token differs; it does not matter to the scores).
    The same strings, but what a word's letters say (to its own token and, as a neighbour,
    to the tokens around it) is looked up once per word, and what its kind, entity and
    frequency band say once per combination (cached per model); per token only the gaps,
    the pairs of kinds and gazetteer readings are looked up. Words repeat, so most tokens
    cost a few dictionary hits instead of ~70 strings."""
    cache = model.cache
    if len(cache) > CACHE_MAX:  # a long-running server meets ever new words
        cache.clear()
    ids = model.ids
    get = model.attr_id.get
    edges = cache.get(_EDGES)
    if edges is None:
        edges = cache[_EDGES] = tuple(ids((x,)) for x in _EDGES)
    n = len(seq)
    words = []
    kinds = []
    for e, info in zip(seq, infos, strict=True):
        text_ = e.token.text
        w = cache.get(text_)
        if w is None:
            w = cache[text_] = _word_roles(model, text_, info[0])
        kind = info[1:]
        k = cache.get(kind)
        if k is None:
            k = cache[kind] = _kind_roles(model, kind)
        words.append(w)
        kinds.append(k)
    flat: list[int] = []
    counts: list[int] = []
    for i, e in enumerate(seq):
        before = len(flat)
        info = infos[i]
        flat += words[i][0]
        flat += kinds[i][0]
        flat += ids(_gaps(text, seq, i))
        kss = info[1] + info[2]
        if i >= 2:
            flat += words[i - 2][1]
            flat += kinds[i - 2][1]
        else:
            flat += edges[0]
        if i >= 1:
            flat += words[i - 1][2]
            flat += kinds[i - 1][2]
            if (x := get(_kind_pair("-1", infos[i - 1], kss))) is not None:
                flat.append(x)
        else:
            flat += edges[1]
        if i + 1 < n:
            flat += words[i + 1][3]
            flat += kinds[i + 1][3]
            if (x := get(_kind_pair("+1", infos[i + 1], kss))) is not None:
                flat.append(x)
        else:
            flat += edges[2]
        if i + 2 < n:
            flat += words[i + 2][4]
            flat += kinds[i + 2][4]
        else:
            flat += edges[3]
        if e.given is not None:
            flat += ids(_gaz("g", e.given))
        if e.surname is not None:
            flat += ids(_gaz("s", e.surname))
        if e.place or "-" in e.token.text or info[0] in nick:
            flat += ids(_extras(e, info[0], nick))
        counts.append(len(flat) - before)
    return flat, counts


@lru_cache(maxsize=4096)
def _neighbour_kind(p: str, kind: tuple) -> tuple[str, ...]:
    """The part of ``_neighbour_features`` that does not depend on the neighbour's letters."""
    nkind, nss, nent, nbrief, nz = kind
    nk = nkind + nss
    out = (p + "k=" + nk, p + "ent=" + nent, p + "gz=" + nbrief + nk)
    return (*out, p + "z=" + nz) if p in ("-1", "+1") else out


CACHE_MAX = 300_000  # cached feature pieces per model before the cache starts afresh


def _vectors(seq: Sequence):  # noqa: ANN202 - a numpy array (tokens × dims) or None
    """The projected tok2vec values of a sentence's tokens (zeros where spaCy had no token)."""
    rows = [e.vec for e in seq]
    known = next((r for r in rows if r is not None), None)
    if known is None:
        return None
    if any(r is None for r in rows):
        zero = np.zeros_like(known)
        rows = [zero if r is None else r for r in rows]
    return np.stack(rows)


class CrfTagger:
    """Person-name marginals from the shipped CRFsuite model, and from its caseless twin.

    The main model learnt from edited newspaper text, where a capital marks a name; on a
    sentence with no capitals (or only capitals) it finds almost nothing (token recall 0.01
    on lowercased CNEC dtest). The caseless model is the same CRF trained on the same train
    sentences lowercased, undiacritised or in ALL CAPS (``scripts/build_crf_model.py
    --caseless``); a caseless sentence goes to it, every other sentence to the main model, so
    edited text is tagged exactly as before. Inference runs in numpy on the model's weights
    (``ner.crf_model``), with the same marginals as CRFsuite's tagger to rounding."""

    def __init__(self, path: Path, caseless_path: Path | None = None) -> None:
        from .crf_model import CrfWeights

        self._main = CrfWeights(path, _VEC_KEYS)
        self._caseless = None
        if caseless_path is not None and caseless_path.exists():
            self._caseless = CrfWeights(caseless_path, _VEC_KEYS)
        self.labels = set(self._main.labels)
        # B/I (persons only) or B-PER/I-PER beside other CNEC types (B-GEO, I-INST, …)
        self.person_labels = [lab for lab in ("B", "I", "B-PER", "I-PER") if lab in self.labels]

    def _person(self, model: CrfWeights, marg) -> list[float]:  # noqa: ANN001 - numpy array
        """P(inside a person name) per token: the person labels' marginals summed."""
        cols = [model.labels.index(lab) for lab in self.person_labels]
        p = marg[:, cols[0]]
        for c in cols[1:]:
            p = p + marg[:, c]
        return p.tolist()

    def item_probs(self, items: Sequence[dict], caseless_model: bool = False) -> list[float]:
        """P(person) per token of a sentence given as CRFsuite items (``token_item``)."""
        model = self._caseless if caseless_model and self._caseless else self._main
        flat, counts, vec_rows = [], [], []
        for item in items:
            ids = model.ids([a for a in item if a not in _VEC_SET])
            flat += ids
            counts.append(len(ids))
            vec_rows.append([v for a, v in item.items() if a in _VEC_SET])
        dims = max((len(r) for r in vec_rows), default=0)
        vecs = None
        if dims:
                vecs = np.array([r if len(r) == dims else [0.0] * dims for r in vec_rows])
        return self._person(model, model.marginals(flat, counts, vecs))

    def marginals(
        self, text: str, ev: Sequence, nick=frozenset(), needed: Callable | None = None,
        holes: Sequence[tuple[int, int]] = (),
    ) -> list[float]:
        """P(inside a person name) per token of ``ev``; a sequence for which ``needed(seq)`` is
        false is not tagged (its tokens get 0.0). A sentence with a placeholder of an earlier
        redaction in it (``holes``) is never read as caseless: the word that stood there may
        have been its one capital, and redacting twice must read it as the first time."""
        return self.marginals_many([(text, ev, holes)], nick, needed)[0]

    def marginals_many(
        self, items: Sequence[tuple[str, Sequence, Sequence[tuple[int, int]]]], nick=frozenset(),
        needed: Callable | None = None,
    ) -> list[list[float]]:
        """``marginals`` for several ``(text, ev, holes)`` at once: forward-backward steps
        through the sentences of all of them side by side (numpy's cost is per call, so a
        batch of short texts costs little more than its longest sentence)."""
        outs = [[0.0] * len(ev) for _text, ev, _holes in items]
        jobs: dict[int, list] = {}  # per model: (item, ranges, scores, vectors)
        for k, (text, ev, holes) in enumerate(items):
            per_model: dict[int, tuple[CrfWeights, list[tuple[int, int]]]] = {}
            for a, b in sequences(ev):
                seq = ev[a:b]
                if needed is not None and not needed(seq):
                    continue
                model = self._main
                if self._caseless is not None and caseless(seq):
                    lo = ev[a - 1].token.end if a > 0 else 0
                    hi = ev[b].token.start if b < len(ev) else len(text)
                    if not any(h0 < hi and lo < h1 for h0, h1 in holes):
                        model = self._caseless
                per_model.setdefault(id(model), (model, []))[1].append((a, b))
            for key, (model, ranges) in per_model.items():
                flat: list[int] = []
                counts: list[int] = []
                for a, b in ranges:
                    seq = ev[a:b]
                    f, c = sequence_ids(text, seq, nick, token_infos(seq), model)
                    flat += f
                    counts += c
                vecs = _vectors([e for a, b in ranges for e in ev[a:b]])
                jobs.setdefault(key, []).append(
                    (model, k, ranges, model.state_scores(flat, counts), vecs)
                )
        for group in jobs.values():
            model = group[0][0]
            scores = np.concatenate([g[3] for g in group])
            vec_list = [g[4] for g in group]
            vecs = None
            if any(v is not None for v in vec_list):
                dims = next(v.shape[1] for v in vec_list if v is not None)
                vecs = np.concatenate([
                    v if v is not None else np.zeros((len(g[3]), dims), dtype=np.float32)
                    for g, v in zip(group, vec_list, strict=True)
                ])
            lengths = [b - a for g in group for a, b in g[2]]
            probs = self._person(model, model.marginals_of(scores, vecs, lengths))
            pos = 0
            for _model, k, ranges, _score, _vecs in group:
                for a, b in ranges:
                    outs[k][a:b] = probs[pos : pos + b - a]
                    pos += b - a
        return outs


@lru_cache(maxsize=1)
def get_crf() -> CrfTagger | None:
    """The shipped CRF, or None when the model file is missing."""
    p = DATA / MODEL_FILE
    if not p.exists():
        return None
    return CrfTagger(p, DATA / CASELESS_FILE)
