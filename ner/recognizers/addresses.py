"""ID: a street address after a cue, in any letter case ("bydli na palackeho 1187/22",
"adresa: u stadionu 14", "Bydlí na Masarykově 3", "vím kde bydlíš, sadová 4").

``ids.STREET`` needs a capitalised street name; children write streets in lowercase, and
in the locative after "bydlí na". After a cue word (bydlí, bydliště, adresa, ulice, domem) one
to three words and a house number are an address whatever their case.

Two kinds of cue, because a preposition after them means different things: after "bydlí" or
"před domem" a lowercase "na"/"v" is the verb's ("bydlí na lipové 8": the address is "lipové
8"), but a capitalised one belongs to the street ("bydlí V Zahradách 22"); after "adresa" or
"ulice" every preposition belongs to the street ("adresa: pod hájem 42"). Streets named after a
date ("28. října 1713") count as one word. A number followed by a unit ("bydlí na vesnici 20 km
od nás") or a floor ("bydlí ve 4. patře") is no house number.
"""

from __future__ import annotations

import re

from ..span import Span

_MONTHS = (r"ledna|února|unora|března|brezna|dubna|května|kvetna|června|cervna|července|"
           r"cervence|srpna|září|zari|října|rijna|listopadu|prosince")
# a word of a street name; "28. října" and "číslo popisné" / "č. p." count as one word
_WORD = (r"(?:\d{1,2}\.\s?(?i:" + _MONTHS + r")|(?i:číslo|cislo)\s+(?i:popisné|popisne)|"
         r"[^\W\d_][^\W\d_.]*\.?)")
_NUMBER = (r"\d{1,5}(?:/\d{1,4})?[a-hA-H]?(?![\w/])"
           r"(?!\s*(?i:km|m|min\w*|metr\w*|kilometr\w*|hod\w*|zastáv\w*|zastav\w*|stanic\w*|"
           r"pat\w*|kroků|kroku|let|lidí|lidi|krát|x|dny|dnů|dni|den|týdn\w*|tydn\w*|měsíc\w*|"
           r"mesic\w*|rok\w*|dětí|deti|žáků|zaku|kluků|kluku|holek|bodů|bodu|kč|kc|korun\w*)"
           r"(?!\w))")
# up to five words: "nám. T. G. Masaryka 42", "Kostelci č. p. 298"
_STREET = r"(?P<a>" + _WORD + r"(?:\s+" + _WORD + r"){0,4}\s+" + _NUMBER + r")"
# "bydlí na …", "před domem na …": a lowercase preposition is the verb's, a capital one the street's
LIVES = re.compile(
    r"(?i:(?<!\w)(?:bydl\w*|dům|dum|dom(?:em|u|ě|ů)|barák\w*|barak\w*))"
    r"(?P<sep>\s*[:,])?(?:\s+(?:je|jsou|ted|teď|hned|vedle|nás|nas|naproti|kousek|taky|na adrese|"
    r"na ulici|v ulici|v praze \d{1,2}\s*,|v brně\s*,|v brne\s*,|"
    r"(?-i:ve?\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][^\W\d_]+(?:\s+\d{1,2})?\s*,)))*"
    r"(?:\s+(?P<prep>na|v|ve|u|k|ke|pod|nad|za)(?=\s+[^\W\d_]))?\s+" + _STREET
)
# "adresa: pod hájem 42", "ul. Na Výsluní 5", "bydliště K Lesu 7": the preposition is the street's
NAMED = re.compile(
    r"(?i:(?<!\w)(?:bydlišt\w*|adres\w*|ulic\w*|ul\.))(?:\s*[:,])?"
    r"(?:\s+(?i:je|jsou|zní|zni))?\s+" + _STREET
)
# "přišel k nám na Lipovou 8", "čekal u nás před domem v Husově 12": a weaker cue, so the
# street must be capitalised (a parent's letter), never "u nás ve třídě 25 dětí"
NEAR_US = re.compile(
    r"(?i:(?<!\w)(?:k|ke|u|před|pred|za)\s+(?:nám|nás|nam|nas|nim|nich|mně|mne|mě|me)"
    r"(?:\s+(?:domů|domu|před dům|pred dum|před domem|pred domem))?)"
    r"(?:\s+(?P<prep>na|v|ve|do|u|k|ke|za))?\s+" + _STREET
)
# words that end the run before a number: "bydlí v tom 3. domě" is no address
_NOT_STREET = re.compile(r"(?i)^(?:tom|tam|ten|to|tý|tej|jeho|její|naší|vaší|patře|patro|"
                         r"byl|byla|bylo|byli|bude|budou|jsou|není|neni|počátkem|koncem|"
                         r"roce|let|pokoji|bytě|domě|asi|už|uz|přes|mám|má|jsem|je|od|do|"
                         r"kolem|po|před|až|az|vesnic\w*|sídlišt\w*|sidlist\w*|čísle|cisle|"
                         r"číslo|cislo|minut\w*|hodin\w*|praz\w*|prah\w*)$")
