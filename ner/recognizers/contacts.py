"""CONTACT: e-mails, phone numbers, social handles, profile URLs, game/Discord usernames."""

from __future__ import annotations

import re

from ..span import Span

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# a child remembers the provider, not the top-level domain: "pepa.novak@seznam", "kuba12@gmail"
EMAIL_NO_TLD = re.compile(
    r"(?<![\w.@])[\w.+-]*\w@(?i:seznam|gmail|email|centrum|icloud|outlook|post|atlas|volny|"
    r"hotmail|yahoo|tiscali|quick)(?![\w@-]|\.\w)"
)
URL = re.compile(
    # short links and link pages too: youtu.be/…, bit.ly/…, linktr.ee/…
    r"(?:https?://|www\.)[^\s<>\"'«»]+|\b(?:[\w-]+\.)+(?:cz|sk|com|net|org|tv|gg|io|me|eu|be|ly|"
    r"ee|co|to|link|app|de|pl|ua|ru|info|page|site)/[^\s<>\"']*",
    re.IGNORECASE,
)
# +420 603 123 456, 603123456, 603 12 34 56, 00420…, +380 67 123 4567, (+49) 151 …
# the country code may be bracketed, "(+420) 603 …", and so may the first group, "+420 (774) …";
# children also join groups with underscores ("700_629_920") and double spaces
PHONE = re.compile(
    r"(?<![\w/+])(?:(?:\(\s?(?:\+|00)\s?\d{2,3}\s?\)|(?:\+|00)\s?\d{2,3})[ .\-_/]{0,2})?"
    r"(?:\(\d{1,4}\)|\d{2,4})(?:(?:[ .\-_]|  )?\d{2,4}){2,4}(?![\w/])"
)
# any letter: platforms refuse diacritics, but a report writer types "@terka_růžičková"
HANDLE = re.compile(r"(?<![\w@.])@(?: (?=[\w.]*(?:\d|_|\w\.\w|[a-z][A-Z])))?"
                    r"[\w.]{2,30}\w")  # "@ BarcaGG": a space only before a shape
DISCORD = re.compile(r"\b[\w.]{2,32}#\d{4}\b")
# a username introduced by a platform or "nick": "na discordu je kubik2011", "nick: xXdarkXx"
# the cue words are case-insensitive, the username shape test is not: under a global (?i) the
# camelCase test [a-z][A-Z] would accept any word ("lol karel", "na Snapchatu poslala")
CUE = re.compile(
    r"\b(?i:nick(?:em|name)?|přezdívk\w*|jméno na \w+|účet|ucet|uctu|username|discord\w*|"
    r"instagram\w*|insta|inst[aá]č\w*|tiktok\w*|tt|sc|dc|acc|"
    r"snap\w*|fortnit\w*|minecraft\w*|roblox\w*|steam\w*|twitch\w*|telegram\w*|whatsapp\w*|facebook\w*|fb|"
    r"youtube\w*|yt|ig|xbox\w*|psn|epic\w*|brawl\w*|lol|valorant\w*|kanál\w*|"
    r"ve hře|ve hre|v lobby|na serveru)\b"
    r"(?i:\s+(?:je|jako|pod|má|ma|mám|mam|měl|mel|měla|mela|jménem|se jmenuje|named)){0,2}"
    r"\s*[:\-–]?\s*\"?"
    r"(?P<name>[\w.]{3,32}\w)"
)
# words with letters and 3+ digits or underscores look like usernames: kubik2011, xx_pepa_xx
USERNAME = re.compile(
    r"(?<![\w.@])(?=[\w.]*[A-Za-z][\w.]*[A-Za-z][\w.]*[A-Za-z])(?=[\w.]*(?:\d\d|_))"
    r"\w+(?:\.\w+)*(?![\w@])"
)


