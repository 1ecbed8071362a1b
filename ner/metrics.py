"""Scoring identical to ../shared/tools/score_pii.py.

Label-agnostic entity recall, token precision, F2.

Kept in-package so the benchmark needs nothing outside the repo; tests check it against the
shared scorer's definitions on hand-made cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w+")


def cover(n: int, spans) -> bytearray:
    mask = bytearray(n)
    for s in spans:
        a, b = max(0, int(s["start"])), min(n, int(s["end"]))
        mask[a:b] = b"\1" * max(0, b - a)
    return mask


@dataclass
class Counts:
    ents: int = 0
    caught: int = 0
    chars: int = 0
    chars_cov: int = 0
    pred_tok: int = 0
    tp_tok: int = 0

    def add_entities(self, text, gold_spans, mask, leaks=None, rid=None) -> None:
        for g in gold_spans:
            idx = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            if not idx:
                continue
            cov = sum(mask[i] for i in idx)
            self.ents += 1
            self.chars += len(idx)
            self.chars_cov += cov
            if cov == len(idx):
                self.caught += 1
            elif leaks is not None:
                leaks.append(
                    {"id": rid, "label": g.get("label"), "text": text[g["start"] : g["end"]]}
                )

    def add_tokens(self, text, pred_mask, gold_mask) -> None:
        for m in WORD.finditer(text):
            if any(pred_mask[m.start() : m.end()]):
                self.pred_tok += 1
                self.tp_tok += any(gold_mask[m.start() : m.end()])

    def result(self) -> dict:
        r = self.caught / self.ents if self.ents else 0.0
        p = self.tp_tok / self.pred_tok if self.pred_tok else 0.0
        f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
        return {
            "n": self.ents,
            "recall": r,
            "leak": 1 - r if self.ents else 0.0,
            "partial": self.chars_cov / self.chars if self.chars else 0.0,
            "precision": p,
            "pred_tokens": self.pred_tok,
            "f2": f2,
        }


def score(gold: list[dict], preds: dict[str, list[dict]], labels) -> dict:
    """Overall (label-agnostic) and per-label rows, exactly as the shared scorer computes them."""
    overall, per = Counts(), {lab: Counts() for lab in labels}
    agn = {lab: Counts() for lab in labels}
    leaks: list[dict] = []
    for r in gold:
        text, rid = r["text"], r["id"]
        pspans = preds.get(rid, [])
        gspans = [s for s in r.get("spans", []) if s["label"] in labels]
        pmask = cover(len(text), pspans)
        overall.add_entities(text, gspans, pmask, leaks, rid)
        overall.add_tokens(text, pmask, cover(len(text), r.get("spans", [])))
        for lab in labels:
            gl = [s for s in gspans if s["label"] == lab]
            agn[lab].add_entities(text, gl, pmask)
            m = cover(len(text), [s for s in pspans if s.get("label") == lab])
            per[lab].add_entities(text, gl, m)
            per[lab].add_tokens(text, m, cover(len(text), gl))
    return {
        "overall": overall.result(),
        "per_label": {k: v.result() for k, v in per.items()},
        "agnostic_by_label": {k: v.result() for k, v in agn.items()},
        "leaks": leaks,
    }
