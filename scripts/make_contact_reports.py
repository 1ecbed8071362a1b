"""Synthetic development reports for the ways children and parents write contacts and identifiers.

Writes ``tests/ner/data/contact_reports.jsonl`` (schema of the shared dev reports: ``id``,
``victim_name``, ``victim_class``, ``text``, ``spans``, ``style``, plus ``phenomenon``). A sibling
of ``make_phenomena_reports.py`` and ``make_style_reports.py``; this one covers what a child or a
parent types when they pass on a number, an account or an address:

- ``phone``: +420 / 00420 / 420 prefixes, spaces, dashes, dots, slashes, brackets, 3-3-3 and
  3-2-2-2 groups, run together, Slovak and Ukrainian numbers, digits partly or wholly in words
  ("sedm sedm sedm ..."), after "tel.", "mobil", "moje číslo je", "volal z";
- ``email``: plain, ALL CAPS, spaces around "@", "zavináč", "at", "(at)", "tečka", school domains;
- ``handle``: @handles, handles after "ig", "na instáči", "snap", "sc", "tiktok", "tt", "dc",
  "discord" (old #1234 tags), "roblox", "fortnite", "steam", "yt kanál", "twitch", "telegram";
- ``link``: profile links (instagram.com/…, tiktok.com/@…, youtube.com/@…, facebook profile
  ids), discord.gg and WhatsApp group invites, wa.me and t.me links;
- ``login``: school logins (jmeno.prijmeni, Bakaláři user names) and passwords typed in a report;
- ``address``: street + number after "bydlí na", "adresa", "ul.", "nám.", "tř.", "č.p.", with a
  PSČ and town, in lowercase and without diacritics;
- ``idnum``: birth numbers with/without slash, ISIC cards, bank accounts (with prefix, IBAN),
  licence plates, IP addresses, ID-card and passport numbers, pupil and canteen card numbers;
- ``negative``: times, dates, prices, class sizes, page numbers, scores, grades, room numbers,
  years, bus lines, follower counts, helplines — numbers that must stay visible.

Labels follow the shared annotation guide: CONTACT is anything that reaches or names an account
(phones, e-mails, handles, profile and invite links, game names, logins); ID is anything that
identifies a person or opens their account (birth numbers, card and document numbers, bank
accounts, street addresses, plates, IP addresses, passwords). The town and the PSČ after a
street are not labelled (the guide labels street + number). Texts are in one of three shapes:
as written, lowercase, or lowercase without diacritics (a child's phone keyboard); every shape
keeps lengths, so offsets hold. Deterministic; offsets are checked before writing.

    .venv/bin/python scripts/make_contact_reports.py [--seed 1818] [--per-kind 40]
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from pathlib import Path

from make_phenomena_reports import _STRIP, _account, _record, write_records

OUT = Path(__file__).resolve().parent.parent / "tests" / "ner" / "data" / "contact_reports.jsonl"

DIGIT_WORDS = ("nula", "jedna", "dva", "tři", "čtyři", "pět", "šest", "sedm", "osm", "devět")
FIRST = [
    "Tereza",
    "Kuba",
    "Adéla",
    "Matyáš",
    "Nela",
    "Vojta",
    "Kristýna",
    "Šimon",
    "Bára",
    "Ondra",
    "Natálie",
    "Dominik",
    "Eliška",
    "Tadeáš",
    "Karolína",
    "Marek",
]
LOGIN_NAMES = [
    ("tereza", "novakova"),
    ("jakub", "dvorak"),
    ("adela", "kralova"),
    ("matyas", "prochazka"),
    ("nela", "svobodova"),
    ("vojtech", "cerny"),
    ("kristyna", "horakova"),
    ("simon", "marek"),
    ("barbora", "pokorna"),
    ("ondrej", "kucera"),
    ("natalie", "benesova"),
    ("dominik", "fiala"),
]
HANDLE_BASES = [
    "terka",
    "kubik",
    "adelka",
    "matys",
    "nelca",
    "vojtik",
    "kiki",
    "simi",
    "barca",
    "ondra",
    "naty",
    "domca",
    "eli",
    "tade",
    "kaja",
    "mara",
    "lucka",
    "pepik",
    "zuzik",
    "filda",
    "danca",
    "majda",
    "honzik",
    "verca",
]
HANDLE_WORDS = [
    "official",
    "real",
    "fake",
    "cz",
    "gaming",
    "yt",
    "ttv",
    "hate",
    "pro",
    "tv",
    "xd",
    "lol",
    "queen",
    "king",
    "smrdi",
    "7b",
    "offic",
]
DOMAINS = [
    "seznam.cz",
    "email.cz",
    "centrum.cz",
    "gmail.com",
    "icloud.com",
    "post.cz",
    "volny.cz",
    "outlook.com",
    "atlas.cz",
    "zs-lipova.cz",
    "student.gymkolin.cz",
    "zsmasarykova.cz",
    "skola-brno.cz",
]
STREETS = [
    "Palackého",
    "Lipová",
    "Zahradní",
    "Masarykova",
    "Husova",
    "Nádražní",
    "Školní",
    "Jiráskova",
    "Komenského",
    "Krátká",
    "Polní",
    "Luční",
    "Sadová",
    "Tyršova",
    "Smetanova",
    "Dlouhá",
    "Na Výsluní",
    "U Stadionu",
    "K Lesu",
    "Pod Hájem",
    "Na Okraji",
    "Jana Nerudy",
    "Boženy Němcové",
    "28. října",
    "Za Humny",
    "V Zahradách",
]
STREETS_LOC = {
    "Lipová": "Lipové",
    "Zahradní": "Zahradní",
    "Masarykova": "Masarykově",
    "Husova": "Husově",
    "Nádražní": "Nádražní",
    "Školní": "Školní",
    "Jiráskova": "Jiráskově",
    "Krátká": "Krátké",
    "Polní": "Polní",
    "Luční": "Luční",
    "Sadová": "Sadové",
    "Tyršova": "Tyršově",
    "Smetanova": "Smetanově",
    "Dlouhá": "Dlouhé",
}
SQUARES = [
    "nám. Míru",
    "náměstí Svobody",
    "Nám. Republiky",
    "tř. Míru",
    "třída Legií",
    "nám. T. G. Masaryka",
]
TOWNS = [
    "Kolín",
    "Písek",
    "Brno",
    "Olomouc",
    "Kladno",
    "Tábor",
    "Jihlava",
    "Most",
    "Zlín",
    "Opava",
    "Ostrava",
    "Plzeň",
]
VILLAGES = ["Lhotě", "Lipníku", "Borovanech", "Dolní Lhotě", "Kostelci", "Újezdě"]


def _digits(rnd: random.Random, n: int) -> str:
    return "".join(str(rnd.randint(0, 9)) for _ in range(n))


def _mobile(rnd: random.Random) -> str:
    return rnd.choice(["60", "70", "72", "73", "77", "79", "60", "77"]) + _digits(rnd, 7)


def _phone(rnd: random.Random) -> str:
    """A Czech mobile number in one of the ways people type one."""
    d = _mobile(rnd)
    a, b, c = d[:3], d[3:6], d[6:]
    forms = [
        f"{a} {b} {c}",
        f"{a} {b} {c}",
        d,
        f"{a}-{b}-{c}",
        f"{a}.{b}.{c}",
        f"+420 {a} {b} {c}",
        f"+420{d}",
        f"00420 {a} {b} {c}",
        f"00420{d}",
        f"420 {a} {b} {c}",
        f"420{d}",
        f"(+420) {a} {b} {c}",
        f"+420 {a} {b[:2]} {b[2]}{c[0]} {c[1:]}",
        f"{a} {b[:2]} {b[2]}{c[0]} {c[1:]}",
        f"+420-{a}-{b}-{c}",
        f"{a} {b}{c}",
        f"{a}/{b} {c}",
        f"+420 {a}{b}{c}",
        f"+420 ({a}) {b} {c}",
        f"+421 9{_digits(rnd, 2)} {_digits(rnd, 3)} {_digits(rnd, 3)}",
        f"+380 {rnd.choice(['67', '97', '50'])} {_digits(rnd, 3)} {_digits(rnd, 2)} "
        f"{_digits(rnd, 2)}",
        f"{a} {b} {c}".replace(" ", "  "),
        f"{a}_{b}_{c}",
        f"+420.{a}.{b}.{c}",
    ]
    return rnd.choice(forms)


def _phone_words(rnd: random.Random) -> str:
    """A number partly or wholly in words: children do it to slip past filters."""
    d = _mobile(rnd)
    words = [DIGIT_WORDS[int(x)] for x in d]
    return rnd.choice(
        [
            " ".join(words),
            f"{' '.join(words[:3])} {d[3:6]} {d[6:]}",
            f"{d[:3]} {' '.join(words[3:6])} {d[6:]}",
            f"{d[:3]} {d[3:6]} {' '.join(words[6:])}",
            "-".join(words),
        ]
    )


def _email(rnd: random.Random) -> str:
    first, last = rnd.choice(LOGIN_NAMES)
    local = rnd.choice(
        [
            f"{first}.{last}",
            f"{first}{last}{rnd.randint(1, 99)}",
            f"{rnd.choice(HANDLE_BASES)}{rnd.randint(2008, 2014)}",
            f"{first[0]}.{last}",
            f"{last}.{first}",
            f"{rnd.choice(HANDLE_BASES)}_{rnd.choice(HANDLE_WORDS)}",
        ]
    )
    dom = rnd.choice(DOMAINS)
    name, tld = dom.rsplit(".", 1)
    forms = [
        f"{local}@{dom}",
        f"{local}@{dom}",
        f"{local} @ {dom}",
        f"{local}@ {dom}",
        f"{local} @{dom}",
        f"{local}@{dom}".upper(),
        f"{local.capitalize()}@{dom}",
        f"{local} zavináč {dom}",
        f"{local} zavinac {name} tecka {tld}",
        f"{local}(at){dom}",
        f"{local} at {dom}",
        f"{local}[zavináč]{dom}",
        f"{local} (zavináč) {name} (tečka) {tld}",
        f"{local}@{name} . {tld}",
        f"{local}@{name},{tld}",
    ]
    return rnd.choice(forms)


def _handle(rnd: random.Random) -> str:
    base = rnd.choice(HANDLE_BASES)
    first, last = rnd.choice(LOGIN_NAMES)
    return rnd.choice(
        [
            f"{base}_{rnd.choice(HANDLE_WORDS)}",
            f"{base}.{last[:1]}",
            f"{base}{rnd.randint(2008, 2014)}",
            f"xX_{base}_Xx",
            f"{first}.{last}",
            f"{base}.{rnd.choice(HANDLE_WORDS)}_",
            f"_{base}_",
            f"{base}__",
            f"the.real.{base}",
            f"{base.capitalize()}Pro{rnd.randint(10, 99)}",
            f"{base}{last}",
            f"{base}.{last}.{rnd.randint(1, 12)}",
            f"{last}_{base}",
            f"{base.capitalize()}{rnd.choice(['CZ', 'YT', 'GG'])}",
            f"{base}_{rnd.randint(1, 999)}",
        ]
    )


def _discord_tag(rnd: random.Random) -> str:
    return f"{_handle(rnd)}#{rnd.randint(0, 9999):04d}"


def _link(rnd: random.Random) -> str:
    h = _handle(rnd)
    inv = "".join(
        rnd.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        for _ in range(rnd.choice([7, 8, 10]))
    )
    return rnd.choice(
        [
            f"instagram.com/{h}",
            f"https://www.instagram.com/{h}/",
            f"https://instagram.com/{h}?igsh={inv}",
            f"www.instagram.com/{h}",
            f"tiktok.com/@{h}",
            f"https://www.tiktok.com/@{h}/video/73{_digits(rnd, 17)}",
            f"vm.tiktok.com/ZM{inv}/",
            f"discord.gg/{inv}",
            f"https://discord.gg/{inv}",
            f"wa.me/420{_mobile(rnd)}",
            f"https://chat.whatsapp.com/{inv}{inv}",
            f"youtube.com/@{h}",
            f"https://m.facebook.com/profile.php?id=1000{_digits(rnd, 11)}",
            f"facebook.com/{h}",
            f"t.me/{h}",
            f"snapchat.com/add/{h}",
            f"steamcommunity.com/id/{h}",
            f"https://www.roblox.com/users/{_digits(rnd, 9)}/profile",
            f"twitch.tv/{h}",
        ]
    )


def _login(rnd: random.Random) -> str:
    first, last = rnd.choice(LOGIN_NAMES)
    return rnd.choice(
        [
            f"{first}.{last}",
            f"{last}{first[:2]}",
            f"{last}.{first[0]}",
            f"{last}{rnd.randint(10, 99)}",
            f"{first[0]}{last}{rnd.randint(1, 9)}",
            f"zak.{last}{rnd.randint(1, 9)}",
        ]
    )


def _password(rnd: random.Random) -> str:
    base = rnd.choice(HANDLE_BASES + [f for f, _ in LOGIN_NAMES])
    return rnd.choice(
        [
            f"{base}{rnd.randint(2008, 2014)}",
            f"{base.capitalize()}{rnd.randint(1, 999)}!",
            f"{base}123",
            f"Heslo{rnd.randint(10, 99)}",
            f"{base}_{rnd.randint(1, 99)}",
            f"{base.upper()}{rnd.randint(1, 9)}{rnd.choice('!?*#')}",
            f"{base}{base}",
        ]
    )


def _birth(rnd: random.Random) -> str:
    """A checksum-valid birth number of a child born 2008–2015, in one of its written forms."""
    while True:
        yy, mm, dd = (
            rnd.randint(8, 15),
            rnd.randint(1, 12) + rnd.choice([0, 50]),
            rnd.randint(1, 28),
        )
        head = f"{yy:02d}{mm:02d}{dd:02d}"
        suffix = rnd.randint(0, 999)
        for last in range(10):
            d = f"{head}{suffix:03d}{last}"
            if int(d) % 11 == 0:
                break
        else:
            continue
        return rnd.choice(
            [
                f"{d[:6]}/{d[6:]}",
                d,
                f"{d[:6]} / {d[6:]}",
                f"{d[:6]} {d[6:]}",
                f"{d[:6]}/{d[6:]}",
                f"{d[:6]}-{d[6:]}",
            ]
        )


def _isic(rnd: random.Random) -> str:
    d = _digits(rnd, 9)
    return rnd.choice(
        [
            f"S 420 {d[:3]} {d[3:6]} {d[6:]} {rnd.choice('ABCDEFGH')}",
            f"S420{d}{rnd.choice('ABCDEFGH')}",
            f"S420 {d[:3]} {d[3:6]} {d[6:]} {rnd.choice('ABCDEFGH')}",
            f"S 420{d} {rnd.choice('ABCDEFGH')}",
        ]
    )


def _bank(rnd: random.Random) -> str:
    acc = _account(rnd)
    num, bank = acc.split("/")
    check = rnd.randint(10, 99)
    groups = " ".join(_digits(rnd, 4) for _ in range(4))
    iban = f"CZ{check} {bank} {groups}"
    return rnd.choice(
        [acc, acc, f"{num} / {bank}", f"19-{acc}", f"{num}/ {bank}", iban, iban.replace(" ", "")]
    )


def _plate(rnd: random.Random) -> str:
    region = rnd.choice("ABCEHJKLMPSTUZ")
    p = rnd.choice(
        [
            f"{rnd.randint(1, 9)}{region}{rnd.randint(0, 9)} {_digits(rnd, 4)}",
            f"{rnd.randint(1, 9)}{region}{rnd.choice('ABCDEFHJKLMNPRSTUVXYZ')} {_digits(rnd, 4)}",
            f"{rnd.randint(1, 9)}{region}{rnd.randint(0, 9)}{_digits(rnd, 4)}",
            f"{rnd.randint(1, 9)}{region}{rnd.randint(0, 9)}-{_digits(rnd, 4)}",
            f"{rnd.randint(1, 9)}{region}{rnd.randint(0, 9)} {_digits(rnd, 2)} {_digits(rnd, 2)}",
        ]
    )
    return p


def _ip(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"192.168.{rnd.randint(0, 5)}.{rnd.randint(2, 254)}",
            f"{rnd.randint(31, 220)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}."
            f"{rnd.randint(1, 254)}",
            f"10.0.{rnd.randint(0, 20)}.{rnd.randint(2, 254)}",
        ]
    )


def _street(rnd: random.Random) -> str:
    num = rnd.choice(
        [
            str(rnd.randint(1, 60)),
            str(rnd.randint(100, 2500)),
            f"{rnd.randint(100, 2500)}/{rnd.randint(1, 40)}",
            f"{rnd.randint(1, 60)}a",
        ]
    )
    return f"{rnd.choice(STREETS + SQUARES)} {num}"


def _street_loc(rnd: random.Random) -> str:
    """A street in the locative, as after "bydlí na" ("na Lipové 8")."""
    return f"{STREETS_LOC[rnd.choice(sorted(STREETS_LOC))]} {rnd.randint(1, 120)}"


def _cp(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"č.p. {rnd.randint(1, 300)}",
            f"č. p. {rnd.randint(1, 300)}",
            f"čp. {rnd.randint(1, 300)}",
            f"číslo popisné {rnd.randint(1, 300)}",
        ]
    )


def _village(rnd: random.Random) -> str:
    """A village and its house number: where there are no streets, the two are the address."""
    return f"{rnd.choice(VILLAGES)} {_cp(rnd)}"


def _idcard(rnd: random.Random) -> str:
    return rnd.choice(
        [
            _digits(rnd, 9),
            f"{rnd.randint(10, 99)}{_digits(rnd, 6)}",
            f"{_digits(rnd, 3)} {_digits(rnd, 3)} {_digits(rnd, 3)}",
        ]
    )


def _pupil_no(rnd: random.Random) -> str:
    return rnd.choice(
        [
            _digits(rnd, 6),
            f"{rnd.randint(2019, 2024)}/{_digits(rnd, 4)}",
            f"{_digits(rnd, 10)}",
            f"Z{_digits(rnd, 5)}",
            f"{_digits(rnd, 4)}",
        ]
    )


#: slot → (value maker, label); a ``{name}`` slot is a PERSON
SLOTS: dict[str, tuple[Callable[[random.Random], str], str]] = {
    "phone": (_phone, "CONTACT"),
    "phonew": (_phone_words, "CONTACT"),
    "email": (_email, "CONTACT"),
    "handle": (_handle, "CONTACT"),
    "tag": (_discord_tag, "CONTACT"),
    "link": (_link, "CONTACT"),
    "login": (_login, "CONTACT"),
    "pw": (_password, "ID"),
    "birth": (_birth, "ID"),
    "isic": (_isic, "ID"),
    "bank": (_bank, "ID"),
    "plate": (_plate, "ID"),
    "ip": (_ip, "ID"),
    "street": (_street, "ID"),
    "streetloc": (_street_loc, "ID"),
    "village": (_village, "ID"),
    "idcard": (_idcard, "ID"),
    "pupil": (_pupil_no, "ID"),
    "name": (lambda r: r.choice(FIRST), "PERSON"),
    "uid": (lambda r: _digits(r, r.choice([9, 17, 18])), "CONTACT"),
}

TEMPLATES: dict[str, list[str]] = {
    "phone": [
        "moje číslo je {phone} ale nikomu ho nedávejte",
        "{name} dala moje číslo {phone} do skupiny",
        "volal mi z čísla {phone} a vyhrožoval že mě zmlátí",
        "tel. {phone}",
        "Prosím o zavolání, tel: {phone}, nejlépe po 16. hodině.",
        "mobil: {phone}",
        "píše mi nějaký {phone} a nevim kdo to je",
        "jeho číslo je {phone} kdyby to někdo chtěl",
        "volal z {phone} asi 20x za noc",
        "Kontakt na mě: {phone}",
        "sms mi chodí z {phone} furt dokola",
        "napsal mi na whatsapp z {phone} že mě najde",
        "S pozdravem, {name}, {phone}",
        "na {phone} mi volaj cizí lidi protože to dali na net",
        "dal moje číslo ({phone}) na instáč",
        "t.č. {phone}",
        "tel.č.: {phone}",
        "Můj telefon: {phone}.",
        "číslo mámy je {phone} volejte prosím jen odpoledne",
        "v 23:10 mi volal {phone} a jen dýchal",
        "ozvěte se mi na {phone} nebo na {email}",
        "jeho mobil {phone}",
        "mam od nej zpravy z {phone} a z {phone}",
        "Napište mi prosím SMS na číslo {phone}.",
        "whatsapp {phone}",
        "volal mi ze skrytýho a pak z {phone}",
    ],
    "phonew": [
        "moje cislo je {phonew} ale neposilejte ho dal",
        "volal mi z {phonew} furt dokola",
        "napsal do skupiny muj mobil {phonew} at mi vsichni volaj",
        "jeho číslo: {phonew}",
        "pis mi na {phonew}",
    ],
    "email": [
        "píše mi z mailu {email} hnusný věci",
        "můj mail je {email}",
        "e-mail: {email}",
        "Odpověď prosím na {email}.",
        "poslali to z adresy {email}",
        "S pozdravem {name}, {email}",
        "založili na mě účet s mailem {email}",
        "{name} má mail {email}",
        "napiště mi na {email} nebo {email}",
        "Kontaktní e-mail: {email}, tel. {phone}",
        "psal mi z {email} že ví kde bydlím",
        "mejl ma {email}",
    ],
    "handle": [
        "má fake účet @{handle} a tam dává moje fotky",
        "ig: {handle}",
        "na instáči je {handle}",
        "jeho insta je {handle}",
        "na instáči jako @{handle}",
        "její instáč: {handle}",
        "snap: {handle}",
        "sc: {handle}",
        "na snapu má {handle}",
        "tiktok @{handle}",
        "na tiktoku jako {handle}",
        "tt: {handle}",
        "dc: {handle}",
        "na dc je {handle}",
        "discord: {tag}",
        "na discordu je jako {tag}",
        "roblox: {handle}",
        "v robloxu má nick {handle}",
        "ve fortnitu je {handle} a furt mě zabíjí",
        "fortnite nick: {handle}",
        "na steamu je {handle}",
        "steam: {handle}",
        "má yt kanál @{handle}",
        "yt: {handle}",
        "na twitchi streamuje jako {handle}",
        "telegram @{handle}",
        "pod nickem {handle} mi píše v minecraftu",
        "přezdívka {handle}",
        "účet „{handle}“ to celé dělá",
        "ten účet se jmenuje {handle}",
        "insta {handle} a snap {handle}",
        "komentuje to @{handle} a @{handle}",
        "jeho discord id je {uid}",
        "na ig ma {handle}",
        "instagram: @{handle}",
        "píše mi {handle} na instagramu",
        "sleduje mě {handle} na tiktoku",
        "jeho acc je {handle}",
        "ig @{handle}",
        "dc {tag}",
        "discord {handle}",
    ],
    "link": [
        "tady je jeho profil {link}",
        "dal to na {link} a všichni to sdílí",
        "odkaz: {link}",
        "pozvánka do skupiny {link} kde mě pomlouvají",
        "ten účet je {link}",
        "poslali mi link {link}",
        "video je tady {link} prosím smažte to",
        "Profil, ze kterého zprávy chodí: {link}.",
        "skupina na whatsappu {link}",
    ],
    "login": [
        "zná můj login do bakalářů {login} a heslo {pw}",
        "přihlásil se za mě jako {login}",
        "login: {login} heslo: {pw}",
        "moje heslo je {pw} a on ho zná",
        "přihlašovací jméno {login}",
        "na školním počítači byl přihlášený {login}",
        "heslo do bakalářů má {pw}",
        "jeho heslo: {pw}",
        "uživatelské jméno: {login}",
        "do teams se přihlásil pod {login} a psal tam za mě",
        "napsal mi heslo {pw} do chatu",
        "školní účet {login} mi někdo ukradl",
    ],
    "address": [
        "bydlí na {streetloc} a čeká tam na mě",
        "vím kde bydlíš, {street}",
        "adresa: {street}, {town}",
        "Bydlíme na adrese {street}, {psc} {town}.",
        "bydlí v ulici {street}",
        "poslali mi fotku našeho domu na {street}",
        "ul. {street}, {town}",
        "bydli na {streetloc}",
        "Trvalé bydliště: {street}, {psc} {town}",
        "dal na net moji adresu {street}",
        "bydlíme v {village}",
        "bydlí hned vedle nás na {streetloc}",
        "napsal do skupiny kde bydlím {street}",
        "čeká na mě před domem {street}",
        "S pozdravem {name}, {street}, {town}",
        "jeho adresa je {street}",
    ],
    "idnum": [
        "rodné číslo {birth}",
        "RČ: {birth}",
        "vyfotil mi kartičku pojišťovny s rodným číslem {birth}",
        "rč {birth}",
        "ISIC {isic}",
        "číslo isic karty {isic}",
        "ukradl mi ISIC kartu {isic}",
        "pošli prachy na účet {bank} jinak tě zbiju",
        "číslo účtu: {bank}",
        "Číslo účtu {bank}",
        "SPZ {plate}",
        "jezdí autem {plate} a čeká před školou",
        "poznávačka {plate}",
        "jeho IP je {ip}",
        "ip adresa {ip}",
        "zjistil mou IP {ip} a vyhrožuje",
        "číslo občanky {idcard}",
        "OP č. {idcard}",
        "číslo pasu {idcard}",
        "číslo žáka {pupil}",
        "evidenční číslo žáka {pupil}",
        "kartička do jídelny č. {pupil}",
        "má moje rodný číslo {birth} a číslo účtu {bank}",
        "stříbrná oktávka, spz {plate}",
        "RZ {plate}",
        "čip do jídelny {pupil}",
    ],
}


def _phone_intl(rnd: random.Random) -> str:
    """Numbers of relatives abroad and of Czech mobiles written with a leading 0 or a slash."""
    d = _mobile(rnd)
    return rnd.choice(
        [
            f"+44 7{_digits(rnd, 3)} {_digits(rnd, 6)}",
            f"+48 {_digits(rnd, 3)} {_digits(rnd, 3)} {_digits(rnd, 3)}",
            f"+49 15{_digits(rnd, 1)} {_digits(rnd, 8)}",
            f"0{d[:3]} {d[3:6]} {d[6:]}",
            f"+420/{d[:3]} {d[3:6]} {d[6:]}",
            f"{d[:3]}-{d[3:5]}-{d[5:7]}-{d[7:]}",
            f"+420 {d[:3]}-{d[3:6]}-{d[6:]}",
            d,
        ]
    )


def _email_bare(rnd: random.Random) -> str:
    """An address without its top-level domain, as a child remembers it: "pepa.novak@seznam"."""
    first, last = rnd.choice(LOGIN_NAMES)
    local = rnd.choice([f"{first}.{last}", f"{rnd.choice(HANDLE_BASES)}{rnd.randint(10, 99)}"])
    return f"{local}@{rnd.choice(['seznam', 'gmail', 'email', 'centrum', 'icloud'])}"


def _card(rnd: random.Random) -> str:
    """A payment card number as typed from memory (no valid checksum guaranteed)."""
    return rnd.choice([" ".join(_digits(rnd, 4) for _ in range(4)), _digits(rnd, 16)])


def _account_any(rnd: random.Random) -> str:
    """A bank account as a child or a scammer writes it, checksum or not."""
    return rnd.choice(
        [
            f"{_digits(rnd, 9)}/{rnd.choice(['0100', '0800', '2010', '0300', '3030'])}",
            f"{rnd.randint(10, 99)}-{_digits(rnd, 10)}/0100",
            _account(rnd),
        ]
    )


def _birth_any(rnd: random.Random) -> str:
    """A birth number after its cue, possibly mistyped (the checksum then fails)."""
    d = (
        f"{rnd.randint(8, 15):02d}{rnd.randint(1, 12) + rnd.choice([0, 50]):02d}"
        f"{rnd.randint(1, 28):02d}{_digits(rnd, 4)}"
    )
    return rnd.choice([d, f"{d[:6]} {d[6:]}", f"{d[:6]}/{d[6:]}"])


def _lockcode(rnd: random.Random) -> str:
    return _digits(rnd, rnd.choice([4, 4, 6]))


def _street_more(rnd: random.Random) -> str:
    return rnd.choice(
        [
            f"Lipové ulici č. {rnd.randint(1, 90)}",
            f"nábř. Kpt. Jaroše {rnd.randint(1, 90)}",
            f"sídl. Míru {rnd.randint(100, 999)}",
            f"Palackého tř. {rnd.randint(1, 90)}",
            f"Sokolská {rnd.randint(1, 90)}/{rnd.randint(1, 9)}",
            f"Rybniční {rnd.randint(1, 90)}",
        ]
    )


def _link2(rnd: random.Random) -> str:
    """Short links and link pages: youtu.be, bit.ly, linktr.ee, discord.com invites."""
    h = _handle(rnd)
    return rnd.choice(
        [
            f"youtu.be/{h}",
            f"bit.ly/{h}",
            f"linktr.ee/{h}",
            f"discord.com/invite/{h}",
            f"https://youtu.be/{h}",
        ]
    )


SLOTS["link2"] = (_link2, "CONTACT")
SLOTS.update(
    {
        "phonei": (_phone_intl, "CONTACT"),
        "emailb": (_email_bare, "CONTACT"),
        "card": (_card, "ID"),
        "acct": (_account_any, "ID"),
        "birtha": (_birth_any, "ID"),
        "code": (_lockcode, "ID"),
        "streetm": (_street_more, "ID"),
    }
)

#: a second round, written after the first round's fixes and scored before any change for it
ROUND2: dict[str, list[str]] = {
    "phone2": [
        "babička z anglie má {phonei}",
        "tel.:{phonei}",
        "[18:40] volej mi na {phone}",
        "TEL: {phone}",
        "číslo na tátu {phonei}, píše tam i on",
        "zavolej {phone}, jinak uvidíš",
        "volala mi teta z polska {phonei}",
        "{phone} - to je jeho číslo",
        "číslo {phonei}",
        "mám novej mobil, {phonei}",
    ],
    "email2": [
        "mail ma {emailb} ale nevim jestli cz nebo com",
        "píše mi z {emailb}",
        "jeho mail je {emailb}",
        "e-mail: <{email}>",
        "MAIL: {email}",
    ],
    "handle2": [
        "{handle} na instáči mě pomlouvá",
        "{handle} (instagram) to sdílí",
        "@ {handle} na tiktoku",
        "účet „{handle}“ dává moje fotky",
        "najdete ho jako {handle} na snapu",
        "link: {link2}",
        "{link2} tam je to video",
        "všechno má na {link2}",
        "pozvánka {link2}",
        "jeho nový discord je {handle}",
    ],
    "idnum2": [
        "mámy karta {card} a on ji vyfotil",
        "číslo karty: {card}",
        "pošli to na účet {acct}",
        "účet {acct} je jeho",
        "rodné číslo {birtha}",
        "rč: {birtha}",
        "kód od skříňky je {code}",
        "pin ke kartě {code}",
        "číslo pojištěnce {birtha}",
    ],
    "address2": [
        "bydlí v {streetm}",
        "adresa {streetm}, Praha 4",
        "bydlíme v Praze 4, {street}",
        "jejich dům je {streetm}",
        "jejich adresa: {streetm}",
    ],
}


NEGATIVES = [
    "sraz je v {h}:{m} u školy",
    "v {h}.{m} mě čekali za tělocvičnou",
    "stalo se to {d}. {mo}. 2024",
    "dne {d}.{mo}.2025 v {h}:{m}",
    "ukradl mi {k} Kč ze šatny",
    "chce po mně {k}0 korun",
    "stálo to 1 {k}0 Kč",
    "ve třídě je nás {c}",
    "úkol je na straně {p}",
    "str. {p}–{p2}",
    "prohráli jsme {s}:{s2} a pak mě zbili",
    "dostal jsem pětku a průměr mám 2,{s}",
    "bylo to v učebně {room}",
    "v kabinetu č. {room}",
    "narodil se v roce 20{yy}",
    "jezdí autobusem číslo {room}",
    "video má {k} 000 zhlédnutí",
    "má {k}00 followerů",
    "linka bezpečí 116 111 mi poradila ať to napíšu sem",
    "volali jsme 155 a 158",
    "šikanujou mě od září 2023, už {c} měsíců",
    "školní rok 2024/2025",
    "je mu {c} let",
    "bydlí asi {c} minut od školy",
    "bydlí na vesnici {c} km od nás",
    "bydlí ve {fl}. patře",
    "na instáči dala fotku a všichni se smáli",
    "na discordu nám psal každý den",
    "na tiktoku je o mně video",
    "v robloxu hrajeme adopt me",
    "snap mi smazala",
    "hodnocení 1 až 5, dala jsem mu 1",
    "zaplatili jsme {k}0,- Kč za výlet",
    "v 7:45 jsem přišel do školy a oni tam byli",
    "do {d}. {mo}. to musí přestat",
    "ztratil jsem {s} body ze {s2}0",
    "vyhrál {c} 000 V-bucks",
    "hráli jsme {s}x za sebou a on vždycky prohrál",
    "tep měl 1{c}0",
    "zápis z {d}. {mo}. 2024, čj. {k}/2024",
    "bus jede v 15:{m} a 16:{m}",
]


def _fill(template: str, rnd: random.Random) -> tuple[str, list[dict]]:
    """The template with every slot filled; the gold spans of the labelled slots."""
    out, spans, pos = [], [], 0
    last = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        lit = template[last : m.start()]
        out.append(lit)
        pos += len(lit)
        slot = m.group(1)
        if slot in SLOTS:
            make, label = SLOTS[slot]
            value = make(rnd)
            spans.append({"start": pos, "end": pos + len(value), "label": label, "text": value})
        elif slot == "town":
            value = rnd.choice(TOWNS)
        elif slot == "psc":
            value = f"{rnd.randint(100, 799)} {rnd.randint(0, 99):02d}"
        else:
            value = _number(slot, rnd)
        out.append(value)
        pos += len(value)
        last = m.end()
    out.append(template[last:])
    return "".join(out), spans


def _number(slot: str, rnd: random.Random) -> str:
    """Numbers of the negative templates: times, days, prices, sizes, pages, scores, rooms."""
    return str(
        {
            "h": rnd.randint(7, 22),
            "m": f"{rnd.randint(0, 59):02d}",
            "d": rnd.randint(1, 28),
            "mo": rnd.randint(1, 12),
            "k": rnd.randint(2, 99),
            "c": rnd.randint(12, 32),
            "p": rnd.randint(5, 180),
            "p2": rnd.randint(181, 240),
            "s": rnd.randint(0, 9),
            "s2": rnd.randint(0, 9),
            "room": rnd.randint(101, 330),
            "yy": f"{rnd.randint(8, 15):02d}",
            "fl": rnd.randint(1, 9),
        }[slot]
    )


def _shaped(text: str, rnd: random.Random) -> tuple[str, str]:
    """As written, lowercase, or lowercase without diacritics (all keep the length)."""
    shape = rnd.choices(["as-written", "lowercase", "no-diacritics"], weights=[2, 1, 1])[0]
    if shape == "lowercase":
        return text.lower(), shape
    if shape == "no-diacritics":
        return text.lower().translate(_STRIP), shape
    return text, shape


LEADS = [
    "",
    "",
    "",
    "Prosím pomozte. ",
    "uz to nevydrzim. ",
    "Dobrý den, ",
    "Je to pořád dokola. ",
    "pomoc!!! ",
    "Píšu za dceru. ",
]
TAILS = [
    "",
    "",
    "",
    " Ve škole to nikdo neřeší.",
    " bojim se jit do skoly",
    " prosím smažte to.",
    " 😭😭",
    " Děkuji.",
    " uz me to nebavi",
]


def generate(seed: int = 1818, per_kind: int = 40) -> list[dict]:
    rnd = random.Random(seed)
    out: list[dict] = []
    for kind, templates in TEMPLATES.items():
        # numbers in words are rare: a quarter as many
        for k in range(per_kind // 4 if kind == "phonew" else per_kind):
            body, spans = _fill(templates[k % len(templates)], rnd)
            lead, tail = rnd.choice(LEADS), rnd.choice(TAILS)
            if rnd.random() < 0.3:  # a negative number beside the identifier
                neg, _ = _fill(rnd.choice(NEGATIVES), rnd)
                tail = f". {neg}{tail}"
            text = lead + body + tail
            spans = [
                {**s, "start": s["start"] + len(lead), "end": s["end"] + len(lead)} for s in spans
            ]
            text, shape = _shaped(text, rnd)
            spans = [{**s, "text": text[s["start"] : s["end"]]} for s in spans]
            out.append({**_record(f"{kind}-{k:03d}", text, spans, kind), "style": shape})
    rnd2 = random.Random(seed + 1)  # round 2 draws apart, so round 1 stays byte-identical
    for kind, templates in ROUND2.items():
        for k in range(per_kind // 2):
            body, spans = _fill(templates[k % len(templates)], rnd2)
            text, shape = _shaped(body, rnd2)
            spans = [{**s, "text": text[s["start"] : s["end"]]} for s in spans]
            out.append({**_record(f"{kind}-{k:03d}", text, spans, kind), "style": shape})
    for k in range(per_kind * 2):
        text, _ = _fill(NEGATIVES[k % len(NEGATIVES)], rnd)
        text, shape = _shaped(rnd.choice(LEADS) + text + rnd.choice(TAILS), rnd)
        out.append({**_record(f"negative-{k:03d}", text, [], "negative"), "style": shape})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1818)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    write_records(generate(args.seed, args.per_kind), args.out)


if __name__ == "__main__":
    main()
