"""Synthetic development reports for the ways children disguise or mangle names.

Writes ``tests/ner/data/phenomena_reports.jsonl`` (same schema as the shared dev reports:
``id``, ``victim_name``, ``victim_class``, ``text``, ``spans``, ``style``, plus ``phenomenon``
and, for follow-ups, ``seeds``: the report's earlier originals). Every text is built from
templates whose slots are filled with people in the right case, so every gold span's offsets
are known exactly; the result is checked (``text[start:end] == span text``) before writing.

Phenomena: invisible characters inside names (each of U+200B/C/D, U+2060, U+00AD, U+FEFF),
letter-spaced, dotted and hyphen-spaced names, small capitals, Cyrillic/Greek look-alikes,
digit-for-letter swaps, stretched vocatives, the victim's field name in lowercase case forms
that are ordinary words (novaka, svobodu, markem), follow-ups naming the report's people, and
the identifiers of the new recognizers (ISIC cards, secondary-school class codes, usernames,
bank accounts, numeric ids, slash phones, "(at)" e-mails, addresses on streets named after
people). Deterministic: the same seed writes the same bytes.

    .venv/bin/python scripts/make_phenomena_reports.py [--seed 18] [--per-phenomenon 24]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "ner" / "data" / "phenomena_reports.jsonl"


@dataclass(frozen=True)
class Person:
    """One invented pupil: first name and surname forms by case, a diminutive, a vocative."""

    first: dict[str, str]
    last: dict[str, str]
    dim: str
    voc: str


def _p(first: str, last: str, dim: str, voc: str) -> Person:
    f = dict(zip(("nom", "gen", "dat", "acc", "ins"), first.split(","), strict=True))
    s = dict(zip(("nom", "gen", "dat", "acc", "ins"), last.split(","), strict=True))
    return Person(f, s, dim, voc)


PEOPLE = [
    _p("Petr,Petra,Petrovi,Petra,Petrem", "Novák,Nováka,Novákovi,Nováka,Novákem", "Péťa", "Petře"),
    _p("Marek,Marka,Markovi,Marka,Markem", "Svoboda,Svobody,Svobodovi,Svobodu,Svobodou", "Mára",
       "Marku"),
    _p("Eliška,Elišky,Elišce,Elišku,Eliškou", "Krátká,Krátké,Krátké,Krátkou,Krátkou", "Eli",
       "Eliško"),
    _p("Jakub,Jakuba,Jakubovi,Jakuba,Jakubem", "Dvořák,Dvořáka,Dvořákovi,Dvořáka,Dvořákem",
       "Kuba", "Kubo"),
    _p("Tereza,Terezy,Tereze,Terezu,Terezou", "Černá,Černé,Černé,Černou,Černou", "Terka", "Terko"),
    _p("Josef,Josefa,Josefovi,Josefa,Josefem", "Vrána,Vrány,Vránovi,Vránu,Vránou", "Pepík",
       "Pepíku"),
    _p("Tomáš,Tomáše,Tomášovi,Tomáše,Tomášem", "Procházka,Procházky,Procházkovi,Procházku,"
       "Procházkou", "Tomík", "Tomáši"),
    _p("Anna,Anny,Anně,Annu,Annou", "Horáková,Horákové,Horákové,Horákovou,Horákovou", "Anička",
       "Ančo"),
    _p("Oleksandr,Oleksandra,Oleksandrovi,Oleksandra,Oleksandrem",
       "Kovalenko,Kovalenka,Kovalenkovi,Kovalenka,Kovalenkem", "Saša", "Sašo"),
    _p("Kristýna,Kristýny,Kristýně,Kristýnu,Kristýnou", "Zajícová,Zajícové,Zajícové,Zajícovou,"
       "Zajícovou", "Kiki", "Kristýno"),
    _p("Matyáš,Matyáše,Matyášovi,Matyáše,Matyášem", "Liška,Lišky,Liškovi,Lišku,Liškou", "Máťa",
       "Matyáši"),
    _p("Vanda,Vandy,Vandě,Vandu,Vandou", "Kubíčková,Kubíčkové,Kubíčkové,Kubíčkovou,Kubíčkovou",
       "Vanďa", "Vando"),
]
CLASSES = ["7.B", "6.A", "8.C", "9.A", "5.B", "sekunda", "tercie"]

# a slot is {role:case:part}: role a (victim) or b; case nom/gen/dat/acc/ins/voc/dim;
# part full/first/last
TEMPLATES = [
    "{a:nom:full} mi pořád bere svačinu a {b:nom:first} se tomu směje.",
    "včera {a:nom:first} zase zbil {b:acc:full} za školou, nikdo nic neudělal.",
    "nejhorší je {a:nom:last}, minule {b:dat:first} rozbil mobil a pak se smál.",
    "{a:voc:first} nech toho!!! křičela jsem na {a:acc:first} ale on nepřestal.",
    "Paní učitelko, {a:nom:full} z naší třídy ubližuje {b:dat:full} každou přestávku.",
    "kluci se posmívají {a:dat:last} a {b:nom:first} to natáčí na mobil.",
    "S {a:ins:first} nikdo nechce sedět, protože {b:nom:last} řekl, že smrdí.",
    "Můj syn {a:nom:first} je šikanován spolužákem {b:ins:full}.",
    "{b:nom:dim} napsal do skupiny, že {a:acc:first} všichni nesnáší.",
    "od {a:gen:first} jsem slyšela, že {b:nom:full} mu ukradl peníze.",
    "už zase {a:acc:last} zamkli na záchodě, byl to {b:nom:first}.",
    "ve skupině píšou o {a:dat:first} hnusný věci, hlavně {b:nom:dim}.",
]

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]
SMALL = dict(zip("abcdefghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", strict=True))
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "P": "Р",
            "E": "Е", "O": "О", "T": "Т", "K": "К", "M": "М", "H": "Н", "A": "А", "B": "В"}
DIGITS = {"o": "0", "e": "3", "a": "4", "i": "1", "s": "5", "t": "7"}


def _invisible(word: str, rnd: random.Random) -> str:
    ch = rnd.choice(INVISIBLE)
    chars = list(word)
    for _ in range(rnd.randint(1, 2)):
        chars.insert(rnd.randint(1, len(chars) - 1), ch)
    return "".join(chars)


def _spaced(word: str, rnd: random.Random) -> str:
    return rnd.choice([" ", ".", "-"]).join(word)


def _small_caps(word: str, rnd: random.Random) -> str:
    return "".join(SMALL.get(c.lower(), c) for c in word)


def _cyrillic(word: str, rnd: random.Random) -> str:
    spots = [i for i, c in enumerate(word) if c in CYRILLIC]
    if not spots:
        return word
    chars = list(word)
    for i in rnd.sample(spots, k=min(len(spots), rnd.randint(1, 2))):
        chars[i] = CYRILLIC[chars[i]]
    return "".join(chars)


def _digits(word: str, rnd: random.Random) -> str:
    spots = [i for i in range(1, len(word) - 1) if word[i] in DIGITS
             and word[i - 1].isalpha() and word[i + 1].isalpha()]
    if not spots or sum(c.isalpha() for c in word) < 3:
        return word
    chars = list(word)
    for i in rnd.sample(spots, k=min(len(spots), rnd.randint(1, 2))):
        chars[i] = DIGITS[chars[i]]
    return "".join(chars)


def _stretch(word: str, rnd: random.Random) -> str:
    return word + word[-1] * rnd.randint(2, 5) if word[-1].isalpha() else word


DISGUISES = {"invisible": _invisible, "spaced": _spaced, "small-caps": _small_caps,
             "homoglyph": _cyrillic, "digit-swap": _digits}


def _name(person: Person, case: str, part: str) -> str:
    if case == "voc":
        return person.voc
    if case == "dim":
        return person.dim
    if part == "first":
        return person.first[case]
    if part == "last":
        return person.last[case]
    return f"{person.first[case]} {person.last[case]}"


def _fill(template: str, cast: dict[str, Person], disguise, rnd: random.Random, style: str,
          ) -> tuple[str, list[dict]]:
    """The template with names in; ``disguise`` is applied to every name word."""
    out, spans, pos = [], [], 0
    i = 0
    while i < len(template):
        if template[i] == "{":
            j = template.index("}", i)
            role, case, part = template[i + 1 : j].split(":")
            value = _name(cast[role], case, part)
            value = _styled(value, style)
            if disguise is not None:
                value = " ".join(disguise(w, rnd) for w in value.split(" "))
            spans.append({"start": pos, "end": pos + len(value), "label": "PERSON",
                          "text": value})
            out.append(value)
            pos += len(value)
            i = j + 1
        else:
            out.append(template[i])
            pos += 1
            i += 1
    return "".join(out), spans


_STRIP = str.maketrans("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ", "acdeeinorstuuyzACDEEINORSTUUYZ")


def _styled(text: str, style: str) -> str:
    if style == "lowercase":
        return text.lower()
    if style == "no-diacritics":
        return text.lower().translate(_STRIP)
    if style == "caps":
        return text.upper()
    return text


def _record(rid: str, text: str, spans: list[dict], phenomenon: str, name: str = "",
            klass: str = "", seeds: list | None = None) -> dict:
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"], (rid, s)
    rec = {"id": rid, "victim_name": name, "victim_class": klass, "text": text,
           "spans": sorted(spans, key=lambda s: s["start"]), "style": "synthetic",
           "is_spam": False, "phenomenon": phenomenon}
    if seeds is not None:
        rec["seeds"] = seeds
    return rec


def _disguised(rnd: random.Random, n: int) -> list[dict]:
    out = []
    for kind, fn in DISGUISES.items():
        for k in range(n):
            a, b = rnd.sample(PEOPLE, 2)
            style = rnd.choice(["plain", "plain", "lowercase", "no-diacritics"])
            text, spans = _fill(rnd.choice(TEMPLATES), {"a": a, "b": b}, fn, rnd, style)
            name = f"{a.first['nom']} {a.last['nom']}" if k % 2 else ""
            out.append(_record(f"{kind}-{k:03d}", text, spans, kind, name,
                               rnd.choice(CLASSES) if k % 2 else ""))
    for k in range(n):  # stretched vocatives, as shouted in chats
        a, b = rnd.sample(PEOPLE, 2)
        voc = _stretch(a.voc.upper(), rnd)
        head = f"{voc} POJĎ SEM!!! "
        text, spans = _fill(rnd.choice(TEMPLATES), {"a": a, "b": b}, None, rnd, "plain")
        spans = [{**s, "start": s["start"] + len(head), "end": s["end"] + len(head)}
                 for s in spans]
        spans.append({"start": 0, "end": len(voc), "label": "PERSON", "text": voc})
        out.append(_record(f"stretched-{k:03d}", head + text, spans, "stretched",
                           f"{a.first['nom']} {a.last['nom']}"))
    return out


FIELD_FORM_TEMPLATES = [
    "{last:gen} zase zbili kluci z devítky.",
    "nikdo se s {last:ins} nebaví a {first:dat} to vadí.",
    "vidím jak {last:acc} strkaj na chodbě, {first:nom} brečí.",
    "s {first:ins} nikdo nesedí, {last:nom} je prej divnej.",
    "{first:acc} a {last:acc} furt shazujou, je to hnusný.",
    "o {last:dat} píšou ve skupině sprostý věci.",
]


def _field_forms(rnd: random.Random, n: int) -> list[dict]:
    """The victim's field name in lowercase case forms, many of them ordinary words."""
    out = []
    for k in range(n):
        a = PEOPLE[k % len(PEOPLE)]
        template = rnd.choice(FIELD_FORM_TEMPLATES)
        text, spans, pos = "", [], 0
        for piece in template.replace("}", "{").split("{"):
            if ":" in piece:
                part, case = piece.split(":")
                value = (a.first if part == "first" else a.last)[case].lower()
                if rnd.random() < 0.4:
                    value = value.translate(_STRIP)
                spans.append({"start": len(text), "end": len(text) + len(value),
                              "label": "PERSON", "text": value})
                text += value
            else:
                text += piece
        del pos
        out.append(_record(f"field-{k:03d}", text, spans, "field-forms",
                           f"{a.first['nom']} {a.last['nom']}", rnd.choice(CLASSES)))
    return out


