"""The CNEC-trained CRF sequence tagger (ner/crf.py) as a layer alone and inside the pipeline."""

import numpy as np
import pytest

import ner
from ner.crf import (
    DATA,
    MODEL_FILE,
    PCA_DIMS,
    VectorProjection,
    get_crf,
    get_projection,
    sequences,
    shape,
    token_features,
    token_item,
)
from ner.gazetteer import get_gazetteer
from ner.recognizers import crf as crf_layer
from ner.recognizers import names
from ner.textutil import tokenize

from .conftest import found


def _probs(detector, text: str) -> dict[str, float]:
    gaz = get_gazetteer()
    ev = names.evidence(tokenize(text), gaz, detector.nlp(text))
    assert crf_layer.probabilities(text, ev, gaz)
    return {e.token.text: e.crf for e in ev}


def test_model_is_shipped_compact_and_loads():
    path = DATA / MODEL_FILE
    assert path.exists() and path.stat().st_size < 5_000_000
    crf = get_crf()
    # persons beside the other CNEC types it learnt to tell them from
    assert crf is not None and {"B-PER", "I-PER", "B-GEO", "B-INST", "O"} <= crf.labels
    assert crf.person_labels == ["B-PER", "I-PER"]


def test_vectors_are_projected_and_whitened(detector):
    proj = get_projection()
    assert proj is not None and proj.components.shape == (96, PCA_DIMS)
    text = "Ministr Sergej Lavrov přiletěl do Prahy."
    ev = names.evidence(tokenize(text), get_gazetteer(), detector.nlp(text))
    assert all(e.vec is not None and e.vec.shape == (PCA_DIMS,) for e in ev)
    item = token_item(text, ev, 2)
    assert item["w=lavrov"] == 1.0 and len([k for k in item if k.startswith("v")]) == PCA_DIMS


def test_projection_fit_whitens_and_is_deterministic():
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(2000, 96)) * np.linspace(0.1, 5, 96) + 3.0
    a, b = VectorProjection.fit(rows, 8), VectorProjection.fit(rows.copy(), 8)
    out = a(rows.astype(np.float32))
    assert np.allclose(out.mean(axis=0), 0, atol=1e-3)
    assert np.allclose(out.std(axis=0, ddof=1), 1, atol=1e-2)
    assert np.array_equal(a.components, b.components)


def test_place_reading_is_a_feature(detector):
    text = "Delegace odletěla z Moskvy do Amsterdamu a pak za Martinem."
    ev = names.evidence(tokenize(text), get_gazetteer(), detector.nlp(text))
    by = {e.token.text: e for e in ev}
    assert by["Moskvy"].place == "F" and by["Amsterdamu"].place
    assert "geo=F" in token_features(text, ev, [e.token.text for e in ev].index("Moskvy"))
    assert by["odletěla"].place == ""


def test_features_are_plain_strings(detector):
    text = "Ministr Sergej Lavrov přiletěl do Prahy."
    ev = names.evidence(tokenize(text), get_gazetteer(), detector.nlp(text))
    feats = token_features(text, ev, 2)
    assert "w=lavrov" in feats and "-1w=sergej" in feats
    assert all(isinstance(f, str) for f in feats)
    assert shape("Nováková") == "Xx" and shape("7.B") == "d.X"


def test_sequences_cut_at_sentences(detector):
    text = "Petr přišel. Pak odešel Jan."
    ev = names.evidence(tokenize(text), get_gazetteer(), None)
    assert sequences(ev) == [(0, 2), (2, 5)]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ministr zahraničí Sergej Lavrov včera přiletěl do Prahy.", "Lavrov"),
        ("Podle slov trenéra Oleksandra Tkačuka tým vyhrál.", "Tkačuka"),
        ("Na tiskové konferenci promluvila Jana Chroboková z Brna.", "Chroboková"),
        ("Herečka Meryl Streepová převzala cenu v Berlíně.", "Streepová"),
    ],
)
def test_names_in_edited_text_score_high(detector, text, name):
    assert _probs(detector, text)[name] > names.CRF_ADD


@pytest.mark.parametrize(
    "text, word",
    [
        ("Vztahy mezi Berlínem a Prahou byly dobré.", "Berlínem"),
        ("Firma Hoechst otevřela v Ostravě nový závod.", "Ostravě"),
        ("Do finále postoupil jeden Srb a dva Chorvati.", "Chorvati"),
    ],
)
def test_places_and_ethnonyms_score_low(detector, text, word):
    assert _probs(detector, text)[word] < 0.1


def test_layer_alone(detector):
    d = ner.Detector(detector.nlp, detector.gaz, layers=["crf"])
    text = "Premiér Václav Klaus jednal v Bruselu s Jacquesem Santerem."
    got = " ".join(found(text, d.detect(text), "PERSON"))
    assert "Klaus" in got and "Santerem" in got and "Bruselu" not in got


def test_crf_adds_a_name_nothing_else_knows(detector):
    text = "Vyučující Kšajtová nám zakázala mobily a spolužák Brzobohatý se smál."
    got = found(text, detector.detect(text), "PERSON")
    assert "Kšajtová" in got and "Brzobohatý" in got


def test_crf_does_not_veto_names_in_lowercase_text(detector):
    # children's writing: lowercase, no diacritics; the CRF must not remove these
    text = "kuba a lukas mi porad beru svacinu a honza se smeje"
    got = found(text, detector.detect(text), "PERSON")
    assert {"kuba", "lukas", "honza"} <= set(got)


def test_sentence_after_a_class_is_not_a_name(detector):
    # "7.C." is a class, not an initial: the capitalised word after it starts a sentence
    text = "Je to Tomáš Vaněk ze 7.C. Napsal mi, že to smaže. Dcera je smutná."
    got = found(text, detector.detect(text), "PERSON")
    assert "Napsal" not in " ".join(got) and "Dcera" not in " ".join(got)
    assert "Tomáš Vaněk" in got


