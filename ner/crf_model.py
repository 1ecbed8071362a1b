"""The CRFsuite model's weights as arrays, and its forward-backward marginals in numpy.

Why not ``pycrfsuite.Tagger``: for every token it converts ~70 attribute strings to C++
strings and looks each one up in the model's hash table, every time the word occurs, and our
code first has to build those strings. Here an attribute is looked up once (``CrfWeights.ids``,
with caches in ``ner.crf`` keyed by what the strings are made of), the state scores of a
sentence are one gather-and-sum over the weight matrix, and the tok2vec values one matrix
product. The model file is the one ``scripts/build_crf_model.py`` writes (unchanged);
``read_model`` parses CRFsuite's documented binary layout (``crf1d_model.c``: header, FEAT
chunk, CQDB string databases), so loading costs no dump. The marginals equal CRFsuite's to
rounding (``tests/ner/test_crf.py`` compares them).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sI8I")  # magic, size, type, version, counts and chunk offsets
_FEATURE = struct.Struct("<iiid")  # type (0 state, 1 transition), src, dst, weight


BLOCK_ROWS = 64  # rows per matrix product: see ``blocked_matmul``


def blocked_matmul(x: np.ndarray, m: np.ndarray) -> np.ndarray:
    """``x @ m`` in blocks of ``BLOCK_ROWS`` rows. One product over a long text makes OpenBLAS
    start threads, which on a busy 2-core server costs milliseconds instead of microseconds
    (and makes the last bits depend on the thread count); blocks this small always take its
    single-threaded path."""
    if len(x) <= BLOCK_ROWS:
        return x @ m
    return np.concatenate([x[i : i + BLOCK_ROWS] @ m for i in range(0, len(x), BLOCK_ROWS)])


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """Strings of a CQDB chunk by id, read through its backward (id → record) array; a record
    is its id, the key's size with the final NUL, and the key."""
    magic, _size, _flag, _order, n, bwd = struct.unpack_from("<4s5I", buf, off)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite model: CQDB chunk missing")
    rec = np.frombuffer(buf, dtype="<u4", count=n, offset=off + bwd).astype(np.int64) + off
    raw = np.frombuffer(buf, dtype=np.uint8)
    size = raw[rec + 4].astype(np.int64)
    for k in (1, 2, 3):
        size |= raw[rec + 4 + k].astype(np.int64) << (8 * k)
    return [buf[a : a + k - 1].decode("utf-8") for a, k in zip((rec + 8).tolist(), size.tolist(),
                                                            strict=True)]


