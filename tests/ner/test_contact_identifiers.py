"""Contacts and identifiers as children and parents really type them (issue 18), each recognizer
with positives and negatives, and the regression floors of the synthetic contact set.

The set (``scripts/make_contact_reports.py``) was written to develop these rules: its floors
guard against regressions, they are not a held-out figure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ner.metrics import score
from ner.recognizers import (
    addresses,
    bank_accounts,
    cards,
    contacts,
    credentials,
    document_numbers,
    ids,
    ip_addresses,
    obfuscated_emails,
    spoken_phones,
    usernames,
)
from ner.redaction import Seeds, detect_spans, detect_spans_many

from .conftest import masked

ROOT = Path(__file__).resolve().parents[2]
CONTACTS = ROOT / "tests" / "ner" / "data" / "contact_reports.jsonl"


def _found(module, text: str) -> list[str]:
    return sorted({text[s.start : s.end] for s in module.find(text)})


# -- phones -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("píše mi nějaký (+420) 603 769 486 a", "(+420) 603 769 486"),
    ("číslo +420 (774) 016 048 do skupiny", "+420 (774) 016 048"),
    ("volal z 700_629_920 asi 20x", "700_629_920"),
    ("babička má +420/796 205 097", "+420/796 205 097"),
    ("tel. 00 420 777 123 456", "00 420 777 123 456"),
    ("mobil 792  205  639", "792  205  639"),
    ("volej (777 123 456)", "777 123 456"),
])
def test_phones(text, value):
    assert value in _found(contacts, text)


@pytest.mark.parametrize("text", ["v 8:15 a 12 345 lidí", "stalo se to 12.03.2024",
                                  "rč 0854213316", "prohráli jsme 3:2"])
def test_phones_negative(text):
    assert not [s for s in contacts.find(text) if s.label == "CONTACT"]


@pytest.mark.parametrize("text, value", [
    ("moje cislo je 605 245 sedm ctyri devet ale", "605 245 sedm ctyri devet"),
    ("pis mi na sedm devět pět 240 716 at", "sedm devět pět 240 716"),
    ("šest-nula-dva-tři-pět-devět-nula-pět-devět", "šest-nula-dva-tři-pět-devět-nula-pět-devět"),
])
def test_spoken_phones(text, value):
    assert _found(spoken_phones, text) == [value]


@pytest.mark.parametrize("text", ["dva tři kluci a pět 100 korun", "jedna dva tři čtyři",
                                  "pět 777 123 456", "mám dva bratry a tři sestry"])
def test_spoken_phones_negative(text):
    assert _found(spoken_phones, text) == []


# -- e-mails ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("majda2010 @ seznam.cz, tel", "majda2010 @ seznam.cz"),
    ("na k.horakova@ post.cz.", "k.horakova@ post.cz"),
    ("na kuba@student.gymkolin . cz nebo", "kuba@student.gymkolin . cz"),
    ("na matyas.prochazka@gymkolin,cz nebo", "matyas.prochazka@gymkolin,cz"),
    ("terka65 (zavináč) gmail (tečka) com.", "terka65 (zavináč) gmail (tečka) com"),
])
def test_spaced_emails(text, value):
    assert _found(obfuscated_emails, text) == [value]


@pytest.mark.parametrize("text", ["napis @ kubovi. je to", "Ahoj, jsem doma. Cz",
                                  "sraz v 8.30 u školy"])
def test_spaced_emails_negative(text):
    assert _found(obfuscated_emails, text) == []


def test_emails_without_top_level_domain():
    assert _found(contacts, "mail ma majda27@gmail ale") == ["majda27@gmail"]
    assert _found(contacts, "píše mi z dominik.fiala@centrum.") == ["dominik.fiala@centrum"]
    assert _found(contacts, "jsme @ doma") == []


# -- handles, links, logins -------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("na instáči je domca.fiala.2", "domca.fiala.2"),
    ("její instáč: FildaGG", "FildaGG"),
    ("na snapu ma adelkadvorak", "adelkadvorak"),
    ("dc: ondrasvobodova", "ondrasvobodova"),
    ("vystupuje pod nickem Shadow", "Shadow"),
    ("@ BarcaGG na tiktoku", "@ BarcaGG"),
    ("všechno má na linktr.ee/zuzik__", "linktr.ee/zuzik__"),
    ("link: youtu.be/kubik_2010", "youtu.be/kubik_2010"),
])
def test_handles_and_links(text, value):
    assert value in _found(contacts, text)


@pytest.mark.parametrize("text, value", [
    ("na twitchi streamuje jako the.real.domca uz", "the.real.domca"),
    ("kiki.dvorak.7 na instáči mě pomlouvá", "kiki.dvorak.7"),
    ("FildaYT (instagram) to sdílí", "FildaYT"),
    ("marayt na instáči mě", "marayt"),
])
def test_usernames(text, value):
    assert _found(usernames, text) == [value]


@pytest.mark.parametrize("text", ["na instagramu psali kluci ze 7.B", "na ig je v 8.15",
                                  "fotku dala na instáči", "Kuba na instagramu",
                                  "hnusny veci na dc"])
def test_usernames_negative(text):
    assert _found(usernames, text) == []


@pytest.mark.parametrize("text", ["na discordu Lucie", "na Snapchatu poslala", "lol Karel",
                                  "nick Ahoj", "na twitchi streamuje jako"])
def test_cued_names_negative(text):
    assert [s for s in contacts.find(text) if s.score == 0.8] == []


@pytest.mark.parametrize("text, values", [
    ("zná můj login do bakalářů dvorak.j a heslo majdamajda", ["dvorak.j", "majdamajda"]),
    ("prihlasovaci jmeno okucera6. na", ["okucera6"]),
    ("do teams se přihlásil pod prochazkama a psal", ["prochazkama"]),
    ("login: horakova.k heslo: Adela428! uz", ["Adela428!", "horakova.k"]),
    ("moje heslo je LUCKA3? a on ho zná", ["LUCKA3?"]),
    ("kód od skříňky je 3584", ["3584"]),
    ("pin ke kartě 1234", ["1234"]),
])
def test_credentials(text, values):
    assert _found(credentials, text) == values


@pytest.mark.parametrize("text", ["heslo je tajné", "zapomněl jsem heslo. Pak", "heslo mi změnil",
                                  "login do bakalářů nefunguje", "přihlášený na hodinu 2024",
                                  "heslo do wifi je doma", "na zámek Malmaison", "kód je tajný",
                                  # a cue only as a whole word: no PIN inside a nickname
                                  "tu Pinďa, pinďákovi se smějou", "passat je auto"])
def test_credentials_negative(text):
    assert _found(credentials, text) == []


def test_credential_labels():
    spans = credentials.find("login: pokorna.b heslo: simi_51")
    assert [s.label for s in sorted(spans, key=lambda s: s.start)] == ["CONTACT", "ID"]


# -- identifiers ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("má moje rodný číslo 080204 8192 a", "080204 8192"),
    ("rč 0854213316.", "0854213316"),
    ("poznávačka 3z8-2832 ve", "3z8-2832"),
    ("spz 9j88842 x", "9j88842"),
    ("jezdí autem 4M1 64 50 a", "4M1 64 50"),
])
def test_birth_numbers_and_plates(text, value):
    assert _found(ids, text) == [value]


@pytest.mark.parametrize("text", ["stálo 1234567890 Kč", "v 5a 2024 bylo", "číslo 0854213317"])
def test_birth_numbers_and_plates_negative(text):
    assert _found(ids, text) == []


def test_cards_and_accounts():
    assert _found(cards, "ukradl mi isic kartu s 420185032618 f x") == ["s 420185032618 f"]
    assert _found(cards, "mámy karta 4204135413292374 a") == ["4204135413292374"]
    assert _found(cards, "kód 1234 5678 9012 3456") == []
    assert _found(bank_accounts, "číslo účtu 674322057 / 0800") == ["674322057 / 0800"]
    assert _found(bank_accounts, "pošli to na účet 684324926/3030") == ["684324926/3030"]
    assert _found(bank_accounts, "IBAN CZ65 0800 0000 1920 0014 5399 x") == [
        "CZ65 0800 0000 1920 0014 5399"]
    assert _found(bank_accounts, "ve znění vyhl. č. 78 / 1985 Sb.") == []
    assert _found(bank_accounts, "skóre 12/2024") == []
    assert _found(bank_accounts, "zápis č. j. 123/2024 ze dne") == []


@pytest.mark.parametrize("text, value", [
    ("jeho IP je 10.0.16.35 Ve", "10.0.16.35"), ("ip adresa 192.168.5.176 bojim", "192.168.5.176"),
])
def test_ip_addresses(text, value):
    assert _found(ip_addresses, text) == [value]


@pytest.mark.parametrize("text", ["stalo se 12.3.2024.", "verze 1.20.4.1", "v 8.15 a 1.2.3"])
def test_ip_addresses_negative(text):
    assert _found(ip_addresses, text) == []


@pytest.mark.parametrize("text, value", [
    ("Dobrý den, OP č. 76623791", "76623791"), ("číslo žáka Z26579 prosím", "Z26579"),
    ("evidencni cislo zaka 335555 ve", "335555"), ("kartička do jídelny č. 6509", "6509"),
    ("čip do jídelny 2023/1877. zápis", "2023/1877"), ("číslo občanky 203 948 571", "203 948 571"),
    ("číslo pasu 41234567", "41234567"),
])
def test_document_numbers(text, value):
    assert _found(document_numbers, text) == [value]


@pytest.mark.parametrize("text", ["pas mi vzal v 8", "kartička stojí 150 Kč", "průkaz z roku 2019",
                                  "OP mi ukradl 12. 3.", "čip mi vzal 3x", "pasu 12 let",
                                  "pasovali 2024 lidi", "kartička stojí 1500 Kč"])
def test_document_numbers_negative(text):
    assert _found(document_numbers, text) == []


# -- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("vím kde bydlíš, sadová 4 děkuji.", "sadová 4"),
    ("vím kde bydlíš, k lesu 31. v", "k lesu 31"),
    ("dal na net moji adresu Na Okraji 2112. dostal", "Na Okraji 2112"),
    ("kde bydlím V Zahradách 22. bydlí na vesnici 22 km od nás", "V Zahradách 22"),
    ("adresa: pod hájem 42, tábor", "pod hájem 42"),
    ("bydli na lipove 8", "lipove 8"),
    ("bydlíme v kostelci číslo popisné 155 bojim", "kostelci číslo popisné 155"),
    ("Bydlíme na adrese nám. T. G. Masaryka 1434, 595 74 Písek.", "nám. T. G. Masaryka 1434"),
    ("Adresa Ministerstvo dopravy nábř. L. Svobody 1222/12", "nábř. L. Svobody 1222/12"),
    ("adresa: Palackého tř. 12", "Palackého tř. 12"),
    ("bydlime v praze 4, u stadionu 845", "u stadionu 845"),
    ("přišel k nám na Lipovou 8 a zvonil", "Lipovou 8"),
])
def test_addresses(text, value):
    assert _found(addresses, text) == [value]


@pytest.mark.parametrize("text", [
    "bydlí ve 4. patře", "bydlí v tom 3. domě", "bydlí asi 28 minut od skoly",
    "bydlí na vesnici 20 km od nás", "šel domů asi v 5", "přišel domu v 17 hodin",
    "Dům byl adaptován na archiv počátkem 20 . století .", "u nás ve třídě 25 dětí",
    "chodí k nám Kuba 3x", "chodí k nám Kuba 3 dny", "U nás v Praze 4 je",
])
def test_addresses_negative(text):
    assert _found(addresses, text) == []


# -- the whole entry point --------------------------------------------------------------------


def test_contact_words_are_never_names():
    """In lowercase writing the word before a contact is not read as a name."""
    for text in ("prosim pomozte. mejl ma dvorak.jakub(at)centrum.cz",
                 "pomoc!!! tiktok @kubik.p. ukradl mi 73 Kč ze šatny",
                 "na 603/759 748 mi volaj cizí lidi"):
        assert not [s for s in detect_spans(text) if s.label == "PERSON"], text


def test_negatives_stay_visible():
    text = ("sraz je v 18:40, stálo to 1 500 Kč, úkol na straně 42, prohráli jsme 3:2, "
            "učebna 204, narodil se v roce 2011, linka bezpečí 116 111, je nás 28.")
    assert masked(text, detect_spans(text)) == text


def test_contact_set_is_reproducible(tmp_path):
    out = tmp_path / "c.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_contact_reports.py"),
                    "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == CONTACTS.read_bytes()


def test_contact_set_floors():
    """Regression floors on the synthetic contact set (tuned on it: not a held-out figure)."""
    gold = [json.loads(line) for line in CONTACTS.read_text(encoding="utf-8").splitlines()]
    spans = detect_spans_many([(r["text"], Seeds(r["victim_name"], r["victim_class"]))
                               for r in gold])
    preds = {r["id"]: [s.to_json() for s in sp] for r, sp in zip(gold, spans, strict=True)}
    res = score(gold, preds, ("PERSON", "CLASS", "CONTACT", "ID"))
    assert res["overall"]["recall"] >= 0.98
    assert res["overall"]["precision"] >= 0.98
    assert res["agnostic_by_label"]["CONTACT"]["recall"] >= 0.99
    assert res["agnostic_by_label"]["ID"]["recall"] >= 0.96


def test_bench_runs_the_contact_set_marked_tuned_on():
    from ner import bench

    assert "tests/ner/data/contact_reports.jsonl" in bench.DEFAULT_REPORTS
    assert bench.tuned_on("tests/ner/data/contact_reports.jsonl").startswith("yes")
    assert bench.tuned_on("tests/ner/data/blind_reports.jsonl").startswith("no")


@pytest.mark.parametrize("module, text, value", [
    (contacts, "má účet @terka_růžičková a", "@terka_růžičková"),
    (contacts, "ve hře je jako DarkKiller2 a", "DarkKiller2"),
    (obfuscated_emails, "napiš kuba(@)seznam.cz", "kuba(@)seznam.cz"),
    (obfuscated_emails, "kuba (a) seznam.cz", "kuba (a) seznam.cz"),
    (cards, "ISIC S 420 123 456 789 mi vzal", "S 420 123 456 789"),
    (ids, "bydlí Palackého č. 12, Brno", "Palackého č. 12"),
    (ids, "rodné číslo 1506018139", "1506018139"),
    (ids, "rč: 095415 8611", "095415 8611"),
])
def test_more_shapes(module, text, value):
    assert value in _found(module, text)


@pytest.mark.parametrize("module, text", [
    (contacts, "ve hře byl nejlepší"), (contacts, "lol je jako karel"), (ids, "rc 20 let"),
    (obfuscated_emails, "(a) jablka"),
])
def test_more_shapes_negative(module, text):
    assert [s for s in module.find(text) if s.score < 0.95] == []


def test_identifiers_keep_their_label():
    """A digit run that is also a phone shape, or a password that is also a username shape, is
    labelled ID when an identifier recognizer claims it."""
    for text, value in (("ISIC S 420 123 456 789 A", "S 420 123 456 789 A"),
                        ("jeho IP je 167.150.52.187", "167.150.52.187"),
                        ("číslo občanky 203948571", "203948571"),
                        ("heslo je verca2010", "verca2010"),
                        ("rodné číslo 1506018139", "1506018139")):
        spans = detect_spans(text)
        assert [(text[s.start : s.end], s.label) for s in spans] == [(value, "ID")], text


@pytest.mark.parametrize("text, value", [
    ("vlk_samotar: ty jsi nula\nterka.k: haha", "terka.k"),
    ("[20:15] kuba.n: to je on", "kuba.n"),
    ("napsala mi z ucetu lucinka.xoxo2", "lucinka.xoxo2"),
])
def test_chat_speakers_and_misspelt_cues(text, value):
    assert value in _found(usernames, text)


@pytest.mark.parametrize("text", ["Poznámka: 8.15 sraz", "Já: ne", "[20:15] 7.B: ahoj",
                                  "Pozn.: nic", "učte se 5.B"])
def test_chat_speakers_negative(text):
    assert _found(usernames, text) == []


@pytest.mark.parametrize("module, text, value", [
    (document_numbers, "číslo dokladu 203948571", "203948571"),
    (document_numbers, "ID žáka 12345", "12345"),
    (document_numbers, "číslo řidičáku EF123456", "EF123456"),
    (ids, "Jana Nováková, Dukelských hrdinů 12, Kolín", "Dukelských hrdinů 12"),
])
def test_documents_and_signatures(module, text, value):
    assert _found(module, text) == [value]


def test_documents_and_signatures_negative():
    assert _found(document_numbers, "doklady mi vzal 2x") == []
    assert _found(ids, "Bylo jich 12, Kolín vyhrál") == []
