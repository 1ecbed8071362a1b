"""Spans of the whole entry point on every development text, to check a speed-up changes nothing.

Writes one JSON line per text (corpus, id, spans) for the dev reports, the synthetic phenomena,
style and contact sets, the team check set and CNEC dtest, with the fields passed as the
benchmark passes them; ``--compare`` reads an earlier snapshot and lists every text whose
spans differ. A change meant only to be faster must give a byte-identical snapshot. The blind
held-out set and CNEC etest are never read here: they are not for decisions.

    .venv/bin/python scripts/detect_snapshot.py --out before.jsonl
    .venv/bin/python scripts/detect_snapshot.py --out after.jsonl --compare before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from ner.bench import DEFAULT_DEV, read_jsonl
from ner.redaction import Seeds, detect_spans_many

CORPORA = (
    DEFAULT_DEV,
    "tests/ner/data/phenomena_reports.jsonl",
    "tests/ner/data/style_reports.jsonl",
    "tests/ner/data/contact_reports.jsonl",
    "tests/ner/data/heldout_reports.jsonl",
    "../shared/corpora/cnec_dtest_person.jsonl",
)


def snapshot(paths: tuple[str, ...] = CORPORA, batch: int = 16) -> list[str]:
    """One JSON line per text: the spans ``ner.redaction`` returns, as the benchmark calls it."""
    lines = []
    for path in paths:
        records = read_jsonl(path)
        for i in range(0, len(records), batch):
            chunk = records[i : i + batch]
            spans_all = detect_spans_many([
                (r["text"], Seeds(r.get("victim_name") or "", r.get("victim_class") or "",
                                  tuple(tuple(p) for p in r.get("seeds") or ())))
                for r in chunk
            ])
            for r, spans in zip(chunk, spans_all, strict=True):
                lines.append(json.dumps(
                    {"corpus": path, "id": r["id"], "spans": [s.to_json() for s in spans]},
                    ensure_ascii=False, sort_keys=True))
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--compare", help="an earlier snapshot: report every text that differs")
    args = ap.parse_args()
    lines = snapshot()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    if not args.compare:
        print(f"{len(lines)} texts written")
        return 0
    with open(args.compare, encoding="utf-8") as f:
        old = [line.rstrip("\n") for line in f if line.strip()]
    diff = [(a, b) for a, b in zip(old, lines, strict=False) if a != b]
    if len(old) != len(lines):
        print(f"text count differs: {len(old)} vs {len(lines)}")
    for a, b in diff[:20]:
        print("-", a, "\n+", b)
    print(f"{len(lines)} texts, {len(diff)} differ")
    return 1 if diff or len(old) != len(lines) else 0


if __name__ == "__main__":
    sys.exit(main())
