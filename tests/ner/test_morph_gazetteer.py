"""Morphology (inflected form → base) and gazetteer lookups, without spaCy."""

import pytest

from ner.morph import base_candidates
from ner.textutil import fold, tokenize


@pytest.mark.parametrize(
    "form, base",
    [
        ("petrovi", "petr"),
        ("petra", "petr"),
        ("petrem", "petr"),
        ("markovi", "marek"),
        ("pavla", "pavel"),
        ("kubou", "kuba"),
        ("kubo", "kuba"),
        ("jirimu", "jiri"),
        ("novakovych", "novak"),
        ("novakove", "novakova"),
        ("lucce", "lucka"),
        ("luccina", "lucka"),
        ("sarin", "sara"),
        ("petruv", "petr"),
        ("olze", "olga"),
        ("cerneho", "cerny"),
        ("cernou", "cerna"),
        ("lucii", "lucie"),
        ("honzo", "honza"),
    ],
)
def test_base_candidates(form, base):
    assert base in base_candidates(form)


def test_fold_is_diacritic_and_case_insensitive():
    assert fold("Novákové") == "novakove" == fold("NOVAKOVE")
    assert fold("Šťastná") == "stastna"


def test_tokenize_marks_sentence_starts_but_not_initials():
    toks = tokenize("Včera J. Novák přišel. Pak odešel")
    starts = {t.text: t.sent_start for t in toks}
    assert starts["Včera"] and starts["Pak"]
    assert not starts["Novák"] and not starts["J"]


@pytest.mark.parametrize(
    "word, kind, base",
    [
        ("Petrovi", "given", "petr"),
        ("Lukášovi", "given", "lukas"),
        ("lukas", "given", "lukas"),
        ("Novákových", "surname", "novak"),
        ("Oleksandr", "given", "oleksandr"),
        ("Nguyen", "surname", "nguyen"),
        ("Tkachenko", "surname", "tkachenko"),
        ("Honza", "given", "honza"),
        ("Jiřímu", "given", "jiri"),
    ],
)
def test_gazetteer_lookup(gaz, word, kind, base):
    assert any(m.kind == kind and m.base == base for m in gaz.lookup(fold(word)))


def test_gazetteer_noise_filtered(gaz):
    # names-dataset lists these as first names; the frequency filter drops them
    for w in ("škola", "pes", "mám"):
        assert not [
            m
            for m in gaz.lookup(fold(w))
            if m.exact and not m.entry.ambiguous and m.entry.rank < 3000
        ]


def test_ordinary_word_surnames_are_ambiguous(gaz):
    for w in ("černý", "malý", "liška"):
        ms = [m for m in gaz.lookup(fold(w)) if m.kind == "surname" and m.exact]
        assert ms and all(m.entry.ambiguous for m in ms), w


def test_nicknames_map_to_formal(gaz):
    assert gaz.canonical("peta") == "petr"
    assert gaz.canonical("kuba") == "jakub"
    assert gaz.canonical("honza") == "jan"
