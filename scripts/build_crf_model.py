#!/usr/bin/env python3
"""Train the person-name CRF (ner/crf.py) on CNEC 2.0 *train* only.

Run at BUILD time (about 3 minutes on 2 cores; spaCy cs_core_news_sm, python-crfsuite and the
gazetteers and places in ner/data must be installed/built first):

    .venv/bin/python scripts/build_crf_model.py [--cnec ../shared/corpora/cnec2.0]

Gold: person names as ../shared/tools/cnec_to_jsonl.py defines them (pf, ps, pm, p_, pp and the
P container, titles pd and inhabitant names pc trimmed off, names inside places, streets, firms
and titles of works not counted), as B-PER/I-PER over the word tokens of ner/textutil.py — and,
beside them, the other CNEC entities by coarse type (B-GEO, I-INST, B-ART, MEDIA, ADDR, TITLE,
INHAB; see scripts/cnec_training.py): a CRF that must also say what a capitalised non-name is
gives sharper person marginals (on dtest +2 points of token recall at equal precision).
First the tok2vec projection (ner/crf.py VectorProjection, whitened PCA to 32 dimensions) is
fitted on the train sentences and written to ner/data/person_crf_pca.npz; then a linear-chain
CRF (CRFsuite, L-BFGS, L1 ``--c1`` + L2 ``--c2``) is trained on the train split and written to
ner/data/person_crf.crfsuite. The dtest split is only used to print token-level precision/recall
at a few marginal thresholds (thresholds of recognizers/names.py are chosen on dtest); etest is
never read. Same inputs, same output: a rebuild reproduces both files byte for byte.

Licence: the model is derived from CNEC 2.0 (ÚFAL, Charles University), CC BY-NC-SA 3.0; see
ner/data/NOTICE.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cnec_training import SHARED, load_converter, read_split_typed  # noqa: E402

from ner.crf import (  # noqa: E402
    CASELESS_FILE,
    DATA,
    MODEL_FILE,
    PCA_FILE,
    CrfTagger,
    VectorProjection,
    get_projection,
    sequences,
    token_infos,
    token_item,
)
from ner.detector import SPACY_EXCLUDE, SPACY_MODEL  # noqa: E402
from ner.gazetteer import get_gazetteer  # noqa: E402
from ner.recognizers.names import evidence  # noqa: E402
from ner.textutil import tokenize  # noqa: E402


def bio(ev, gold) -> list[str]:
    """BIO labels per token from ``(start, end, label)`` spans (B-PER, I-PER, B-GEO, …, O)."""
    out = []
    prev_span = None
    for e in ev:
        t = e.token
        span = next((g for g in gold if g[0] < t.end and t.start < g[1]), None)
        if span is None:
            out.append("O")
        else:
            out.append(("I-" if span == prev_span else "B-") + span[2])
        prev_span = span
    return out


_STRIP = {ord(c): b for c, b in zip("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ",
                                   "acdeeinorstuuyzACDEEINORSTUUYZ", strict=True)}
AUGMENTS = ("lower", "plain", "upper")


def _same_length(fn, text: str) -> str:
    """``fn`` per character, keeping a character whose mapping would change its length (ß)."""
    return "".join(d if len(d := fn(c)) == 1 else c for c in text)


def transformed(text: str, kind: str) -> str:
    """A copy of a sentence written the way children type, same length (gold offsets hold):
    ``lower`` all lowercase, ``plain`` lowercase without diacritics, ``upper`` ALL CAPS."""
    if kind == "lower":
        return _same_length(str.lower, text)
    if kind == "plain":
        return _same_length(str.lower, text).translate(_STRIP)
    return _same_length(str.upper, text)


def augment(data, every: int):
    """Every ``every``-th train sentence once more, transformed (``AUGMENTS`` in turn).

    The CRF learnt from newspapers, where a capital marks a name; children write names in
    lowercase, without diacritics or in ALL CAPS. Copies of the same sentences in those shapes
    teach it the context, the endings and the gazetteer readings that say "person" without
    the capital. Deterministic (no sampling)."""
    if every <= 0:
        return []
    out = []
    for k, (text, gold) in enumerate(data[::every]):
        out.append((transformed(text, AUGMENTS[k % len(AUGMENTS)]), gold))
    return out


def featurise(nlp, gaz, data):
    """(xseq, yseq, evidence slice, text) per CRF sequence."""
    out = []
    nick = gaz.nick_to_formal
    docs = nlp.pipe((t for t, _ in data), batch_size=64)
    for (text, gold), doc in zip(data, docs, strict=True):
        ev = evidence(tokenize(text), gaz, doc)
        y = bio(ev, gold)
        for a, b in sequences(ev):
            seq = ev[a:b]
            infos = token_infos(seq)
            xs = [token_item(text, seq, i, nick, infos) for i in range(len(seq))]
            out.append((xs, y[a:b], seq, text))
    return out


def fit_projection(nlp, data, out: Path) -> None:
    """Fit the tok2vec projection (crf.VectorProjection) on the train sentences and install it."""
    import numpy as np

    rows = np.concatenate([doc.tensor for doc in nlp.pipe((t for t, _ in data), batch_size=64)])
    proj = VectorProjection.fit(rows)
    tmp = out.with_name(out.name + ".tmp")
    proj.save(tmp)
    os.replace(tmp, out)
    get_projection.cache_clear()
    print(f"tok2vec projection ({len(rows)} tokens) -> {out}", file=sys.stderr)


def evaluate(model: Path, seqs, name: str) -> None:
    crf = CrfTagger(model)
    ths = (0.1, 0.2, 0.3, 0.5)
    cnt = {th: [0, 0, 0] for th in ths}
    for xs, ys, _seq, _text in seqs:
        probs = crf.item_probs(xs)
        for i, y in enumerate(ys):
            p = probs[i]
            for th in ths:
                pred = p > th
                gold = y.endswith("PER")
                cnt[th][0] += pred and gold
                cnt[th][1] += pred and not gold
                cnt[th][2] += gold and not pred
    for th, (tp, fp, fn) in cnt.items():
        prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"  {name} P(name)>{th}: token P {prec:.3f} R {rec:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cnec", default=str(SHARED / "corpora" / "cnec2.0"))
    ap.add_argument("--c1", type=float, default=0.2)
    ap.add_argument("--c2", type=float, default=1.0)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--out", default=str(DATA / MODEL_FILE))
    ap.add_argument(
        "--augment-every", type=int, default=0,
        help="add a lowercased / undiacritised / ALL-CAPS copy of every N-th train sentence",
    )
    ap.add_argument(
        "--caseless", action="store_true",
        help="train the caseless model instead (every train sentence lowercased, undiacritised "
        "or in ALL CAPS, in turn); written to ner/data/" + CASELESS_FILE,
    )
    ap.add_argument("--no-check", action="store_true", help="skip the dtest check")
    a = ap.parse_args()

    import pycrfsuite
    import spacy

    t0 = time.time()
    conv = load_converter()
    nlp = spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDE)
    gaz = get_gazetteer()
    train = read_split_typed(conv, Path(a.cnec) / "named_ent_train.txt")
    if not a.caseless:  # the caseless model uses the projection fitted for the main one
        fit_projection(nlp, train, DATA / PCA_FILE)  # the detector reads it from ner/data/
    if a.caseless:
        a.out = a.out if a.out != str(DATA / MODEL_FILE) else str(DATA / CASELESS_FILE)
        data = augment(train, 1)
    else:
        data = train + augment(train, a.augment_every)
    tr = featurise(nlp, gaz, data)
    print(f"{len(tr)} train sequences ({time.time() - t0:.0f} s)", file=sys.stderr)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for xs, ys, _seq, _text in tr:
        trainer.append(xs, ys)
    trainer.set_params(
        {
            "c1": a.c1,
            "c2": a.c2,
            "max_iterations": a.iterations,
            "feature.possible_transitions": True,
        }
    )
    tmp = a.out + ".tmp"
    trainer.train(tmp)
    os.replace(tmp, a.out)
    size = os.path.getsize(a.out)
    print(f"model -> {a.out} ({size / 1e6:.1f} MB, {time.time() - t0:.0f} s)", file=sys.stderr)
    evaluate(Path(a.out), tr, "train")
    if not a.no_check:
        dtest = read_split_typed(conv, Path(a.cnec) / "named_ent_dtest.txt")
        evaluate(Path(a.out), featurise(nlp, gaz, dtest), "dtest")
        for kind in AUGMENTS:  # the same sentences as children would type them
            shaped = [(transformed(t, kind), g) for t, g in dtest]
            evaluate(Path(a.out), featurise(nlp, gaz, shaped), f"dtest-{kind}")


if __name__ == "__main__":
    main()