# after a platform cue: a digit, an underscore, an inner dot or camelCase ("ZednikGG") makes a
# username; so does a lowercase ASCII word that is neither a frequent Czech word nor a given
# name ("klarasedl", "natty.brazda"), but not an ordinary word or a name ("na Snapchatu
# poslala", "lol karel": the name layers take karel)
_SHAPE = re.compile(r"[\w.]*(?:\d|_|\w\.\w|[a-z][A-Z])")
USERNAME_MAX_ZIPF = 2.5
NICK_CUE = re.compile(r"(?i)nick|přezdív|prezdiv|username")
NEXT_IS_LINK = re.compile(r"\s+(?i:jako|pod|s nickem|pod nickem)\b")


def _username_like(word: str, max_caps_zipf: float = 1.0) -> bool:
    if _SHAPE.match(word):
        return True
    if word.isascii() and word.isalpha() and (word.istitle() or word.isupper()) and len(word) >= 4:
        # "vystupuje pod nickem Shadow", "nick REAPER": a capitalised word that is no Czech word
        # and no name (names go to the name layers: "na discordu Lucie")
        from ..gazetteer import get_gazetteer

        gaz, low = get_gazetteer(), word.lower()
        return (low not in gaz.given and low not in gaz.nick_to_formal and not gaz.lookup(low)
                and gaz.zipf(low) < max_caps_zipf)
    if not (word.isascii() and word.islower() and word.isalpha()):
        return False
    from ..gazetteer import get_gazetteer

    gaz = get_gazetteer()
    if word in gaz.given or word in gaz.nick_to_formal:
        return False
    return gaz.zipf(word) < USERNAME_MAX_ZIPF


def _phone_ok(s: str) -> bool:
    digits = sum(c.isdigit() for c in s)
    if digits < 9 or digits > 15:
        return False
    # dates and times are not phones: 12.03.2024, 10 20 30 with too few digits
    if re.fullmatch(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}", s):
        return False
    # ten digits with a valid birth-number checksum and date are a birth number (ids: ID)
    from .ids import birth_number_valid

    return not (digits == 10 and s[0] != "+" and birth_number_valid(s))


#: two digits in a row: every phone and every digit-shaped username needs them
TWO_DIGITS = re.compile(r"\d\d")


def find(text: str) -> list[Span]:
    # Each pattern runs only where the character it cannot do without occurs ("@", "/", "#",
    # two digits, "_"): most texts have none, and the regexes would otherwise try every
    # position of every text. The guards are necessary conditions, so the spans are the same.
    spans: list[Span] = []
    has_at = "@" in text
    has_digits = TWO_DIGITS.search(text) is not None
    if has_at:
        for m in EMAIL.finditer(text):
            spans.append(Span(m.start(), m.end(), "CONTACT", 0.99))
        for m in EMAIL_NO_TLD.finditer(text):
            spans.append(Span(m.start(), m.end(), "CONTACT", 0.9))
    if "/" in text or "www." in text.lower():
        for m in URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?)":
                end -= 1
            spans.append(Span(m.start(), end, "CONTACT", 0.95))
    if has_digits:
        for m in PHONE.finditer(text):
            if _phone_ok(m.group()):
                spans.append(Span(m.start(), m.end(), "CONTACT", 0.9))
    if has_at:
        for m in HANDLE.finditer(text):
            end = m.end()
            while text[end - 1] == ".":
                end -= 1
            spans.append(Span(m.start(), end, "CONTACT", 0.95))
    if "#" in text:
        for m in DISCORD.finditer(text):
            spans.append(Span(m.start(), m.end(), "CONTACT", 0.95))
    for m in CUE.finditer(text):
        # "na twitchi streamuje jako zuzik__": a word followed by "jako"/"pod" is the verb
        if NEXT_IS_LINK.match(text, m.end("name")):
            continue
        # after "nick"/"přezdívka" a gamer's English word is a name ("nick Shadow"); after a
        # platform only a word no language list knows ("na discordu Trololo")
        strong = NICK_CUE.match(m.group())
        if _username_like(m.group("name"), 4.0 if strong else 1.0):
            spans.append(Span(m.start("name"), m.end("name"), "CONTACT", 0.8))
    if has_digits or "_" in text:
        for m in USERNAME.finditer(text):
            if len(m.group()) < 5 or re.fullmatch(r"\d+\w{0,3}", m.group()):
                continue
            spans.append(Span(m.start(), m.end(), "CONTACT", 0.6))
    return spans
