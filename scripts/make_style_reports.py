"""Synthetic development reports in the ways children and parents really write.

Writes ``tests/ner/data/style_reports.jsonl`` (schema of the shared dev reports: ``id``,
``victim_name``, ``victim_class``, ``text``, ``spans``, ``style``, plus ``phenomenon``). A sibling
of ``make_phenomena_reports.py`` (which covers disguises: invisible characters, spacing, digit
swaps); this one covers *styles*, with invented pupils other than the phenomena set's, chosen so
that many of their names are also ordinary words or short (Ota Hora, Radek Sokol, Kryštof Zima,
Lukáš Kos, Ema Veselá):

- ``kid``: an 8–11-year-old's lowercase writing, mostly without diacritics, i/y and ě/ů slips
  in names and words alike (krystina, matyas), diminutives and vocatives in lowercase (otiku,
  radku), family plurals (horovi bydlej vedle nás), lists of children;
- ``caps``: ALL-CAPS passages, where a name stands next to a capitalised verb (OTA ZBIL ...),
  shortened and stretched capitals (DÁJA, RADKUUU);
- ``chat``: copied chat logs with timestamps, speaker names glued to an emoji, hyphenated
  surnames, lowercase mentions;
- ``propagation``: a name written properly once, then elsewhere in another case and in
  lowercase (Radek Sokol … sokolovi);
- ``parent``: a parent's formal letter (capitalised, with diacritics);
- ``negative``: the same ordinary words used as words (je zima, na hoře, v sokole), which must
  stay visible (they count against token precision).

Gold spans: every name mention is PERSON. Only a quarter of the reports carry the victim's
name in the form field, so most names must be found without it. Deterministic; offsets are
checked before writing.

    .venv/bin/python scripts/make_style_reports.py [--seed 181] [--per-style 40]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

from make_phenomena_reports import _STRIP, _record, write_records

OUT = Path(__file__).resolve().parent.parent / "tests" / "ner" / "data" / "style_reports.jsonl"
CASES = ("nom", "gen", "dat", "acc", "ins")


@dataclass(frozen=True)
class Pupil:
    """An invented pupil: first name and surname by case, diminutive, vocative, family plural."""

    first: dict[str, str]
    last: dict[str, str]
    dim: str
    voc: str
    family: str


def _p(first: str, last: str, dim: str, voc: str, family: str) -> Pupil:
    return Pupil(dict(zip(CASES, first.split(","), strict=True)),
                 dict(zip(CASES, last.split(","), strict=True)), dim, voc, family)


PUPILS = [
    _p("Ota,Oty,Otovi,Otu,Otou", "Hora,Hory,Horovi,Horu,Horou", "Otík", "Oto", "Horovi"),
    _p("Dana,Dany,Daně,Danu,Danou", "Beranová,Beranové,Beranové,Beranovou,Beranovou", "Dája",
       "Dano", "Beranovi"),
    _p("Radek,Radka,Radkovi,Radka,Radkem", "Sokol,Sokola,Sokolovi,Sokola,Sokolem", "Ráďa",
       "Radku", "Sokolovi"),
    _p("Kryštof,Kryštofa,Kryštofovi,Kryštofa,Kryštofem", "Zima,Zimy,Zimovi,Zimu,Zimou",
       "Kryštůfek", "Kryštofe", "Zimovi"),
    _p("Nikola,Nikoly,Nikole,Nikolu,Nikolou", "Holubová,Holubové,Holubové,Holubovou,Holubovou",
       "Niki", "Nikolo", "Holubovi"),
    _p("Lukáš,Lukáše,Lukášovi,Lukáše,Lukášem", "Kos,Kosa,Kosovi,Kosa,Kosem", "Luky", "Lukáši",
       "Kosovi"),
    _p("Viktorie,Viktorie,Viktorii,Viktorii,Viktorií", "Malá,Malé,Malé,Malou,Malou", "Viki",
       "Viki", "Malí"),
    _p("Ema,Emy,Emě,Emu,Emou", "Veselá,Veselé,Veselé,Veselou,Veselou", "Emička", "Emo", "Veselí"),
    _p("Filip,Filipa,Filipovi,Filipa,Filipem", "Král,Krále,Královi,Krále,Králem", "Fíla",
       "Filipe", "Královi"),
    _p("Vojtěch,Vojtěcha,Vojtěchovi,Vojtěcha,Vojtěchem", "Bárta,Bárty,Bártovi,Bártu,Bártou",
       "Vojta", "Vojto", "Bártovi"),
    _p("Sofie,Sofie,Sofii,Sofii,Sofií", "Kučerová,Kučerové,Kučerové,Kučerovou,Kučerovou",
       "Sofinka", "Sofie", "Kučerovi"),
    _p("Denys,Denyse,Denysovi,Denyse,Denysem",
       "Bondarenko,Bondarenka,Bondarenkovi,Bondarenka,Bondarenkem", "Deny", "Denysi",
       "Bondarenkovi"),
    _p("Linh,Linh,Linh,Linh,Linh", "Nguyenová,Nguyenové,Nguyenové,Nguyenovou,Nguyenovou",
       "Linh", "Linh", "Nguyenovi"),
    _p("Matěj,Matěje,Matějovi,Matěje,Matějem", "Holý,Holého,Holému,Holého,Holým", "Matýsek",
       "Matěji", "Holí"),
    _p("Kristýna,Kristýny,Kristýně,Kristýnu,Kristýnou", "Vlková,Vlkové,Vlkové,Vlkovou,Vlkovou",
       "Týna", "Kristýno", "Vlkovi"),
    _p("Matyáš,Matyáše,Matyášovi,Matyáše,Matyášem", "Rys,Rysa,Rysovi,Rysa,Rysem", "Máťa",
       "Matyáši", "Rysovi"),
    _p("Vanda,Vandy,Vandě,Vandu,Vandou", "Kubíčková,Kubíčkové,Kubíčkové,Kubíčkovou,Kubíčkovou",
       "Vanďa", "Vando", "Kubíčkovi"),
    _p("Josef,Josefa,Josefovi,Josefa,Josefem", "Liška,Lišky,Liškovi,Lišku,Liškou", "Pepík",
       "Pepíku", "Liškovi"),
    _p("Tomáš,Tomáše,Tomášovi,Tomáše,Tomášem", "Čermák,Čermáka,Čermákovi,Čermáka,Čermákem",
       "Tomášek", "Tomášku", "Čermákovi"),
    _p("Amira,Amiry,Amiře,Amiru,Amirou", "Haddadová,Haddadové,Haddadové,Haddadovou,Haddadovou",
       "Ami", "Amiro", "Haddadovi"),
]
CLASSES = ["4.B", "5.A", "6.C", "3.A", "7.B", "8.A"]

# {role:case:part}: role a/b/c; case nom/gen/dat/acc/ins, voc, dim, fam; part first/last/full
KID = [
    "{a:nom:first} me furt bije a {b:nom:first} se tomu smeje",
    "dneska {a:dim} rekl ze me zabije az pujdu domu",
    "{a:voc} uz toho nech rikala sem mu ale on ne",
    "sedim s {a:ins:first} a {b:nom:first} me porad stipe pravitkem",
    "{a:fam} bydlej vedle nas a jejich {a:nom:first} me otravuje i doma",
    "ja a {a:nom:first} jsme sli ven a {b:nom:full} na nas cekal u obchodu",
    "rekla sem to {a:dat:first} ale ona nic neudelala",
    "{a:nom:first} a {b:nom:first} a {c:nom:first} me nechtej pustit na hriste",
    "vcera po skole {a:nom:full} vzal {b:dat:first} mobil a hodil ho do kose",
    "to {a:dim} zacal, {b:nom:first} tam jen stal",
    "bojim se {a:gen:first} protoze me kope do nohou",
    "ve tride je {a:nom:last} a ten na me pořád řve",
    "mamka rikala at se {a:gen:last} nebojim ale ja se bojim",
    "{a:nom:first} {a:nom:last} mi rika ze sem tlusta",
    "kluci a hlavne {a:nom:first} mi berou svacinu, {b:nom:dim} se smeje",
    "{a:dim} a {b:dim} na me cekaj za skolou",
    "napis {a:dat:first} at me necha bejt, mne neposloucha",
    "psal sem s {a:ins:last} a on rekl ze to {b:nom:first} udela zas",
    "{a:voc} pockej!! volala sem na ni ale {a:nom:first} utekla",
    "u {a:fam} na zahrade me zamkli do boudy",
]
CAPS = [
    "{a:nom:first} ZBIL {b:acc:first} A VSICHNI SE SMALI",
    "{a:voc:stretch} NECH TOHO!!!",
    "{a:dim} ŘEKLA ŽE MĚ NENÁVIDÍ A {b:nom:first} TO NAHRÁL",
    "UŽ TO NEVYDRŽÍM, {a:nom:full} MĚ MLÁTÍ KAŽDEJ DEN",
    "{a:nom:last} KOPNUL {b:acc:first} DO BŘICHA",
    "TO ZASE {a:nom:first} VZAL {b:dat:last} BATOH",
    "{a:dim} A {b:dim} PÍŠOU VE SKUPINĚ HNUSNÝ VĚCI",
    "POMOZTE MI PROSÍM, {a:nom:first} {a:nom:last} MI VYHROŽUJE",
]
CHAT = [
    "[{t}] {a:dim}{e}: {b:nom:first} je uplne mimo\n[{t}] {c:dim}{e}: jo {b:dim} je trapka",
    "{a:nom:first}{e}: kde je {b:nom:first}?\n{c:nom:first}{e}: u {b:gen:last} doma lol",
    "[{t}] {a:nom:first}: {b:voc} ty jsi fakt nula {e}\n[{t}] {c:nom:first}: {e}{e}",
    "{t} {a:dim}: zitra to {b:dat:first} udelame znova\n{t} {c:dim}: jasne {e}",
    "{a:nom:first} {a:hyph}{e}: at si {b:nom:first} najde jinou partu",
    "[{t}] {a:dim}{e}: napiste {b:dat:first} ze je loser\n[{t}] {c:nom:first}{e}: ok",
]
PROPAGATION = [
    "Radši to napíšu celé. {a:nom:full} ze třídy mě šikanuje. včera {a:last_low:dat} "
    "řekla, že to nahlásím, a {a:first_low:nom} se jen smál.",
    "Jde o {a:acc:full}. nikdo s {a:first_low:ins} nemluví, protože {b:nom:first} "
    "o {a:last_low:dat} šíří lži.",
    "{b:nom:full} a {a:nom:full} se poprali. pak {b:first_low:nom} řekl, že {a:last_low:acc} "
    "zabije.",
    "Chci nahlásit {a:acc:full}. {a:first_low:nom} bere ostatním věci a {a:last_low:nom} "
    "se tím chlubí.",
]
PARENT = [
    "Dobrý den, obracím se na Vás ve věci mé dcery {a:gen:full}. Spolužák {b:nom:full} ji "
    "opakovaně uráží a {c:nom:first} ji strká.",
    "Vážená paní učitelko, můj syn {a:nom:first} je už měsíc terčem posměchu. Iniciátorem je "
    "podle něj {b:nom:full}, přidává se i {c:nom:first} {c:nom:last}.",
    "Dobrý den, píšu za syna {a:acc:first}. Rodina {b:last_fam} nám nedává pokoj, jejich syn "
    "{b:nom:first} mu bere peníze.",
]
NEGATIVE = [
    "venku byla zima a na hore jsme se koulovali",
    "na zahrade sedel kos a pak prilitla vrana",
    "v sokole jsme cvicili na kruzich a bylo to super",
    "hrali jsme na krale a ja byla kralovna",
    "byla sem vesela ale pak mi nekdo ukradl penal",
    "ten pes je holy protoze je nemocny",
    "malá holka z první třídy brečela na chodbě",
    "na hore je rozhledna a vidi se az k lesu",
]
EMOJI = ["😂", "💀", "🤡", "🔥", "😭", "👍"]
SLOT = re.compile(r"\{([a-z_]+)(?::([a-z_]*))?(?::([a-z]+))?\}")


def _slip(word: str, rnd: random.Random) -> str:
    """A child's spelling slip: one i/y swapped, or ě → e, ů → u."""
    for a, b in (("y", "i"), ("i", "y"), ("ý", "í"), ("í", "ý"), ("ě", "e"), ("ů", "u")):
        if a in word and rnd.random() < 0.5:
            k = rnd.choice([m.start() for m in re.finditer(a, word)])
            return word[:k] + b + word[k + 1 :]
    return word