FOLLOWUPS = [
    "dneska zase {x} brecela a nikdo nepomohl",
    "uz je to lepsi ale {x} porad otravuje",
    "{x} me dneska zase cekal pred skolou",
    "paní učitelka mluvila s {x} ale nic se nezměnilo",
    "vcera {x} psal ve skupine ze me zbije",
]


def _followups(rnd: random.Random, n: int) -> list[dict]:
    """Follow-ups naming the report's people in another form; seeds = the report's originals."""
    out = []
    for k in range(n):
        a, b = rnd.sample(PEOPLE, 2)
        who = rnd.choice([a, b])
        form = rnd.choice([who.last["nom"], who.first["ins"], who.last["ins"], who.dim,
                           who.first["dat"], who.last["gen"]])
        value = _styled(form, rnd.choice(["lowercase", "no-diacritics", "plain"]))
        template = rnd.choice(FOLLOWUPS)
        head, tail = template.split("{x}")
        text = head + value + tail
        spans = [{"start": len(head), "end": len(head) + len(value), "label": "PERSON",
                  "text": value}]
        seeds = [["PERSON", f"{b.first['nom']} {b.last['nom']}"],
                 ["PERSON", b.first["gen"]], ["CLASS", "7.B"]]
        out.append(_record(f"followup-{k:03d}", text, spans, "followup",
                           f"{a.first['nom']} {a.last['nom']}", "7.B", seeds))
    return out


