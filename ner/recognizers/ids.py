"""ID: birth numbers (rodné číslo, checksum-verified), street addresses, car plates.

A birth number without its slash ("0854213316", "080204 8192") is taken only with a valid
checksum and date; a plate in lowercase, with a dash or with its digits split ("spz 4t2 8815",
"3Z8-2832", "4M1 64 50") only after a cue (SPZ, RZ, poznávačka, auto …), since "5a 2024" is prose.
"""

from __future__ import annotations

import re

from ..span import Span

BIRTH = re.compile(r"(?<![\d/])(\d{2})(\d{2})(\d{2})\s?/\s?(\d{3,4})(?![\d/])")
# without the slash: "0854213316", "080204 8192", "080204-8192" — only with a valid checksum
BIRTH_BARE = re.compile(r"(?<![\w/+.,-])\d{6}(?: ?- ?| )?\d{4}(?![\w/]|[.,]\d)")
# after its cue a birth number is hidden even when mistyped (the checksum then fails)
BIRTH_CUED = re.compile(
    r"(?i:(?<!\w)(?:rodn\w*\s+čísl\w*|rodn\w*\s+cisl\w*|rč|rc|r\.\s?č\.|"
    r"čísl\w*\s+pojištěnce|cisl\w*\s+pojistence)(?:\s*[:=]|\s+(?:je|má|ma))*)\s*"
    r"(?P<n>\d{6}\s?[/ -]?\s?\d{3,4})(?![\w/])"
)
# Czech plates: 1A2 3456, 4T2 8815, 1AB 2345; new format 1AB2345
PLATE = re.compile(r"\b\d[A-Z][A-Z0-9]\s?\d{4}\b")
# after a cue, any letter case and a dash or split digits: "spz 4t2 8815", "3Z8-2832", "4M1 64 50"
PLATE_CUED = re.compile(
    r"(?i:(?<!\w)(?:spz|rz|poznávačk\w*|poznavack\w*|značk\w*|znack\w*|registrační značk\w*|"
    r"aut\w*|oktávk\w*|oktavk\w*|škodovk\w*|skodovk\w*|dodávk\w*|dodavk\w*|bmw|audi|"
    r"octavi\w*|fabi\w*)(?:\s*[:,]|\s+(?:je|má|ma|č\.|číslo|cislo))*)\s+"
    r"(?P<p>\d[A-Za-z][A-Za-z0-9](?:[\s-]?\d{4}|\s\d{2}\s\d{2}))(?![\w-])"
)
# Street + house number: "Palackého 1187/22", "ulice Na Výsluní 12", "Nádražní 5a".
STREET = re.compile(
    r"(?:(?:ulic[ei]|ul\.|bydlí (?:v|na)|bydlel[ao]? (?:v|na)|adres[ae]|adresu)\s+)?"
    r"(?P<street>(?:(?:Na|U|K|Pod|Nad|V|Za|Před|Třída|nám\.|náměstí|tř\.)\s+)?"
    r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+(?:\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽa-záčďéěíňóřšťúůýž][a-záčďéěíňóřšťúůýž]+){0,2}"
    r"\s+(?:č\.\s?(?:p\.\s?)?)?\d{1,5}(?:/\d{1,4})?[a-zA-Z]?)\b"
)
STREET_CUE = re.compile(
    r"(?i)\b(?:bydl\w*|adres\w*|ulic\w*|ul\.|doma|dům|dom(?:u|ů|ě|em|y|ech)|domov\w*|"
    r"barák\w*|barak\w*|byt\w*|bydlišt\w*|sídl\w*)\b"
)
# A postal address: "Jiráskova 14, Písek", "Nádražní 482, 250 88 Čelákovice" — a street-shaped
# name (possessive or adjective: -ova, -ská, -ní, -ého, -á …) + number + comma + town.
STREET_SHAPED = re.compile(r"(?:ov[aáoy]|[sc]k[áéý]|[nň][íá]|ého|[áíéů])$")  # ů: Dukelských hrdinů
HOUSE_NUMBER = re.compile(r"\s+\d{1,5}(?:/\d{1,4})?[a-zA-Z]?$")
TOWN_AFTER = re.compile(r",\s*(?:\d{3}\s?\d{2}\s+)?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+")
TOWN_THEN_STREET = re.compile(r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+\s+(?:na|v|ve|u|k|ke)\s+"
                              r"(?=\w+\s+\w)")
NUMBERS_NOT_STREETS = re.compile(
    r"(?i)^(?:v|ve|za|po|do|od|na|o|před|kolem|asi|přes|třída|ročník|hodin\w*|"
    r"minut\w*|let|roky|dní|dnů|korun\w*|kč|bodů|procent|stran\w*|ZŠ|MŠ|SŠ|"
    r"Praha|Praze|Prahy|Prahu|Prahou)\b"
)


def birth_number_valid(s: str) -> bool:
    """Czech birth number checksum.

    10 digits divisible by 11 (or the mod-10 exception); 9 digits before 1954."""
    d = re.sub(r"\D", "", s)
    if len(d) == 9:
        return int(d[:2]) < 54
    if len(d) != 10:
        return False
    month = int(d[2:4]) % 50 % 20
    if not 1 <= month <= 12 or not 1 <= int(d[4:6]) <= 31:
        return False
    n = int(d)
    return n % 11 == 0 or (int(d[:9]) % 11 == 10 and d[9] == "0")


#: every pattern here holds a digit (birth number, plate, house number)
DIGIT = re.compile(r"\d")


def find(text: str) -> list[Span]:
    if DIGIT.search(text) is None:  # most sentences: no pattern can match, skip the scans
        return []
    spans: list[Span] = []
    for m in BIRTH.finditer(text):
        valid = birth_number_valid(m.group())
        # a slash-separated 6+3/4 digit group is almost always a birth number even when mistyped
        spans.append(Span(m.start(), m.end(), "ID", 0.99 if valid else 0.7))
    seen = {(s.start, s.end) for s in spans}
    for m in BIRTH_CUED.finditer(text):
        if (m.start("n"), m.end("n")) not in seen:  # a slashed one is already in, with its score
            spans.append(Span(m.start("n"), m.end("n"), "ID", 0.9))
    for m in BIRTH_BARE.finditer(text):
        if birth_number_valid(m.group()):
            spans.append(Span(m.start(), m.end(), "ID", 0.9))
    for m in PLATE.finditer(text):
        spans.append(Span(m.start(), m.end(), "ID", 0.85))
    for m in PLATE_CUED.finditer(text):
        spans.append(Span(m.start("p"), m.end("p"), "ID", 0.85))
    for m in STREET.finditer(text):
        street = m.group("street")
        if NUMBERS_NOT_STREETS.match(street):
            continue
        has_slash = "/" in street
        cue = (
            STREET_CUE.search(text[max(0, m.start() - 40) : m.start()]) is not None
            or m.start("street") != m.start()
        )
        name = HOUSE_NUMBER.sub("", street)
        postal = bool(STREET_SHAPED.search(name)) and TOWN_AFTER.match(text, m.end())
        if has_slash or cue or postal:
            start = m.start("street")
            # "bydlíme v Brně na Cejlu 45": the town and its preposition are not the street
            town = TOWN_THEN_STREET.match(street)
            if town:
                start += town.end()
            spans.append(Span(start, m.end("street"), "ID", 0.8))
    return spans
