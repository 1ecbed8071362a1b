#!/usr/bin/env python3
"""Train the capitalised-word person tagger (ner/tagger.py) on CNEC 2.0 *train* only.

Run at BUILD time (about a minute on 2 cores; spaCy cs_core_news_sm and the gazetteers
in ner/data must be installed/built first):

    .venv/bin/python scripts/build_person_model.py [--cnec ../shared/corpora/cnec2.0]

Gold: person names as ../shared/tools/cnec_to_jsonl.py defines them (pf, ps, pm, p_, pp and
the P container, titles pd and inhabitant names pc trimmed off, names inside places, streets,
firms and titles of works not counted). Every capitalised word of a training sentence is one
example (label: inside a person name or not). An averaged perceptron is trained on these,
weights below ``--prune`` in absolute value are dropped, the rest is written to
ner/data/person_tagger.tsv.gz. The dtest split is only printed as a check (token precision and
recall of capitalised words at margin 0); etest is never read.

Licence: the weights are derived from CNEC 2.0 (ÚFAL, Charles University), CC BY-NC-SA 3.0,
the same licence as the spaCy model; see ner/data/NOTICE.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cnec_training import SHARED, load_converter, read_split  # noqa: E402

from ner.detector import SPACY_EXCLUDE, SPACY_MODEL  # noqa: E402
from ner.gazetteer import get_gazetteer  # noqa: E402
from ner.recognizers.names import evidence  # noqa: E402
from ner.tagger import DATA, MODEL_FILE, features  # noqa: E402
from ner.textutil import tokenize  # noqa: E402


def examples(nlp, gaz, data) -> list[tuple[list[str], int]]:
    exs = []
    docs = nlp.pipe((t for t, _ in data), batch_size=64)
    for (text, gold), doc in zip(data, docs, strict=True):
        toks = tokenize(text)
        ev = evidence(toks, gaz, doc)
        for i, e in enumerate(ev):
            t = e.token
            if not (t.is_cap and t.is_alpha):
                continue
            y = int(any(a < t.end and t.start < b for a, b in gold))
            exs.append((features(text, ev, i), y))
    return exs


def train(exs, epochs: int, seed: int = 13) -> dict[str, float]:
    """Binary averaged perceptron (labels ±1)."""
    w: dict[str, float] = defaultdict(float)
    acc: dict[str, float] = defaultdict(float)  # sum of c * update, for averaging
    rng = random.Random(seed)
    order = list(range(len(exs)))
    c = 1
    for ep in range(epochs):
        rng.shuffle(order)
        errors = 0
        for k in order:
            feats, y = exs[k]
            yy = 1 if y else -1
            m = sum(w.get(x, 0.0) for x in feats)
            if yy * m <= 0:
                errors += 1
                for x in feats:
                    w[x] += yy
                    acc[x] += c * yy
            c += 1
        print(f"  epoch {ep + 1}: {errors} errors / {len(exs)}", file=sys.stderr)
    return {k: w[k] - acc[k] / c for k in w}


def evaluate(weights, exs, name: str) -> None:
    for th in (-1.0, 0.0, 1.0):
        tp = fp = fn = 0
        for feats, y in exs:
            p = sum(weights.get(x, 0.0) for x in feats) > th
            tp += p and y
            fp += p and not y
            fn += (not p) and y
        prec = tp / max(1, tp + fp)
        rec = tp / max(1, tp + fn)
        print(f"  {name} margin>{th:+.0f}: capitalised-word P {prec:.3f} R {rec:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cnec", default=str(SHARED / "corpora" / "cnec2.0"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--out", default=str(DATA / MODEL_FILE))
    a = ap.parse_args()

    import spacy

    t0 = time.time()
    conv = load_converter()
    nlp = spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDE)
    gaz = get_gazetteer()
    tr = examples(nlp, gaz, read_split(conv, Path(a.cnec) / "named_ent_train.txt"))
    dt = examples(nlp, gaz, read_split(conv, Path(a.cnec) / "named_ent_dtest.txt"))
    print(f"{len(tr)} train / {len(dt)} dtest capitalised words ({time.time() - t0:.0f} s)")
    weights = train(tr, a.epochs)
    weights = {k: round(v, 3) for k, v in weights.items() if abs(v) >= a.prune}
    evaluate(weights, tr, "train")
    evaluate(weights, dt, "dtest")
    lines = [
        "# person tagger weights, derived from CNEC 2.0 train (CC BY-NC-SA 3.0); "
        "regenerate with scripts/build_person_model.py\n",
        *(f"{k}\t{weights[k]:g}\n" for k in sorted(weights)),
    ]
    # no file name or time in the gzip header: a rebuild gives the same bytes
    with open(a.out, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))
    print(f"{len(weights)} weights -> {a.out} ({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
