"""Names children type that no list knows as popular names: a position that says person.

Misspelt and foreign given names, nicknames and surnames that are ordinary words are found by
where they stand (subject of a verb only people do, object of a verb done to people, a
preposition's person case, "ten/ta" before a surname, a gender mismatch), never by listing them.
The examples here are not the development set's pupils.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ner.metrics import score
from ner.redaction import Seeds, detect_spans, detect_spans_many

from .conftest import masked

ROOT = Path(__file__).resolve().parents[2]
KID_NAMES = ROOT / "tests" / "ner" / "data" / "kid_names_reports.jsonl"


def _hidden(text: str) -> str:
    return masked(text, detect_spans(text))


@pytest.mark.parametrize(("text", "name"), [
    ("dneska jarmyla rekla ze me nesnasi", "jarmyla"),  # a misspelling no list knows
    ("ten vrabec me zase zbil za skolou", "vrabec"),  # "ten" + a surname that is a word
    ("pak kapusta rekl ze me zabije", "kapusta"),  # -a word + masculine verb: a boy's surname
    ("zase zbili tlustika na zachodech", "tlustika"),  # a nickname as the victim
    ("sedim s jarmylou a ona me stipe", "jarmylou"),  # a preposition's person case
    ("bojim se tlustika a jarmyly", "jarmyly"),  # a list of people carries a rare word
    ("bohdan vrba me furt strka", "vrba"),  # between a given name and a clitic: the surname
])
def test_a_name_no_list_knows_is_found_by_its_position(text: str, name: str):
    assert name not in _hidden(text)


@pytest.mark.parametrize(("text", "word"), [
    ("ten maly mi rekl ze jsem hloupej", "maly"),  # an adjective after "ten"
    ("ten druhej me zase zbil", "druhej"),
    ("strejda mi rekl at to napisu", "strejda"),  # kin and role words are no names
    ("v lese rekl ze tam nepujde", "lese"),  # after a preposition: no subject
    ("schvalne me kopl do nohy", "schvalne"),  # an adverb before the verb
    ("zbil me pravitkem a smal se", "pravitkem"),  # a thing, not a person
    ("ten pes me kousl do ruky", "pes"),  # not a verb only people do
    ("tomas maly me strka", "maly"),  # an adjective after a given name is no surname
])
def test_ordinary_words_in_the_same_positions_stay(text: str, word: str):
    assert word in _hidden(text)


def test_a_rare_name_found_once_is_hidden_in_its_other_forms():
    m = _hidden("nykolas mi vzal mobil. sedim s nykolasem a nikdo s nim nemluvi")
    assert "nykolas" not in m


def test_a_rare_capitalised_sentence_start_is_judged_by_position():
    assert "Jarmyla" not in _hidden("Jarmyla mi vzala penál.")
    assert "Pravítko" in _hidden("Pravítko mi vzal Petr.")  # a word, not in subject position


def test_edited_text_keeps_ordinary_lowercase_forms():
    # propagation from lowercase names is for children's writing, and only for non-words
    m = _hidden("Petr Skála mě bije. Na výletě jsme lezli na skálu.")
    assert "skálu" in m


def test_hyphenated_surname_of_two_names_is_one_name():
    """A double surname no list holds whole reads as a name when both parts do."""
    m = _hidden("spolužák vít kolář-vrabec mi schoval tašku")
    assert "kolář-vrabec" not in m and "vrabec" not in m


def test_all_caps_word_after_a_title_is_no_name_unless_it_reads_as_one():
    """In ALL CAPS the capital after "paní učitelka" says nothing: a verb is no surname."""
    m = _hidden("PANÍ UČITELKA ŘÍKALA, ŽE TO VYŘEŠÍ")
    assert "ŘÍKALA" in m
    assert "NOVÁKOVÁ" not in _hidden("PANÍ UČITELKA NOVÁKOVÁ TO VÍ")


@pytest.mark.parametrize("text", ["strejda mi rekl at to napisu", "MAMKA ŘEKLA AŤ TO NAPÍŠU"])
def test_kin_words_in_a_childs_letter_case_are_no_names(text: str):
    assert "#" not in _hidden(text)


# -- the kid-names set ------------------------------------------------------------------------


def test_kid_names_set_is_reproducible(tmp_path):
    out = tmp_path / "k.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_kid_names_reports.py"),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == KID_NAMES.read_bytes()


def test_kid_names_set_floors():
    """Regression floors on the synthetic kid-names set (tuned on it: not a held-out figure)."""
    gold = [json.loads(line) for line in KID_NAMES.read_text(encoding="utf-8").splitlines()]
    spans = detect_spans_many([(r["text"], Seeds(r["victim_name"], r["victim_class"]))
                               for r in gold])
    preds = {r["id"]: [s.to_json() for s in sp] for r, sp in zip(gold, spans, strict=True)}
    res = score(gold, preds, ("PERSON",))["overall"]
    assert res["recall"] >= 0.91
    assert res["precision"] >= 0.96


def test_kid_names_set_is_in_the_bench_marked_as_tuned_on():
    from ner import bench

    assert "tests/ner/data/kid_names_reports.jsonl" in bench.DEFAULT_REPORTS
    assert bench.tuned_on("tests/ner/data/kid_names_reports.jsonl") == "yes (synthetic)"
