"""Pseudonymisation: placeholders, clustering of mentions, offsets into the original."""

import ner
from ner import PLACEHOLDER_RE, Span, placeholder_for, pseudonymise


def test_placeholders_are_numbered_per_label():
    text = "Petr a Jana z 7.B"
    spans = [Span(0, 4, "PERSON", 1, "P1"), Span(7, 11, "PERSON", 1, "P2"), Span(14, 17, "CLASS")]
    res = pseudonymise(text, spans)
    assert res.text == "[OSOBA 1] a [OSOBA 2] z [TŘÍDA 1]"
    assert [(i.placeholder, i.original, i.start, i.end) for i in res.items] == [
        ("[OSOBA 1]", "Petr", 0, 4),
        ("[OSOBA 2]", "Jana", 7, 11),
        ("[TŘÍDA 1]", "7.B", 14, 17),
    ]


def test_placeholder_helpers():
    assert placeholder_for("CONTACT", 3) == "[KONTAKT 3]"
    assert placeholder_for("ID", 1) == "[ÚDAJ 1]"
    assert all(PLACEHOLDER_RE.fullmatch(placeholder_for(lab, 2)) for lab in ner.LABELS)


def test_same_person_same_placeholder(detector):
    text = (
        "Petr Novák mi bere svačinu. Petrovi se to líbí, Péťa se směje a Novák taky. "
        "Jana to viděla."
    )
    res = pseudonymise(text, detector.detect(text))
    assert res.text.count("[OSOBA 1]") == 4, res.text
    assert "[OSOBA 2] to viděla" in res.text


def test_two_people_same_first_name_stay_apart(detector):
    text = "Petr Novák a Petr Dvořák se poprali. Dvořák vyhrál."
    res = pseudonymise(text, detector.detect(text))
    assert res.text.startswith("[OSOBA 1] a [OSOBA 2]"), res.text
    assert "[OSOBA 2] vyhrál" in res.text


def test_reads_naturally(detector):
    text = "Kuba mi bere svačinu, Honza se směje."
    assert (
        pseudonymise(text, detector.detect(text)).text
        == "[OSOBA 1] mi bere svačinu, [OSOBA 2] se směje."
    )


def test_redacting_twice_changes_nothing(detector):
    text = "Kuba Novák (7.B, 777 123 456) mi píše na @kuba_n."
    once = pseudonymise(text, detector.detect(text)).text
    assert pseudonymise(once, detector.detect(once)).text == once


def test_detector_singleton_is_cached():
    assert ner.get_detector() is ner.get_detector()
    assert ner.Detector.load().nlp is ner.get_detector().nlp


def test_man_and_woman_of_one_surname_are_two_people(detector):
    text = "Nejhorší je Krejčí, a jeho holka Krejčová taky. Krejčovou nikdo nemá rád."
    red = ner.pseudonymise(text, detector.detect(text))
    assert red.text == (
        "Nejhorší je [OSOBA 1], a jeho holka [OSOBA 2] taky. [OSOBA 2] nikdo nemá rád."
    )