def read_model(path: Path) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Labels, attributes, state weights (attributes × labels) and transitions (from × to)."""
    buf = Path(path).read_bytes()
    magic, _size, kind, _ver, _nf, n_labels, n_attrs, off_feat, off_lab, off_attr, _lr, _ar = (
        _HEADER.unpack_from(buf, 0)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite CRF1d model")
    labels = _cqdb_strings(buf, off_lab)
    attrs = _cqdb_strings(buf, off_attr)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError(f"{path}: label/attribute counts disagree with the header")
    chunk, _csize, n_feat = struct.unpack_from("<4sII", buf, off_feat)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: FEAT chunk missing")
    feats = np.frombuffer(
        buf, dtype=np.dtype([("type", "<i4"), ("src", "<i4"), ("dst", "<i4"), ("w", "<f8")]),
        count=n_feat, offset=off_feat + 12,
    )
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    st = feats[feats["type"] == 0]
    tr = feats[feats["type"] == 1]
    state[st["src"], st["dst"]] = st["w"]
    trans[tr["src"], tr["dst"]] = tr["w"]
    return labels, attrs, state, trans


class CrfWeights:
    """One CRF1d model: attribute ids, weights, and P(label) per token of a sentence."""

    def __init__(self, path: Path, vec_keys: Sequence[str] = ()) -> None:
        labels, attrs, state, trans = read_model(path)
        self.labels = labels
        self.attr_id = {a: i for i, a in enumerate(attrs)}
        # a zero row at the end: attributes the model never kept map there and add nothing
        self.state = np.vstack([state, np.zeros((1, len(labels)))])
        self.unknown = len(attrs)
        self.exp_trans = np.exp(trans)
        # tok2vec values are real-valued attributes: their weights as one (dims × labels) matrix
        self.vec = (
            np.stack([self.state[self.attr_id.get(k, self.unknown)] for k in vec_keys])
            if vec_keys else None
        )
        #: attribute ids of feature pieces, filled by ``ner.crf.sequence_ids``
        self.cache: dict = {}

    def ids(self, attrs: Sequence[str]) -> tuple[int, ...]:
        """Ids of the attributes the model knows (the others carry no weight)."""
        get = self.attr_id.get
        return tuple([i for a in attrs if (i := get(a)) is not None])

    def state_scores(self, flat: Sequence[int], counts: Sequence[int]) -> np.ndarray:
        """Indicator state scores (tokens × labels): token ``t`` has the next ``counts[t]``
        attribute ids of ``flat`` (value 1); one gather-and-sum for all tokens."""
        n = len(counts)
        score = np.zeros((n, self.state.shape[1]))
        if flat:
            rows = self.state[np.asarray(flat, dtype=np.intp)]
            counts_arr = np.asarray(counts)
            starts = np.zeros(n, dtype=np.intp)
            np.cumsum(counts_arr[:-1], out=starts[1:])
            nonempty = counts_arr > 0
            score[nonempty] = np.add.reduceat(rows, starts[nonempty], axis=0)
        return score

    def marginals_of(
        self, score: np.ndarray, vecs: np.ndarray | None, lengths: Sequence[int] | None = None
    ) -> np.ndarray:
        """P(label) per token (tokens × labels) of sentences laid end to end (``lengths``
        tokens each; one sentence by default), from their indicator state scores and their
        real-valued attributes ``vecs`` (in ``vec_keys`` order)."""
        if vecs is not None and self.vec is not None:
            score = score + blocked_matmul(vecs, self.vec[: vecs.shape[1]])
        lengths = lengths or [len(score)]
        fb = _forward_backward if len(lengths) < PARALLEL_FROM else _forward_backward_parallel
        return fb(np.exp(score), self.exp_trans, lengths)

    def marginals(
        self, flat: Sequence[int], counts: Sequence[int], vecs: np.ndarray | None,
        lengths: Sequence[int] | None = None,
    ) -> np.ndarray:
        """``marginals_of`` from attribute ids (see ``state_scores``)."""
        return self.marginals_of(self.state_scores(flat, counts), vecs, lengths)


PARALLEL_FROM = 4  # sentences from which stepping through them side by side is cheaper


def _forward_backward(es: np.ndarray, et: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """State marginals (tokens × labels) by forward-backward, rescaled at every step like
    CRFsuite's crf1d_context.c, over sentences laid end to end (``lengths`` tokens each).

    Step ``t`` multiplies by ``M_t = exp(transitions) · diag(exp(state_t))``; at a sentence
    start ``M_t`` has every row equal to ``exp(state_t)``, which forgets what came before in
    the forward pass and gives the previous sentence's last token β ∝ 1 in the backward pass:
    one chain for all sentences of a text, two numpy calls per token and direction. Any
    per-token scale cancels when α·β is normalised."""
    n = len(es)
    m = et[None, :, :] * es[:, None, :]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    m[starts] = es[starts][:, None, :]
    alpha = np.empty_like(es)
    beta = np.empty_like(es)
    total = np.add.reduce
    a = es[0] / total(es[0])
    alpha[0] = a
    for t in range(1, n):
        a = a @ m[t]
        a /= total(a)
        alpha[t] = a
    b = np.ones(es.shape[1])
    beta[n - 1] = b
    for t in range(n - 1, 0, -1):
        b = m[t] @ b
        b /= total(b)
        beta[t - 1] = b
    p = alpha * beta
    p /= p.sum(axis=1, keepdims=True)
    return p


def _forward_backward_parallel(es: np.ndarray, et: np.ndarray, lengths: Sequence[int]
                               ) -> np.ndarray:
    """``_forward_backward`` stepping through all sentences side by side, padded to the
    longest (a padding step multiplies by ones and is never read): for many sentences (all
    texts of a batch) the loop is as long as the longest sentence, not as all of them."""
    n_seq, longest, n_lab = len(lengths), max(lengths), es.shape[1]
    lens = np.asarray(lengths)
    inside = np.arange(longest)[:, None] < lens[None, :]  # (steps × sentences)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    steps, seqs = np.nonzero(inside)
    e = np.ones((longest, n_seq, n_lab))
    e[inside] = es[starts[seqs] + steps]
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    total = np.add.reduce
    a = e[0] / total(e[0], axis=1, keepdims=True)
    alpha[0] = a
    for t in range(1, longest):
        a = a @ et
        a *= e[t]
        a /= total(a, axis=1, keepdims=True)
        alpha[t] = a
    last = lens - 1
    end_steps = set(last.tolist())
    b = np.ones((n_seq, n_lab))
    beta[longest - 1] = b
    ett = et.T
    for t in range(longest - 2, -1, -1):
        b = (e[t + 1] * b) @ ett
        b /= total(b, axis=1, keepdims=True)
        if t in end_steps:
            b[last == t] = 1.0
        beta[t] = b
    p = alpha * beta
    p /= p.sum(axis=2, keepdims=True)
    return p.transpose(1, 0, 2)[inside.T]
