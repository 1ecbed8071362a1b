"""The CNEC-trained capitalised-word tagger (ner/tagger.py) and the rules built on it."""

import pytest

import ner
from ner.gazetteer import get_gazetteer
from ner.recognizers import names
from ner.tagger import features, get_tagger
from ner.textutil import tokenize

from .conftest import found, masked


def _margin(detector, text: str, word: str) -> float:
    ev = names.evidence(tokenize(text), get_gazetteer(), detector.nlp(text))
    names.add_margins(text, ev)
    return next(e.margin for e in ev if e.token.text == word)


def test_tagger_is_shipped_and_compact():
    tagger = get_tagger()
    assert tagger is not None
    assert 1000 < len(tagger.w) < 100_000


def test_features_are_plain_strings(detector):
    text = "Ministr Sergej Lavrov přiletěl."
    ev = names.evidence(tokenize(text), get_gazetteer(), detector.nlp(text))
    feats = features(text, ev, 2)
    assert "w=lavrov" in feats and all(isinstance(f, str) for f in feats)


def test_only_tok2vec_and_ner_run(detector):
    # the morphologizer pass cost too much time; the tagger replaces its NameType feature
    assert detector.nlp.pipe_names == ["tok2vec", "ner"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ministr zahraničí Sergej Lavrov včera přiletěl do Prahy.", "Sergej Lavrov"),
        ("Spolužačka Chroboková mi píše, že jsem trapná.", "Chroboková"),
        ("Ve třídě je nový kluk Oleksandr Tkačuk.", "Oleksandr Tkačuk"),
        ("Pořád mi nadává Dmytro Kovalenko ze sekundy.", "Dmytro Kovalenko"),
    ],
)
def test_foreign_and_unknown_names(detector, text, name):
    assert name in found(text, detector.detect(text), "PERSON")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Jeli jsme do Bratislavy a pak do Karlových Varů.", "Karlových"),
        ("Francouz Louis Braille vymyslel písmo pro nevidomé.", "Francouz"),
        ("O prázdninách jsme byli ve Francii a v Německu.", "Francii"),
    ],
)
def test_places_and_ethnonyms_are_not_names(detector, text, word):
    out = masked(text, detector.detect(text))
    assert word in out


def test_ethnonym_vetoed_but_name_kept(detector):
    text = "Francouz Louis Braille vymyslel písmo pro nevidomé."
    assert found(text, detector.detect(text), "PERSON") == ["Louis Braille"]
    assert _margin(detector, text, "Francouz") < names.GROW_VETO


def test_popular_given_name_at_sentence_start_survives_the_veto(detector):
    # "Kuba" is Cuba in newspaper text, a boy in a report
    text = "Kuba mi bere svačinu, Honza se směje."
    assert found(text, detector.detect(text), "PERSON") == ["Kuba", "Honza"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Pan učitel Zima nás nechává běhat venku.", "Zima"),
        ("Ukázal jsem to paní učitelce Králové a nic.", "Králové"),
        ("Paní učitelka Veselá to ví.", "Veselá"),
    ],
)
def test_surname_that_is_a_word_after_a_title(detector, text, name):
    assert name in found(text, detector.detect(text), "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Na dané téma mám růžové brýle a rokem se to nezměnilo.",
        "Venku je zima a v zimě sněží.",
        "Ta míra už je přes, nikoli poprvé.",
    ],
)
def test_ordinary_words_that_look_like_name_forms(detector, text):
    # dané ~ Dana, růžové ~ Růža, míra ~ Míra, nikoli ~ Nikola: frequent words, not names
    assert found(text, detector.detect(text), "PERSON") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Film natočil Lars von Trier a já ho nesnáším.", "Lars von Trier"),
        ("Referát byl o tom, co dělal Karel IV a proč.", "Karel IV"),
    ],
)
def test_name_particles_and_regnal_numbers(detector, text, name):
    assert name in found(text, detector.detect(text), "PERSON")


def test_redacting_twice_next_to_a_tagger_name():
    d = ner.get_detector()
    text = "Sergej Lavrov a Chroboková: LOU/9 Dubuisson"
    once = ner.pseudonymise(text, d.detect(text)).text
    assert ner.pseudonymise(once, d.detect(once)).text == once