def _account(rnd: random.Random) -> str:
    """A Czech bank account number that passes the mod-11 check."""
    weights = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1]
    while True:
        digits = [rnd.randint(0, 9) for _ in range(10)]
        digits[0] = 0
        if sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0 and any(digits):
            number = "".join(map(str, digits)).lstrip("0")
            if len(number) >= 6:
                return f"{number}/{rnd.choice(['0100', '0800', '2010', '0300', '5500'])}"


IDENTIFIERS = [
    ("ISIC", "ID", "našel jsem jeho kartu ISIC, číslo {v}, a on tvrdí, že je moje",
     lambda r: f"S 420 {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(100, 999)} "
               f"{r.choice('ABCDEFGH')}"),
    ("ISIC-run", "ID", "na kartě měla číslo {v} a někdo ho vyfotil",
     lambda r: f"S420{r.randint(100000000, 999999999)}{r.choice('ABCDEFGH')}"),
    ("class-code", "CLASS", "šikanujou ho kluci z {v} na intru",
     lambda r: f"{r.randint(1, 4)}.{r.choice(['M', 'EB', 'L', 'A', 'TL', 'S'])}"),
    ("class-space", "CLASS", "je ze třídy {v} a sedí vzadu",
     lambda r: f"{r.randint(5, 9)} {r.choice('bcd')}"),
    ("username", "CONTACT", "na instagramu je jako {v} a posílá hnusný zprávy",
     lambda r: r.choice(["pepa.z", "j.novy", "kaja.mala", "terka.k", "mara.sv"])),
    ("username-paren", "CONTACT", "píše mi Tonda ({v}) každej večer",
     lambda r: r.choice(["t.vopicka", "tonda.v", "vopi.t"])),
    ("bank", "ID", "chce po mně peníze na účet {v}, jinak mě zbije",
     _account),
    ("numeric-id", "CONTACT", "jeho discord id je {v} a píše tam ostatním",
     lambda r: str(r.randint(10**16, 10**18))),
    ("slash-phone", "CONTACT", "volal mi z čísla {v} a vyhrožoval",
     lambda r: f"{r.choice(['602', '777', '731'])}/{r.randint(100, 999)}/{r.randint(100, 999)}"),
    ("at-email", "CONTACT", "psala mi z adresy {v} hnusný věci",
     lambda r: r.choice(["pepa.novak(at)seznam.cz", "kaja.m (at) gmail.com",
                         "terka zavináč seznam tečka cz", "mara.sv[at]email.cz"])),
]


