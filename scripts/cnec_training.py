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


def _sentences(conv, path: Path):  # noqa: ANN001, ANN202 - yields (text, entities, person spans)
    """Each sentence of a CNEC file with its parsed entities and its scored PERSON spans."""
    stats = {"embedded_skipped": {}}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            text, ents = conv.parse(line)
            yield text, ents, conv.person_spans(text, ents, False, stats)


def read_split(conv, path: Path) -> list[tuple[str, list[tuple[int, int]]]]:  # noqa: ANN001
    """``(sentence text, [(start, end) of each person span])`` for one CNEC file."""
    return [
        (text, [(s["start"], s["end"]) for s in persons])
        for text, _ents, persons in _sentences(conv, path)
    ]


# CNEC coarse types the CRF learns beside persons (the first letter of a CNEC type). Knowing a
# word is a place, an institution or a work's title sharpens P(person) for capitalised words.
COARSE = {"g": "GEO", "i": "INST", "o": "ART", "m": "MEDIA", "a": "ADDR"}
# Titles and inhabitant names trimmed off person containers have their own labels.
TRIMMED = {"pd": "TITLE", "pc": "INHAB"}


def _coarse(conv, ent) -> str | None:  # noqa: ANN001
    """Coarse label of the outermost real entity above (and including) ``ent``."""
    chain = []
    while ent is not None:
        if ent.typ not in conv.WRAPPERS and ent.typ not in conv.CONTAINERS:
            chain.append(ent.typ)
        ent = ent.parent
    if not chain:
        return None
    outer = chain[-1]
    if outer in conv.PERSON:  # a title or inhabitant name trimmed off a person's name
        return TRIMMED.get(chain[0])
    return TRIMMED.get(outer) or COARSE.get(outer[:1])


def read_split_typed(conv, path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:  # noqa: ANN001
    """``(sentence text, [(start, end, label)])``: PERSON spans exactly as the scored gold has
    them, plus the other CNEC entities by coarse type (places, institutions, titles, …)."""
    out = []
    for text, ents, persons in _sentences(conv, path):
        spans = [(s["start"], s["end"], "PER") for s in persons]
        out.append((text, sorted(spans + _typed_spans(conv, text, ents, spans))))
    return out


def _typed_spans(conv, text: str, ents, persons) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """Runs of characters outside the person spans that share a coarse entity type."""
    inner = [None] * len(text)  # innermost entity per character (children come after parents)
    for e in ents:
        for i in range(e.start, e.end):
            inner[i] = e
    taken = bytearray(len(text))
    for a, b, _ in persons:
        taken[a:b] = b"\1" * (b - a)
    out = []
    i = 0
    while i < len(text):
        outside = taken[i] or inner[i] is None or text[i].isspace()
        lab = None if outside else _coarse(conv, inner[i])
        if lab is None:
            i += 1
            continue
        j = i
        while j < len(text) and not taken[j] and (
            text[j].isspace() or (inner[j] is not None and _coarse(conv, inner[j]) == lab)
        ):
            j += 1
        while j > i and text[j - 1].isspace():
            j -= 1
        out.append((i, j, lab))
        i = max(j, i + 1)
    return out
