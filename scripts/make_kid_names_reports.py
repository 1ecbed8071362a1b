"""Synthetic development reports: person names the way real children type them.

Writes ``tests/ner/data/kid_names_reports.jsonl`` (schema of the shared dev reports, records
and writer of ``make_phenomena_reports.py``). A sibling of ``make_style_reports.py`` with its own
invented pupils, chosen for what a name list cannot know:

- ``word``: surnames and given names that are ordinary words, in a child's lowercase (skála,
  mráz, sova, jelen, hruška, růža, kámen);
- ``misspelt``: given names spelt the way they sound (kateryna, sebastyan, adelka, nykolas);
- ``caps``: ALL-CAPS diminutives and stretched vocatives (ŠTĚPÍ, MÍŠA, KAROLÍNOOO);
- ``nickname``: lowercase nicknames after a verb or a preposition ("zbil bobíka", "s pupíkem");
- ``foreign``: Ukrainian, Vietnamese, Roma, Slovak and Arabic pupils in Czech declension
  (Mykola → Mykolovi, Tran Minh Duc, Pham Thi Hoa, Yusuf → Yusufa);
- ``double``: hyphenated and double surnames (Jelínková-Marešová);
- ``ten_ta``: a surname alone in lowercase after "ten/ta/ty" ("ten brabec", "ta lapáčková",
  "ty brabcovy");
- ``ova``: feminine -ová surnames no list knows ("ta brabcová", "od lapáčkové");
- ``negative``: the same words used as words (skála, mráz, sova, "ten nový", months, days,
  subjects, "paní učitelka" without a name), which must stay visible.

Gold spans: every name mention is PERSON (a multi-word name one span per word, a hyphenated
surname one span). Only a fifth of the reports carry the victim's name in the form field.
Deterministic; offsets are checked before writing.

    .venv/bin/python scripts/make_kid_names_reports.py [--seed 1818] [--per-kind 20]
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from make_phenomena_reports import _STRIP, _record, write_records

OUT = Path(__file__).resolve().parent.parent / "tests" / "ner" / "data" / "kid_names_reports.jsonl"
CASES = ("nom", "gen", "dat", "acc", "ins")
Pupil = dict[str, dict[str, str] | str]


def _p(first: str, last: str, dim: str, voc: str) -> Pupil:
    return {"first": dict(zip(CASES, first.split(","), strict=True)),
            "last": dict(zip(CASES, last.split(","), strict=True)), "dim": dim, "voc": voc}


#: names that are also ordinary words, or short
WORD = [
    _p("Adam,Adama,Adamovi,Adama,Adamem", "Skála,Skály,Skálovi,Skálu,Skálou", "Áda", "Adame"),
    _p("Marek,Marka,Markovi,Marka,Markem", "Mráz,Mráze,Mrázovi,Mráze,Mrázem", "Mára", "Marku"),
    _p("Julie,Julie,Julii,Julii,Julií", "Sova,Sovy,Sově,Sovu,Sovou", "Julča", "Julie"),
    _p("Šimon,Šimona,Šimonovi,Šimona,Šimonem", "Jelen,Jelena,Jelenovi,Jelena,Jelenem",
       "Šíma", "Šimone"),
    _p("Klára,Kláry,Kláře,Kláru,Klárou", "Hrušková,Hruškové,Hruškové,Hruškovou,Hruškovou",
       "Kája", "Kláro"),
    _p("Růža,Růži,Růži,Růžu,Růžou", "Kámen,Kamena,Kamenovi,Kamena,Kamenem", "Růženka", "Růžo"),
    _p("Hynek,Hynka,Hynkovi,Hynka,Hynkem", "Louka,Louky,Loukovi,Louku,Loukou", "Hynda", "Hynku"),
]
#: given names as a child spells them (the gold is what was typed)
MISSPELT = [
    _p("Kateryna,Kateryny,Kateryně,Katerynu,Katerynou", "Dvořáčková,Dvořáčkové,Dvořáčkové,"
       "Dvořáčkovou,Dvořáčkovou", "Katka", "Kateryno"),
    _p("Sebastyan,Sebastyana,Sebastyanovi,Sebastyana,Sebastyanem",
       "Pokorný,Pokorného,Pokornému,Pokorného,Pokorným", "Sebik", "Sebastyane"),
    _p("Adelka,Adelky,Adelce,Adelku,Adelkou", "Šťastná,Šťastné,Šťastné,Šťastnou,Šťastnou",
       "Adelka", "Adelko"),
    _p("Nykolas,Nykolase,Nykolasovi,Nykolase,Nykolasem", "Bureš,Bureše,Burešovi,Bureše,Burešem",
       "Nyky", "Nykolasi"),
    _p("Maruška,Marušky,Marušce,Marušku,Maruškou", "Tichá,Tiché,Tiché,Tichou,Tichou",
       "Majda", "Maruško"),
]
CAPS = [
    _p("Štěpán,Štěpána,Štěpánovi,Štěpána,Štěpánem", "Bednář,Bednáře,Bednářovi,Bednáře,Bednářem",
       "Štěpí", "Štěpáne"),
    _p("Michaela,Michaely,Michaele,Michaelu,Michaelou", "Čížková,Čížkové,Čížkové,Čížkovou,"
       "Čížkovou", "Míša", "Míšo"),
    _p("Karolína,Karolíny,Karolíně,Karolínu,Karolínou", "Doležalová,Doležalové,Doležalové,"
       "Doležalovou,Doležalovou", "Kája", "Karolíno"),
    _p("Bořek,Bořka,Bořkovi,Bořka,Bořkem", "Hájek,Hájka,Hájkovi,Hájka,Hájkem", "Bořík", "Bořku"),
]
FOREIGN = [
    _p("Mykola,Mykoly,Mykolovi,Mykolu,Mykolou", "Ševčuk,Ševčuka,Ševčukovi,Ševčuka,Ševčukem",
       "Kolja", "Mykolo"),
    _p("Bohdana,Bohdany,Bohdaně,Bohdanu,Bohdanou", "Kravčenková,Kravčenkové,Kravčenkové,"
       "Kravčenkovou,Kravčenkovou", "Dana", "Bohdano"),
    _p("Minh Duc,Minh Duca,Minh Ducovi,Minh Duca,Minh Ducem", "Tran,Trana,Tranovi,Trana,Tranem",
       "Duc", "Ducu"),
    _p("Thi Hoa,Thi Hoa,Thi Hoa,Thi Hoa,Thi Hoa", "Pham,Pham,Pham,Pham,Pham", "Hoa", "Hoa"),
    _p("Yusuf,Yusufa,Yusufovi,Yusufa,Yusufem", "Hamdan,Hamdana,Hamdanovi,Hamdana,Hamdanem",
       "Jusi", "Yusufe"),
    _p("Dežo,Deža,Dežovi,Deža,Dežem", "Gábor,Gábora,Gáborovi,Gábora,Gáborem", "Dežko", "Dežo"),
    _p("Maroš,Maroša,Marošovi,Maroša,Marošem", "Ďurica,Ďuricy,Ďuricovi,Ďuricu,Ďuricou",
       "Maroško", "Maroši"),
    _p("Leyla,Leyly,Leyle,Leylu,Leylou", "Nasserová,Nasserové,Nasserové,Nasserovou,Nasserovou",
       "Lejla", "Leylo"),
]
DOUBLE = [
    _p("Bára,Báry,Báře,Báru,Bárou", "Jelínková-Marešová,Jelínkové-Marešové,Jelínkové-Marešové,"
       "Jelínkovou-Marešovou,Jelínkovou-Marešovou", "Barča", "Báro"),
    _p("Vít,Víta,Vítovi,Víta,Vítem", "Kolář-Straka,Koláře-Straky,Kolářovi-Strakovi,"
       "Koláře-Straku,Kolářem-Strakou", "Vítek", "Víte"),
    _p("Eliška,Elišky,Elišce,Elišku,Eliškou", "Růžičková Vondrová,Růžičkové Vondrové,"
       "Růžičkové Vondrové,Růžičkovou Vondrovou,Růžičkovou Vondrovou", "Eli", "Eliško"),
]
#: surnames a list does not know, feminine and masculine (ten/ta + lowercase)
RARE_F = ["Brabcová", "Lapáčková", "Vršecká", "Kubištová", "Zahrádková", "Pešoutová",
          "Hrubešová", "Mlynářová", "Koudelková", "Štěpničková"]
RARE_M = ["Brabec", "Lapáček", "Kubišta", "Zahrádka", "Pešout", "Hrubeš", "Mlynář", "Koudelka",
          "Skála", "Jelen"]
NICKS = [("bobík", "bobíka", "bobíkem", "bobíkovi"), ("pupík", "pupíka", "pupíkem", "pupíkovi"),
         ("čenda", "čendu", "čendou", "čendovi"), ("kulda", "kuldu", "kuldou", "kuldovi"),
         ("šmudla", "šmudlu", "šmudlou", "šmudlovi"), ("fanda", "fandu", "fandou", "fandovi")]
CLASSES = ["4.A", "5.B", "6.A", "7.C", "3.B", "8.B"]

# slots: {a.first.gen}, {a.last.nom}, {a.full.acc}, {a.dim}, {a.voc}, {a.stretch}
T_WORD = [
    "{a.first.nom} {a.last.nom} me furt shazuje ze schodu",
    "bojim se {a.last.gen} protoze mi bere svacinu",
    "sedim vedle {a.last.gen} a {a.last.nom} mi kresli do sesitu",
    "vcera {a.last.nom} rekl ze me zbije a {b.last.nom} se smal",
    "rekla sem to {a.first.dat} {a.last.dat} ale nic",
    "s {a.last.ins} se nikdo nebavi a ja taky ne",
    "{a.dim} a {b.dim} me pomlouvaj ve skupine",
]
T_MISSPELT = [
    "{a.first.nom} mi rekla ze sem hnusna",
    "bojim se {a.first.gen} a {b.first.gen}",
    "sedim s {a.first.ins} a ona me stipe",
    "{a.first.nom} {a.last.nom} me kopla do zad",
    "napsala sem {a.first.dat} ze to reknu ale ona se smeje",
    "vcera mi {a.first.nom} vzal mobil a hodil ho do zachodu",
]
T_CAPS = [
    "{a.dim} MĚ ZASE ZBIL!!!",
    "{a.stretch} NECH MĚ BÝT",
    "UŽ TO NEVYDRŽÍM {a.dim} A {b.dim} MI BEROU VĚCI",
    "{a.first.nom} {a.last.nom} MĚ MLÁTÍ KAŽDEJ DEN",
    "ŘEKLA JSEM TO {a.dim} ALE ONA SE JEN SMÁLA",
    "{a.stretch} PROČ MI TO DĚLÁŠ",
]
T_NICK = [
    "dneska zase zbili {n1} za skolou",
    "sedel jsem s {n2} a prisel {a.first.nom}",
    "vsichni rikaj {n1} ze smrdi, ja ne",
    "napsal jsem {n3} at mi vrati mobil",
    "{n0} mi zase rozbil brejle",
]
T_FOREIGN = [
    "{a.first.nom} {a.last.nom} je novy ve tride a kluci mu nadavaj",
    "Kluci se smějí {a.first.dat} kvůli přízvuku, hlavně {b.first.nom}.",
    "Pomozte, {a.first.nom} bije {b.first.acc} každou přestávku.",
    "sedim s {a.first.ins} {a.last.ins} a nikdo s nama nemluvi",
    "Včera {a.last.nom} vzal {b.first.dat} {b.last.dat} batoh.",
    "bojim se {a.first.gen} {a.last.gen}",
    "Rekla jsem to {a.dim}, ale {b.first.nom} to stejně udělal.",
]
T_DOUBLE = [
    "{a.first.nom} {a.last.nom} me pomlouva",
    "Spolužačka {a.first.nom} {a.last.nom} mi schovala tašku.",
    "bojim se {a.last.gen}",
    "Paní učitelka řekla {a.first.dat} {a.last.dat}, ať toho nechá.",
]
T_TEN = [
    "ten {m} me zase zbil",
    "ta {f} me pomlouva u vsech",
    "ty {fpl} se smejou kdyz jdu kolem",
    "a pak ten {m} rekl ze me zabije",
    "nejhorsi je ta {f}, ta mi pise hnusny veci",
]
T_OVA = [
    "Včera mi {f} vzala mobil.",
    "bojim se {fgen}, ta me porad stipe",
    "sedim vedle {fgen} a ona mi kresli do sesitu",
    "s {fins} se nikdo nebavi",
    "ta {f} a {g} me nechtej pustit do skupiny",
]
NEGATIVE = [
    "na vylete jsme lezli na skalu a byl tam mraz",
    "v lese jsme videli sovu a jelena",
    "k svacine mam hrusku a na louce jsme hrali fotbal",
    "ten novy kluk je fajn ale ostatni ne",
    "paní učitelka říkala, že to vyřeší v pondělí",
    "v lednu a v unoru me to bylo nejhorsi, hlavne v patek",
    "z matiky a cestiny mam petky protoze se nemuzu soustredit",
    "pani ucitelka tridni rekla at to napisu sem",
    "hodil mi kamen do okna a utekl",
    "byla zima a mraz a na zahrade sedela sova",
    "ta nova holka je hodna, ten druhy ne",
    "v utery mame telocvik a tam se mi smejou",
    "pan ucitel z fyziky nic neudelal",
    "na dejepise a zemepise je to v pohode",
    "bylo mi smutno celej kveten a cerven",
    "ten velkej kluk z devitky me strka",
    "ty holky ze sestky me pomlouvaj",
    "ve stredu jsme meli besidku a pak prisla paní ředitelka",
    "nejradsi mam pratele, prirodopis a hudebku",
    "ten maly mi rekl ze jsem malej a hloupej",
]
SLOT = re.compile(r"\{([a-z0-9]+)(?:\.([a-z]+))?(?:\.([a-z]+))?\}")


def _fem_case(f: str, case: str) -> str:
    return f[:-1] + {"nom": "á", "gen": "é", "dat": "é", "acc": "ou", "ins": "ou"}[case]


def _value(key: str, part: str, case: str, cast: dict, extra: dict[str, str]) -> str:
    if key in extra:
        return extra[key]
    p = cast[key]
    if part in ("dim", "voc"):
        return p[part]
    if part == "stretch":
        return p["voc"] + p["voc"][-1] * 3
    if part == "full":
        return f"{p['first'][case]} {p['last'][case]}"
    return p[part][case]


def _render(value: str, style: str, rnd: random.Random) -> str:
    if style == "low":
        value = value.lower()
        return value.translate(_STRIP) if rnd.random() < 0.6 else value
    if style == "caps":
        return value.upper()
    return value


def _fill(template: str, cast: dict, style: str, rnd: random.Random,
          extra: dict[str, str] | None = None) -> tuple[str, list[dict]]:
    """Fill the slots; every name word is one gold span (a hyphenated surname one span)."""
    extra = extra or {}
    out, spans, pos, last = [], [], 0, 0
    for m in SLOT.finditer(template):
        chunk = template[last : m.start()]
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        value = _render(_value(m.group(1), m.group(2) or "", m.group(3) or "", cast, extra),
                        style, rnd)
        for w in re.finditer(r"\S+", value):
            spans.append({"start": pos + w.start(), "end": pos + w.end(), "label": "PERSON",
                          "text": w.group()})
        out.append(value)
        pos += len(value)
    out.append(template[last:])
    return "".join(out), spans


def generate(seed: int = 1818, per_kind: int = 20) -> list[dict]:
    rnd = random.Random(seed)
    out: list[dict] = []
    plans = [("word", T_WORD, WORD, "low"), ("misspelt", T_MISSPELT, MISSPELT, "low"),
             ("caps", T_CAPS, CAPS + WORD, "caps"), ("nickname", T_NICK, WORD + MISSPELT, "low"),
             ("foreign", T_FOREIGN, FOREIGN, "mixed"), ("double", T_DOUBLE, DOUBLE, "mixed"),
             ("ten_ta", T_TEN, WORD, "low"), ("ova", T_OVA, WORD, "mixed")]
    for kind, templates, pool, style in plans:
        for k in range(per_kind):
            a, b = rnd.sample(pool, 2)
            nick = rnd.choice(NICKS)
            f, g = rnd.sample(RARE_F, 2)
            extra = {f"n{i}": nick[i] for i in range(4)}
            extra |= {"m": rnd.choice(RARE_M), "f": f, "g": g, "fgen": _fem_case(f, "gen"),
                      "fins": _fem_case(f, "ins"), "fpl": f[:-1] + "y"}
            st = style if style != "mixed" else rnd.choice(["plain", "low"])
            template = templates[k % len(templates)]
            if st == "low" or kind in ("ten_ta",):
                template = template.lower()
            text, spans = _fill(template, {"a": a, "b": b}, st if kind != "ten_ta" else "low",
                                rnd, extra)
            if kind in ("ten_ta", "nickname", "ova") and st == "low":
                text_low = text.lower()
                assert len(text_low) == len(text)
                text = text_low
                spans = [{**s, "text": s["text"].lower()} for s in spans]
            with_field = k % 5 == 0 and kind not in ("ten_ta", "nickname", "ova")
            out.append(_record(f"{kind}-{k:03d}", text, spans, kind,
                               f"{a['first']['nom']} {a['last']['nom']}" if with_field else "",
                               rnd.choice(CLASSES) if with_field else ""))
    for k, text in enumerate(NEGATIVE * 2):
        if k >= len(NEGATIVE):
            text = text.upper() if k % 3 == 0 else text.capitalize()
        out.append(_record(f"negative-{k:03d}", text, [], "negative"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1818)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    write_records(generate(args.seed, args.per_kind), args.out)


if __name__ == "__main__":
    main()