def _identifiers(rnd: random.Random, n: int) -> list[dict]:
    out = []
    for kind, label, template, make in IDENTIFIERS:
        for k in range(max(2, n // 4)):
            value = make(rnd)
            head, tail = template.split("{v}")
            text = head + value + tail
            spans = [{"start": len(head), "end": len(head) + len(value), "label": label,
                      "text": value}]
            if "Tonda" in text:
                t = text.index("Tonda")
                spans.append({"start": t, "end": t + 5, "label": "PERSON", "text": "Tonda"})
            out.append(_record(f"{kind}-{k:03d}", text, spans, kind))
    return out


def generate(seed: int = 18, per_phenomenon: int = 24) -> list[dict]:
    rnd = random.Random(seed)
    return (_disguised(rnd, per_phenomenon) + _field_forms(rnd, per_phenomenon)
            + _followups(rnd, per_phenomenon) + _identifiers(rnd, per_phenomenon))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--per-phenomenon", type=int, default=24)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    write_records(generate(args.seed, args.per_phenomenon), args.out)


def write_records(records: list[dict], out: str) -> None:
    """One JSON object per line, then how many reports of each kind were written."""
    with open(out, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for rec in records:
        kinds[rec["phenomenon"]] = kinds.get(rec["phenomenon"], 0) + 1
    print(f"{len(records)} reports → {out}")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:<16}{count:>4}")


if __name__ == "__main__":
    main()
