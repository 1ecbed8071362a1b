"""Disguised names, the victim's field forms in lowercase and follow-ups: every one hidden,
and the mask covers every original character (the invisible ones inside a name included)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from ner.redaction import Seeds, detect_spans, detect_spans_many, redact

ROOT = Path(__file__).resolve().parents[2]
PHENOMENA = ROOT / "tests" / "ner" / "data" / "phenomena_reports.jsonl"
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]


def _masked(text: str, spans) -> set[int]:
    covered: set[int] = set()
    for s in spans:
        covered.update(range(s.start, s.end))
    return covered


def _assert_hidden(text: str, name: str, seeds: Seeds | None = None) -> None:
    start = text.index(name)
    covered = _masked(text, detect_spans(text, seeds))
    missing = [text[k] for k in range(start, start + len(name)) if k not in covered]
    assert not missing, (text, missing)


@pytest.mark.parametrize("char", INVISIBLE)
@pytest.mark.parametrize("with_field", [False, True])
def test_each_invisible_character(char, with_field):
    name = f"Pe{char}tr No{char}vák"
    text = f"Včera mi {name} zase vzal svačinu a smál se."
    _assert_hidden(text, name, Seeds("Petr Novák" if with_field else ""))


@pytest.mark.parametrize("name", ["P e t r N o v á k", "P.e.t.r N.o.v.á.k", "P-e-t-r N-o-v-á-k",
                                  "ᴘᴇᴛʀ ɴᴏᴠáᴋ", "P3tr N0vák", "Pеtr Nоvák", "Ｐｅｔｒ Ｎｏｖáｋ"])
@pytest.mark.parametrize("with_field", [False, True])
def test_spacing_dots_small_caps_digits_homoglyphs(name, with_field):
    text = f"Ve škole mi {name} zase vzal svačinu a smál se."
    _assert_hidden(text, name, Seeds("Petr Novák" if with_field else ""))


def test_stretched_vocative():
    text = "PEPÍKUUU POJĎ SEM!!! Pepík Vrána mi zase bere svačinu."
    _assert_hidden(text, "PEPÍKUUU", Seeds("Pepík Vrána"))


@pytest.mark.parametrize("field, text, word", [
    ("Petr Novák", "novaka zase zbili kluci z devítky", "novaka"),
    ("Marek Svoboda", "svobodu furt shazujou", "svobodu"),
    ("Marek Svoboda", "nikdo se svobodou nemluví", "svobodou"),
    ("Marek Svoboda", "s markem nikdo nesedí", "markem"),
    ("Josef Vrána", "vránu zamkli na záchodě", "vránu"),
    ("Eliška Krátká", "kratkou furt shazujou", "kratkou"),
])
def test_lowercase_field_forms_that_are_ordinary_words(field, text, word):
    _assert_hidden(text, word, Seeds(field))


def test_followup_with_the_reports_seeds():
    seeds = Seeds("Eliška Krátká", "7.B", (("PERSON", "Tonda Vopička"),))
    text = "dneska zase kratka brecela a vopickovi se všichni smáli"
    result = redact(text, seeds)
    assert "kratka" not in result.text and "vopickovi" not in result.text
    assert "brecela" in result.text and "smáli" in result.text


def test_redacted_text_has_no_invisible_characters_of_a_name():
    result = redact("Kluci bijou Pe\u200btr\u00ada No\u2060váka.", Seeds())
    assert "\u200b" not in result.text and "\u00ad" not in result.text
    assert result.items[0].original == "Pe\u200btr\u00ada No\u2060váka"


def _phenomena() -> list[dict]:
    return [json.loads(line) for line in PHENOMENA.read_text(encoding="utf-8").splitlines()]


def test_phenomena_set_is_reproducible(tmp_path):
    out = tmp_path / "p.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_phenomena_reports.py"),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == PHENOMENA.read_bytes()


# coverage floors on the synthetic phenomena set (tuned on it: these are regression floors)
FULL = {"field-forms", "followup", "stretched", "ISIC", "ISIC-run", "class-code", "class-space",
        "username", "username-paren", "bank", "numeric-id", "slash-phone", "at-email"}
FLOOR = 0.85  # disguised names without a field: the misses left are lowercase name detection


def test_phenomena_set_coverage():
    records = _phenomena()
    results = detect_spans_many([
        (r["text"], Seeds(r["victim_name"], r["victim_class"],
                          tuple(tuple(p) for p in r.get("seeds", ())))) for r in records
    ])
    total, hidden = Counter(), Counter()
    for rec, spans in zip(records, results, strict=True):
        covered = _masked(rec["text"], spans)
        for gold in rec["spans"]:
            total[rec["phenomenon"]] += 1
            if all(k in covered for k in range(gold["start"], gold["end"])):
                hidden[rec["phenomenon"]] += 1
    for kind in total:
        share = hidden[kind] / total[kind]
        assert share == 1.0 if kind in FULL else share >= FLOOR, (kind, share)
