"""``ozvise bench urgency``: how often the urgency flag fires, and how often it misses.

Three figures, because one would mislead:
- on the development corpus (and the held-out reports), the share of *all* texts flagged
  and the false alarms among texts a person labelled not urgent
  (``tests/ner/data/urgency_corpus_labels.json``): a flag on ordinary bullying is noise;
- on the hand-written cases (``tests/ner/data/urgency_cases.jsonl``: inflected,
  undiacritised and slang positives, and negatives), the misses and false alarms.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .urgency import classify_urgency

DEFAULT_DEV = "../shared/corpora/reports_dev.jsonl"
DATA = Path(__file__).resolve().parent.parent / "tests" / "ner" / "data"
DEFAULT_CASES = DATA / "urgency_cases.jsonl"
DEFAULT_LABELS = DATA / "urgency_corpus_labels.json"
DEFAULT_HELDOUT = DATA / "heldout_reports.jsonl"


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_figures(path: Path, labels: dict) -> dict:
    """Flagged share, false alarms and misses on one corpus against its hand labels."""
    urgent_ids = set(labels.get("urgent", {}))
    rows = _read_jsonl(path)
    flagged = [r["id"] for r in rows if classify_urgency(r["text"]).urgent]
    false_alarms = [i for i in flagged if i not in urgent_ids]
    misses = sorted(urgent_ids - set(flagged))
    calm = len(rows) - len(urgent_ids)
    return {"texts": len(rows), "flagged": len(flagged), "flagged_ids": flagged,
            "flagged_share": len(flagged) / len(rows) if rows else 0.0,
            "labelled_urgent": len(urgent_ids), "false_alarms": false_alarms,
            "false_alarm_rate": len(false_alarms) / calm if calm else 0.0, "misses": misses}


def case_figures(path: Path) -> dict:
    """Misses (urgent cases not flagged, or flagged under another category) and false alarms."""
    cases = _read_jsonl(path)
    misses, wrong_category, false_alarms = [], [], []
    for case in cases:
        verdict = classify_urgency(case["text"])
        if case["urgent"] and not verdict.urgent:
            misses.append(case["text"])
        elif case["urgent"] and case["category"] not in verdict.categories:
            wrong_category.append(case["text"])
        elif not case["urgent"] and verdict.urgent:
            false_alarms.append(case["text"])
    positives = sum(1 for c in cases if c["urgent"])
    return {"cases": len(cases), "positives": positives, "negatives": len(cases) - positives,
            "misses": misses, "wrong_category": wrong_category, "false_alarms": false_alarms}


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"


@click.command("urgency")
@click.option("--dev", default=DEFAULT_DEV, show_default=True,
              help="vývojový korpus hlášení (JSONL s poli id, text)")
@click.option("--cases", default=str(DEFAULT_CASES),
              show_default="tests/ner/data/urgency_cases.jsonl",
              help="ručně psané případy (JSONL s poli text, urgent, category)")
@click.option("--labels", default=str(DEFAULT_LABELS),
              show_default="tests/ner/data/urgency_corpus_labels.json",
              help="ruční označení naléhavých hlášení v korpusech (JSON)")
def bench_urgency(dev: str, cases: str, labels: str) -> None:
    """Změří příznak naléhavosti: plané poplachy na korpusech a minutí na vlastních případech."""
    all_labels = json.loads(Path(labels).read_text(encoding="utf-8"))
    for path in (Path(dev), DEFAULT_HELDOUT):
        if not path.exists():
            click.echo(f"{path.name}: soubor chybí, přeskočeno")
            continue
        fig = corpus_figures(path, all_labels.get(path.name, {}))
        calm = fig["texts"] - fig["labelled_urgent"]
        click.echo(f"{path.name}: flagged {_pct(fig['flagged'], fig['texts'])}; "
                   f"false alarms {_pct(len(fig['false_alarms']), calm)} of texts labelled not "
                   f"urgent; misses {_pct(len(fig['misses']), fig['labelled_urgent'])} of texts "
                   f"labelled urgent")
        for kind in ("false_alarms", "misses"):
            if fig[kind]:
                click.echo(f"  {kind}: {', '.join(fig[kind])}")
    fig = case_figures(Path(cases))
    click.echo(f"{Path(cases).name}: misses {_pct(len(fig['misses']), fig['positives'])} of "
               f"urgent cases; wrong category {len(fig['wrong_category'])}; false alarms "
               f"{_pct(len(fig['false_alarms']), fig['negatives'])} of negatives")
    for kind in ("misses", "wrong_category", "false_alarms"):
        for text in fig[kind]:
            click.echo(f"  {kind}: {text}")
