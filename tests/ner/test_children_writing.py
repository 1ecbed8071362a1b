"""How children write: lowercase and ALL-CAPS names, chat logs, a name in several forms.

The statistical layers are made robust to letter case rather than given word lists: a caseless
CRF twin (trained on lowercased / undiacritised / ALL-CAPS copies of CNEC train), gazetteer
names that count in lowercase where the sentence says person, propagation across case forms.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ner.crf import CASELESS_FILE, DATA, MODEL_FILE, CrfTagger, caseless, get_crf
from ner.gazetteer import get_gazetteer
from ner.metrics import score
from ner.recognizers import names
from ner.redaction import Seeds, detect_spans, detect_spans_many
from ner.textutil import tokenize

from .conftest import found, masked

ROOT = Path(__file__).resolve().parents[2]
STYLES = ROOT / "tests" / "ner" / "data" / "style_reports.jsonl"


def _hidden(text: str, seeds: Seeds | None = None) -> str:
    return masked(text, detect_spans(text, seeds))


def _ev(detector, text: str):
    return names.evidence(tokenize(text), get_gazetteer(), detector.nlp(text))


# -- the caseless CRF twin --------------------------------------------------------------------


def test_caseless_sentences_are_recognised(detector):
    assert caseless(_ev(detector, "dana mi rika ze sem tlusta"))
    assert caseless(_ev(detector, "OTA ZBIL KRYŠTOFA A VSICHNI SE SMALI"))
    assert not caseless(_ev(detector, "Dana mi říká, že jsem tlustá."))
    assert not caseless(_ev(detector, "123 456"))


def test_caseless_model_is_shipped_and_finds_lowercase_names(detector):
    path = DATA / CASELESS_FILE
    assert path.exists() and path.stat().st_size < 5_000_000
    for text, name, low, verb in (
        ("kluci a hlavne lukas mi berou svacinu", "lukas", 0.5, "berou"),
        ("dana a niki me nechtej pustit na hriste", "niki", 0.5, "pustit"),
        ("vcera me dana zase strcila a radek se smal", "radek", 0.2, "strcila"),
    ):
        ev = _ev(detector, text)
        twin = get_crf().marginals(text, ev)
        main_only = CrfTagger(DATA / MODEL_FILE).marginals(text, ev)  # the newspaper model
        by_word = {e.token.text: (t, m) for e, t, m in zip(ev, twin, main_only, strict=True)}
        assert by_word[name][0] > low and by_word[name][1] < 0.05, (text, by_word[name])
        assert by_word[verb][0] < 0.1


def test_edited_text_still_uses_the_main_model(detector):
    text = "Včera mě Robin Zajíc zbil."
    ev = _ev(detector, text)
    assert get_crf().marginals(text, ev) == CrfTagger(DATA / MODEL_FILE).marginals(text, ev)


# -- known names where the sentence says person -----------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("dana mi rika ze sem tlusta", "dana"),
        ("bojim se protoze josef zase zbil kubu", "josef"),
        ("sedim s radkem a je to hrozny", "radkem"),
        ("na hristi me tereza a dana nechtej pustit", "dana"),
        ("bojim se josefa protoze me kope do nohou", "josefa"),
        ("dano, pockej na me!!", "dano"),
    ],
)
def test_lowercase_name_where_the_sentence_says_person(text, name):
    assert name not in _hidden(text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("mu kluci strčili hlavu do koše a Dominik řval", "koše"),
        ("Pan učitel Marek nám v hodině vzal mobily", "hodině"),
        ("ale on to tomu neřekl", "tomu"),
        ("ale on to neřekl", "ale"),
        ("Chci nahlásit Tomáše Čermáka. tomáš bere ostatním věci", "bere"),
        ("o svobodovi píšou ve skupině sprostý věci", "píšou"),
    ],
)
def test_ordinary_words_beside_person_cues_stay(text, word):
    assert word in _hidden(text)


# -- ALL CAPS ---------------------------------------------------------------------------------


def test_all_caps_name_does_not_swallow_the_verb():
    text = "MATYÁŠ ZBIL KRYŠTOFA A VSICHNI SE SMALI"
    m = _hidden(text)
    assert "MATYÁŠ" not in m and "KRYŠTOFA" not in m
    assert "ZBIL" in m
    m = _hidden("Ve škole je to hrozný. TO ZASE VANDA VZAL SOKOLOVI BATOH")
    assert "VANDA" not in m and "VZAL" in m and "BATOH" in m


# -- chat logs --------------------------------------------------------------------------------


def test_chat_speakers_glued_to_an_emoji_or_after_a_stamp():
    m = _hidden("[7:39] ami💀: linh je uplne mimo\n[12:36] luky🔥: jo")
    assert "ami" not in m and "luky" not in m
    m = _hidden("15:29 luky: zitra to udelame znova\n16:17 Ráďa: jasne 😭")
    assert "Ráďa" not in m


# -- one name, several forms ------------------------------------------------------------------


def test_a_name_found_once_is_hidden_in_its_other_forms():
    text = "Jde o Josefa Lišku. nikdo s josefem nemluví, protože Denys o liškovi šíří lži."
    m = _hidden(text)
    assert "josefem" not in m and "liškovi" not in m


def test_in_childrens_writing_other_forms_propagate_even_when_they_are_words():
    m = _hidden("Filip Král a Kryštof Zima se poprali. pak filip řekl, že zimu zabije.")
    assert "zimu" not in m and "filip" not in m


def test_other_forms_that_are_ordinary_words_stay_in_edited_text(detector):
    text = "Robin Zajíc mě bije. Ve škole se bojím jak zajíc. Je tu zima."
    m = masked(text, detector.detect(text))
    assert "zajíc" in m and "zima" in m


# -- the style set ----------------------------------------------------------------------------


def test_style_set_is_reproducible(tmp_path):
    out = tmp_path / "s.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_style_reports.py"),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == STYLES.read_bytes()


def test_style_set_floors():
    """Regression floors on the synthetic style set (tuned on it: not a held-out figure)."""
    gold = [json.loads(line) for line in STYLES.read_text(encoding="utf-8").splitlines()]
    spans = detect_spans_many([(r["text"], Seeds(r["victim_name"], r["victim_class"]))
                               for r in gold])
    preds = {r["id"]: [s.to_json() for s in sp] for r, sp in zip(gold, spans, strict=True)}
    res = score(gold, preds, ("PERSON",))["overall"]
    assert res["recall"] >= 0.92
    assert res["precision"] >= 0.93


def test_found_helper_still_reads_labels(detector):
    text = "Paní učitelka Nováková nic."
    assert "Nováková" in found(text, detector.detect(text), "PERSON")
