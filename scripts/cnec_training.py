"""CNEC 2.0 person spans for the build scripts that train on CNEC train (tagger and CRF).

Uses the shared CNEC → PERSON converter, so training gold matches the scored gold exactly.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_converter():  # noqa: ANN201 - a module loaded from a file
    path = SHARED / "tools" / "cnec_to_jsonl.py"
    spec = importlib.util.spec_from_file_location("cnec_to_jsonl", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_split(conv, path: Path) -> list[tuple[str, list[tuple[int, int]]]]:  # noqa: ANN001
    """``(sentence text, [(start, end) of each person span])`` for one CNEC file."""
    out = []
    stats = {"embedded_skipped": {}}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            text, ents = conv.parse(line)
            spans = conv.person_spans(text, ents, False, stats)
            out.append((text, [(s["start"], s["end"]) for s in spans]))
    return out