def _kid(text: str, rnd: random.Random, strip: bool) -> str:
    text = text.lower()
    return text.translate(_STRIP) if strip else text


def _value(role: str, case: str, part: str, cast: dict[str, Pupil]) -> str:
    p = cast[role]
    if case in ("voc", "dim", "fam"):
        return {"voc": p.voc, "dim": p.dim, "fam": p.family}[case]
    if case == "hyph":
        return f"{p.last['nom']}-{cast['b'].last['nom']}"
    if case == "last_fam":
        return p.family
    if part == "first":
        return p.first[case]
    if part == "last":
        return p.last[case]
    return f"{p.first[case]} {p.last[case]}"


def _fill(template: str, cast: dict[str, Pupil], style: str, rnd: random.Random,
          ) -> tuple[str, list[dict]]:
    out, spans, pos, last = [], [], 0, 0

    def plain(chunk: str) -> str:
        if style == "kid":
            return chunk  # kid templates are written lowercase, without diacritics already
        if style == "caps":
            return chunk.upper()
        return chunk

    for m in SLOT.finditer(template):
        chunk = plain(template[last : m.start()])
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        key, a, b = m.group(1), m.group(2) or "", m.group(3) or ""
        if key == "t":
            v = f"{rnd.randint(7, 22)}:{rnd.randint(0, 59):02d}"
            out.append(v)
            pos += len(v)
            continue
        if key == "e":
            v = rnd.choice(EMOJI)
            out.append(v)
            pos += len(v)
            continue
        role, case, part = key, a, b
        lower = False
        if case.endswith("_low"):  # {a:last_low:dat}: that part in that case, lowercase
            part, case, lower = case[:-4], b, True
        value = _value(role, case, part, cast)
        if part == "stretch":  # a shouted vocative, its last letter held: RADKUUU, EMOOO
            value += value[-1] * rnd.randint(2, 4)
        if lower:
            value = value.lower()
        if style == "kid":
            value = _kid(value, rnd, strip=rnd.random() < 0.7)
            if rnd.random() < 0.3:
                value = _slip(value, rnd)
        elif style == "caps":
            value = value.upper()
        elif style == "chat":
            value = value if rnd.random() < 0.5 else value.lower()
        for w in re.finditer(r"\S+", value) if " " in value and case != "hyph" else [None]:
            if w is None:
                spans.append({"start": pos, "end": pos + len(value), "label": "PERSON",
                              "text": value})
            else:
                spans.append({"start": pos + w.start(), "end": pos + w.end(),
                              "label": "PERSON", "text": w.group()})
        out.append(value)
        pos += len(value)
    out.append(plain(template[last:]))
    text = "".join(out)
    return text, spans


def generate(seed: int = 181, per_style: int = 40) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for style, templates in (("kid", KID), ("caps", CAPS), ("chat", CHAT),
                             ("propagation", PROPAGATION), ("parent", PARENT)):
        for k in range(per_style):
            a, b, c = rnd.sample(PUPILS, 3)
            text, spans = _fill(templates[k % len(templates)], {"a": a, "b": b, "c": c},
                                style, rnd)
            if style == "caps" and k % 2:  # a calm sentence, then the shouting
                head = "Ve škole je to hrozný. "
                text = head + text
                spans = [{**s, "start": s["start"] + len(head), "end": s["end"] + len(head)}
                         for s in spans]
            with_field = k % 4 == 0
            out.append(_record(f"{style}-{k:03d}", text, spans, style,
                               f"{a.first['nom']} {a.last['nom']}" if with_field else "",
                               rnd.choice(CLASSES) if with_field else ""))
    for k in range(per_style // 2):
        out.append(_record(f"negative-{k:03d}", NEGATIVE[k % len(NEGATIVE)], [], "negative"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=181)
    parser.add_argument("--per-style", type=int, default=40)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    write_records(generate(args.seed, args.per_style), args.out)


if __name__ == "__main__":
    main()
