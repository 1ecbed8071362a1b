"""Pattern layer: contacts, IDs, classes (no spaCy needed)."""

import pytest

from ner.recognizers import classes, contacts, ids


def texts(rec, text, label=None):
    return [text[s.start : s.end] for s in rec.find(text) if label is None or s.label == label]


@pytest.mark.parametrize(
    "text, expect",
    [
        ("piš mi na kuba.novak@seznam.cz", "kuba.novak@seznam.cz"),
        ("volej 777 314 628", "777 314 628"),
        ("číslo +420 605 112 873", "+420 605 112 873"),
        ("ukrajinské +380 67 412 5530", "+380 67 412 5530"),
        ("bez mezer 608771302", "608771302"),
        ("insta @natka.pos.", "@natka.pos"),
        (
            "profil https://www.instagram.com/luky_dvorak_08/ tam",
            "https://www.instagram.com/luky_dvorak_08/",
        ),
        ("na discordu FilDol#4821", "FilDol#4821"),
        ("hraje jako kubik2011 na fortnite", "kubik2011"),
        ("nick ZednikGG", "ZednikGG"),
    ],
)
def test_contacts(text, expect):
    assert expect in texts(contacts, text)


@pytest.mark.parametrize(
    "text", ["v roce 2010 v 10:30", "dne 12.03.2024", "stálo to 250 Kč", "za 5 minut"]
)
def test_contacts_no_false_hits(text):
    assert texts(contacts, text) == []


def test_birth_number_checksum():
    assert ids.birth_number_valid("736028/5163")
    assert not ids.birth_number_valid("736028/5164")
    assert [s.score for s in ids.find("rč 736028/5163")] == [0.99]


@pytest.mark.parametrize(
    "text, expect",
    [
        ("bydlí na adrese Palackého 1187/22 v Olomouci", "Palackého 1187/22"),
        ("bydli ulice Lipove 12", "Lipove 12"),
        ("jeho auto 4T2 8815 stálo", "4T2 8815"),
        # a house: every form of "dům", "barák", "domov" is a cue
        ("sledoval mě až k našemu domu na Topolové 41.", "Topolové 41"),
        ("poslal fotku našeho baráku na Polní 1520", "Polní 1520"),
        # a postal address: street-shaped name + number + comma + town (with or without PSČ)
        ("Jan Veselý, Husova 14, Tábor", "Husova 14"),
        ("adresa pro zásilky Školní 482, 250 88 Čelákovice", "Školní 482"),
    ],
)
def test_ids(text, expect):
    assert expect in texts(ids, text)


def test_street_needs_cue_or_slash():
    assert texts(ids, "Přišel ve 3 hodiny a Petr 5 minut čekal") == []
    # a comma and a capital after a number is no address unless the name looks like a street
    assert texts(ids, "Hraju Windows 10, Linux a Fortnite 2, Minecraft") == []


@pytest.mark.parametrize(
    "text, expect",
    [
        ("jsem ze 7.B", "7.B"),
        ("chodí do 7. b", "7. b"),
        ("z 7b", "7b"),
        ("třída VII.B", "VII.B"),
        ("sedmá bé je nejhorší", "sedmá bé"),
        ("ze sedmičky bé", "sedmičky bé"),
        ("v sextě", "sextě"),
        ("kvinta A", "kvinta A"),
        ("z kvarty B", "kvarty B"),
        ("ze sekundy", "sekundy"),
        ("šesté á", "šesté á"),
    ],
)
def test_classes(text, expect):
    assert expect in texts(classes, text)


@pytest.mark.parametrize(
    "text",
    [
        "z devítky",
        "v 8. ročníku",
        "prváci",
        "to je prima",
        "jednu sekundu",
        "za 5 a 6 minut",
        "1.5 km",
    ],
)
def test_bare_grades_are_not_classes(text):
    assert texts(classes, text) == []


def test_platform_cue_needs_a_username_not_an_ordinary_word(detector):
    for text, handle in [
        ("Má to v příběhu na instagramu natty.brazda.", "natty.brazda"),
        ("na instagramu klarasedl mi píše", "klarasedl"),
        ("na discordu ZednikGG", "ZednikGG"),
    ]:
        assert handle in [
            text[s.start : s.end] for s in detector.detect(text) if s.label == "CONTACT"
        ]
    for text in ("Adriana mi na Snapchatu poslala fotku.", "xd lol karel je lepší"):
        assert not [s for s in detector.detect(text) if s.label == "CONTACT"], text