def test_common_words_after_a_name_stay(detector):
    text = "Denis rika ze kdyz to nekomu reknu tak me zbije."
    got = found(text, detector.detect(text), "PERSON")
    assert got == ["Denis"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Výsledky: Jan Novák ml. dojel druhý.", ["Jan Novák ml"]),
        ("Obraz zachycuje sv. Václava na koni.", ["sv", "Václava"]),
    ],
)
def test_junior_and_saint_belong_to_the_name(detector, text, name):
    assert found(text, detector.detect(text), "PERSON") == name


def test_redacting_twice_with_crf_names(detector):
    text = "Ministr Sergej Lavrov a Chroboková: LOU/9 Dubuisson, Kšajtová z Brna."
    once = ner.pseudonymise(text, detector.detect(text)).text
    assert ner.pseudonymise(once, detector.detect(once)).text == once


def test_sentences_where_the_crf_cannot_matter_are_not_tagged(detector):
    gaz = get_gazetteer()

    def ev(text):
        return names.evidence(tokenize(text), gaz, detector.nlp(text))

    assert not crf_layer._can_matter(ev("Pak jsme šli domů a bylo to dobré."))
    assert crf_layer._can_matter(ev("Pak jsme šli domů s Novákem."))
    assert crf_layer._can_matter(ev("pak jsme sli s kubikem domu"))
    # skipping changes nothing: the same spans with every sentence tagged
    text = "Pak jsme šli domů a bylo to dobré. Potom přišel Lavrov a kubik se smál."
    got = detector.detect(text)
    original = crf_layer._can_matter
    try:
        crf_layer._can_matter = lambda seq: True
        assert detector.detect(text) == got
    finally:
        crf_layer._can_matter = original


MARGINAL_TEXTS = (
    "Ministr Sergej Lavrov přiletěl do Prahy, kde ho přivítal Jan Lipavský.",
    "Včera mi Tomáš Novák ze 7.B vzal mobil. Paní učitelka Králová nic neudělala!",
    "dana mi rika ze ji kuba zbil. pak sel s radkem domu",
    "OTA ZBIL VIKI A PAK UTEKL. Řekla to Ema Veselá-Nová.",
)


@pytest.mark.parametrize("text", MARGINAL_TEXTS)
def test_numpy_marginals_equal_crfsuite(detector, text):
    """The numpy inference (ner.crf_model, features looked up per piece, sentences in one
    chain) gives CRFsuite's own marginals for the shipped models, sentence by sentence."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from ner.crf import CASELESS_FILE, caseless, token_infos

    gaz = get_gazetteer()
    ev = names.evidence(tokenize(text), gaz, detector.nlp(text))
    ours = get_crf().marginals(text, ev, gaz.nick_to_formal)
    taggers = {}
    for name in (MODEL_FILE, CASELESS_FILE):
        taggers[name] = pycrfsuite.Tagger()
        taggers[name].open(str(DATA / name))
    for a, b in sequences(ev):
        seq = ev[a:b]
        infos = token_infos(seq)
        tg = taggers[CASELESS_FILE if caseless(seq) else MODEL_FILE]
        tg.set([token_item(text, seq, i, gaz.nick_to_formal, infos) for i in range(len(seq))])
        ref = [tg.marginal("B-PER", i) + tg.marginal("I-PER", i) for i in range(len(seq))]
        assert ours[a:b] == pytest.approx(ref, abs=1e-9)


def test_model_file_is_read_like_crfsuite():
    """``read_model`` parses the CRFsuite file itself: same labels, attributes and weights."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from ner.crf_model import read_model

    labels, attrs, state, trans = read_model(DATA / MODEL_FILE)
    tg = pycrfsuite.Tagger()
    tg.open(str(DATA / MODEL_FILE))
    info = tg.info()
    assert set(labels) == set(tg.labels())
    index, lab = {a: i for i, a in enumerate(attrs)}, {x: i for i, x in enumerate(labels)}
    assert {a for a, _ in info.state_features} == set(attrs)
    for (attr, label), w in list(info.state_features.items())[::97]:
        assert state[index[attr], lab[label]] == pytest.approx(w, abs=1e-6)
    for (a, b), w in info.transitions.items():
        assert trans[lab[a], lab[b]] == pytest.approx(w, abs=1e-6)


def test_piece_ids_are_the_feature_strings_ids(detector):
    """``sequence_ids`` (pieces cached per word and per kind) gives exactly the attributes
    of ``token_features`` the model knows, token by token."""
    from collections import Counter

    from ner.crf import sequence_ids, token_infos

    gaz = get_gazetteer()
    model = get_crf()._main
    for text in MARGINAL_TEXTS:
        ev = names.evidence(tokenize(text), gaz, detector.nlp(text))
        for a, b in sequences(ev):
            seq = ev[a:b]
            infos = token_infos(seq)
            flat, counts = sequence_ids(text, seq, gaz.nick_to_formal, infos, model)
            pos = 0
            for i, n in enumerate(counts):
                want = model.ids(token_features(text, seq, i, gaz.nick_to_formal, infos))
                assert Counter(flat[pos : pos + n]) == Counter(want)
                pos += n


def test_batch_gives_the_spans_of_one_text_at_a_time(detector):
    """The CRF reads a batch of texts side by side (``Detector.detect_many``); every text
    gets the spans it gets alone."""
    items = [(t, None, None) for t in MARGINAL_TEXTS]
    items.append(("Tomáš mi to řekl.", "Tomáš Novák", "7.B"))
    assert detector.detect_many(items) == [detector.detect(*it) for it in items]