_STREET_ABBR = re.compile(r"(?i)^(?:nám|nam|nábř|nabr|tř|tr|ul|sídl|sidl)\.$")
_PREPOSITION = re.compile(r"(?i)^(?:na|v|ve|u|k|ke|pod|nad|za|z|ze|o|s|se)$")


def _given_name(word: str) -> bool:
    from ..gazetteer import get_gazetteer
    from ..textutil import fold

    return fold(word) in get_gazetteer().given


def find(text: str) -> list[Span]:
    spans: list[Span] = []
    for rx in (LIVES, NAMED, NEAR_US):
        for m in rx.finditer(text):
            words = m.group("a").split()[:-1]
            if rx is NEAR_US and (not words[0][:1].isupper() or _given_name(words[0])):
                continue  # "chodí k nám Kuba 3 dny" is a visit, not an address
            # at most three words besides abbreviations and initials ("nám. T. G. Masaryka 42");
            # more is a sentence ("dům byl adaptován na archiv počátkem 20")
            if sum(not w.endswith(".") for w in words) > 3 and not re.search(
                    r"(?i)popisn", m.group("a")):
                continue
            if any(_NOT_STREET.match(w) for w in words) and not re.search(
                    r"(?i)popisn", m.group("a")):
                continue
            if all(_PREPOSITION.match(w) for w in words):
                continue  # "bydlí ve 4": a preposition alone names no street
            start = m.start("a")
            # "Adresa Ministerstvo dopravy nábř. L. Svobody 1222/12": the street starts at its
            # abbreviation; the words before name the building's owner
            heads = [i for i, w in enumerate(words)
                     if i and i < len(words) - 1 and _STREET_ABBR.match(w)]
            # "bydlíme v Brně na Cejlu 45": a town, then the street after its preposition
            heads += [i + 1 for i, w in enumerate(words[1:-1], 1)
                      if w.islower() and _PREPOSITION.match(w) and words[i - 1][:1].isupper()
                      and not heads]
            if heads:
                pos = start
                for w in words[: heads[0] + 1]:
                    pos = text.index(w, pos) + (len(w) if w is not words[heads[0]] else 0)
                start, words = pos, words[heads[0] :]
            # after "kde bydlíš," the preposition starts the street ("…, k lesu 31")
            if rx is LIVES and _PREPOSITION.match(words[0]) and words[0].islower() \
                    and len(words) > 1 and "," not in text[m.start() : start]:
                start += len(words[0]) + 1  # "bydlí hned na lipové 8": "na" is the verb's
                start = text.index(words[1], start)
            if rx is LIVES and m.group("prep") and "," in text[m.start() : m.start("prep")]:
                start = m.start("prep")  # "vím kde bydlíš, k lesu 31": no verb governs "k"
            spans.append(Span(start, m.end("a"), "ID", 0.8))
    return spans
