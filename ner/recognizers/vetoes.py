"""Vetoes for person hits that are not persons: names inside titles of institutions, streets and
awards, and ethnonyms / inhabitant names.

- Titles: "Divadlo Petra Bezruče", "Nadace Olgy Havlové", "Cenu Jana Amose Komenského",
  "ulice Karla Čapka", "nábř. L. Svobody", "Gymnázium Jana Nerudy" (a genitive name after a head
  word from a small lexicon), and "Palackého náměstí", "Masarykovo nábřeží" (a possessive or
  genitive before a street word). A school named after a person is not a person in a report
  either. Head words where a report could mean a real pupil ("ve škole Petra ...") only count
  when they are part of a proper name themselves (capitalised, or after a capitalised word).
- Ethnonyms and inhabitants: Pražan, Francouz, Češka, Rom, Brazilec, Srbem, Chorvatů ...
  A form that is also a known name (Němec, Polák, Čech are common surnames) is vetoed only in
  edited text, in a plural form (Němcům, Poláci), with no name beside it and no "pan" before it.

All matching is on folded forms (lowercase, no diacritics). The lexicons are hand-written
(stems as in CNEC 2.0 *train* ``pc`` entities plus the largest nationalities and Czech towns);
no text of any evaluation set is listed here.
"""

from __future__ import annotations

from functools import lru_cache

# -- titles -------------------------------------------------------------------------------------
# head words whose following genitive name is part of a title, whatever the case of the head
_HEAD_ANY = """
divadlo divadla divadlu divadle divadlem divadel divadlech
nadace nadaci
memorial memorialu memorialem
ulice ulici ul
namesti nam
nabrezi nabr
sady sadu sadech
zs zus zsa ss sps sou ms
""".split()
# head words that are ordinary nouns in a report ("ve škole Petra ..."): only as part of a name
_HEAD_CAP = """
skola skoly skole skolu skolou
gymnazium gymnazia gymnaziu gymnaziem
lyceum lycea lyceu
stadion stadionu stadionem
kino kina kinu kine kinem
muzeum muzea muzeu muzeem
galerie galerii
knihovna knihovny knihovne knihovnu knihovnou
nemocnice nemocnici
univerzita univerzity univerzite univerzitu univerzitou
ustav ustavu ustavem
park parku parkem
cena ceny cene cenu cenou
pohar poharu poharem
turnaj turnaje turnaji
fond fondu fondem
spolek spolku spolkem
most mostu mostem moste
nadrazi
letiste
""".split()
HEADS_ANY = frozenset(_HEAD_ANY)
HEADS_CAP = frozenset(_HEAD_CAP)
# street words after a possessive/genitive: Palackého náměstí, Masarykovo nábřeží, Smetanovy sady
STREET_AFTER = frozenset("namesti nabrezi sady sadech ulice ulici most mostu mostem".split())
# "Základní škola Jana Nerudy", "Střední odborné učiliště ...": the head is part of a school name
SCHOOL_ADJ = (
    "zakladn",
    "stredn",
    "matersk",
    "umeleck",
    "odborn",
    "prumyslov",
    "obchodn",
    "sportovn",
    "hudebn",
    "jazykov",
    "vyss",
    "lidov",
    "mestsk",
    "narodn",
    "statn",
)
GENITIVE_ENDINGS = ("eho", "ove", "a", "y", "e")
POSSESSIVE_ENDINGS = ("eho", "ovo", "ova", "uv", "ovy", "ove", "ovu", "ovou", "ina", "ino", "iny")
# what may stand between a head word and the name: an abbreviation point, "sv." (saint)
_BETWEEN_OK = frozenset({"", "."})
_SKIP_WORDS = frozenset({"sv", "svateho", "svate"})

# -- ethnonyms and inhabitants ------------------------------------------------------------------
# masculine hard stems (Srb, Srba, Srbovi, Srbem, Srbové, Srbů, Srby, Srbech, Srbka ...)
_HARD = """
cech polak slovak rus rom madar francouz ital spanel srb chorvat kurd arab zid sved
brit skot rumun bulhar lotys kazach uzbek tadzik tatar mongol hun kuman got ostrogot vizigot
bosnak moravak ostravak hanak asiat indian eskymak muslim khmer kelt slovan valon vlam
tibetan peruan tamil armen jihocech severocech vychodocech zapadocech
""".split()
# -ec stems (Němec, Němce, Němci, Němcem, Němců ...); given without -ec
_EC = """
nem ukrajin vietnam japon nizozem portugal kuban korej alban izrael iran cecen palestin
slovin makedon libanon brazil kolumbi eston litev gruzin kazachstan argentin chil katalan
havaj etiop afghan nepal pakistan
""".split()
# -an stems (Pražan, Pražané, Pražanů, Pražanka ...)
_AN = """
prazan brnan plzenan olomoucan americ anglic mexic rakus kanad iracan evropan riman cinan
afric syr egyptan belgic holand newyorc novozeland londyn pariz viden slez tyrol
indones marocan alziran tunis kostarik portorik australan
""".split()
_IRREGULAR = """
cesi polaci slovaci rusove rusi angliciane ukrajinka ukrajinky ukrajince ukrajinku ukrajinkou
ceska cesky cesce cesku ceskou cesek ceskam
polka polky polce polku polkou
slovenka slovenky slovence slovenku slovenkou
nemka nemky nemce nemku nemkou
ruska rusky rusce rusku
romka romky romce romku romkou romove romu romum romy romech romove romska
uhri uhru uhrum uhry uhrech uher
turek turka turkovi turkem turci turku turkum turky turcich turkyne
rek reka rekove reku reky recich rekyne
zidovka zidovky zidovce
vietnamka vietnamky vietnamce vietnamku vietnamkou
francouzka francouzky francouzce francouzku francouzkou
italka italky italce italku italkou
""".split()
# words the stems above would also produce that are common names or words: never vetoed
_NOT_ETHNONYM = frozenset(
    "roma romana romanu romane romanem kurda sasa sasu sasy sase sasem gala galu galy gale "
    "hana hany hane hanu hanou fina finy fine finu marka german germana brita tamila romi romy "
    "kubanek kubanka svedky".split()
)


def _forms_hard(stem: str) -> list[str]:
    # no singular dative -ovi: "Rušovi" is a surname far more often than "Rusovi" an ethnonym
    out = [stem + e for e in ("", "a", "u", "e", "em", "ove", "um", "y", "ech", "i")]
    out += [stem + e for e in ("ka", "ky", "ce", "ku", "kou", "kam", "kach", "kami")]
    return out


def _forms_ec(stem: str) -> list[str]:
    return [
        stem + e
        for e in (
            "ec",
            "ce",
            "ci",
            "cem",
            "cu",
            "cum",
            "cich",
            "ci",
            "ka",
            "ky",
            "ce",
            "ku",
            "kou",
            "ek",
            "kam",
            "kach",
            "kami",
        )
    ]


def _forms_an(stem: str) -> list[str]:
    if not stem.endswith("an"):
        stem += "an"
    return [
        stem + e
        for e in (
            "",
            "a",
            "u",
            "e",
            "em",
            "um",
            "y",
            "ech",
            "i",
            "ka",
            "ky",
            "ce",
            "ku",
            "kou",
            "ek",
            "kam",
            "kach",
            "kami",
        )
    ]


@lru_cache(maxsize=1)
def ethnonyms() -> frozenset[str]:
    forms: set[str] = set(_IRREGULAR)
    for s in _HARD:
        forms.update(_forms_hard(_fold(s)))
    for s in _EC:
        forms.update(_forms_ec(_fold(s)))
    for s in _AN:
        forms.update(_forms_an(_fold(s)))
    return frozenset(f for f in forms if len(f) >= 3) - _NOT_ETHNONYM


def _fold(s: str) -> str:
    from ..textutil import fold

    return fold(s)


def is_ethnonym(folded: str) -> bool:
    return folded in ethnonyms()


PLURAL_ONLY = ("ove", "um", "ech", "ich", "aci", "esi", "ane")

# Ethnic slurs children use ("cikáni", "cigoši"): never a PERSON when written lowercase, even where
# the gazetteer knows the word as a rare surname (Cikán); a capitalised one may be the surname.
_SLUR_STEMS = ("cikan", "cigan", "cigos", "negr")


@lru_cache(maxsize=1)
def slurs() -> frozenset[str]:
    forms: set[str] = set()
    for s in _SLUR_STEMS:
        forms.update(_forms_hard(s))
        forms.add(s + "e")  # vocative: "ty cikáne"
    return frozenset(forms)


# -- application --------------------------------------------------------------------------------
def _gap_ok(text: str, a, b) -> bool:
    """Only spaces and abbreviation points between two tokens."""
    return (
        text[a.end : b.start].replace(".", "").strip() == "" and "\n" not in text[a.end : b.start]
    )


def _genitive(folded: str, gaz) -> bool:
    """A name form that reads as a genitive, not the base form itself (Petra, Bezruče, Olgy,
    Komenského, Havlové; not Kuba, Lucka, Kubovi, Kubu)."""
    if not folded.endswith(GENITIVE_ENDINGS):
        return False
    if gaz is None:
        return True
    return not any(m.exact and m.kind == "given" for m in gaz.lookup(folded))


def title_vetoes(text: str, ev, scores: list[float], gaz=None) -> None:
    """Zero the scores of name runs that are part of a title (see module doc)."""
    n = len(ev)
    i = 0
    while i < n:
        if scores[i] <= 0:
            i += 1
            continue
        j = i
        while j + 1 < n and scores[j + 1] > 0 and _gap_ok(text, ev[j].token, ev[j + 1].token):
            j += 1
        run = range(i, j + 1)
        # the head word itself was pulled into the name: "Memoriál Jaroslava Svobody"
        head_inside = (
            j > i
            and ev[i].token.is_cap
            and ev[i].token.folded in HEADS_ANY | HEADS_CAP
            and _genitive(ev[j].token.folded, gaz)
        )
        if (
            head_inside
            or _after_head(text, ev, i, gaz, ev[j].token.folded)
            or _before_street(text, ev, i, j)
        ):
            for k in run:
                scores[k] = 0.0
        i = j + 1


def _after_head(text: str, ev, i: int, gaz, last: str) -> bool:
    h = i - 1
    while (
        h >= 0 and ev[h].token.folded in _SKIP_WORDS and _gap_ok(text, ev[h].token, ev[h + 1].token)
    ):
        h -= 1
    if h < 0 or not _gap_ok(text, ev[h].token, ev[h + 1].token):
        return False
    head = ev[h].token
    if head.folded in HEADS_ANY:
        pass
    elif head.folded in HEADS_CAP:
        capital_name = head.is_cap and not head.sent_start
        prev_cap = (
            h > 0
            and ev[h - 1].token.folded.startswith(SCHOOL_ADJ)
            and _gap_ok(text, ev[h - 1].token, head)
        )
        if not (capital_name or prev_cap or head.text.isupper()):
            return False
    else:
        return False
    # "ulici Karla Čapka", "Divadle Petra Bezruče": the run ends in a genitive (or an initial)
    return _genitive(last, gaz) or (len(last) == 1 and i < len(ev) - 1)


def _before_street(text: str, ev, i: int, j: int) -> bool:
    if j + 1 >= len(ev) or ev[j + 1].token.folded not in STREET_AFTER:
        return False
    if not _gap_ok(text, ev[j].token, ev[j + 1].token):
        return False
    return ev[j].token.folded.endswith(POSSESSIVE_ENDINGS)


def ethnonym_vetoes(text: str, ev, scores: list[float], edited: bool, cues) -> None:
    """Zero the scores of ethnonyms and inhabitant names (see module doc)."""
    for i, e in enumerate(ev):
        if scores[i] > 0 and not e.token.is_cap and e.token.folded in slurs():
            scores[i] = 0.0
            continue
        if scores[i] <= 0 or not is_ethnonym(e.token.folded):
            continue
        if i > 0 and ev[i - 1].token.folded in cues:
            continue  # "pan Němec"
        known_name = e.given is not None or e.surname is not None
        if known_name:
            # a surname too (Němec, Polák, Čech): only plural forms, which a surname takes as
            # "Polákovi", never "Poláci"/"Němcům"/"Čechové"
            if not edited or not e.token.folded.endswith(PLURAL_ONLY):
                continue
            beside = any(
                0 <= k < len(ev)
                and scores[k] > 0
                and not is_ethnonym(ev[k].token.folded)
                and _gap_ok(text, ev[min(i, k)].token, ev[max(i, k)].token)
                for k in (i - 1, i + 1)
            )
            if beside:
                continue  # "Jan Němec"
        scores[i] = 0.0


# -- the words that introduce a contact -------------------------------------------------------
# In a child's lowercase writing the caseless CRF reads the word before a phone, an e-mail or a
# handle as a name ("mejl ma dvorak.jakub@…", "tiktok @kubik.p", "isic s 420 …", "volal mi ze
# skrytýho"): the slot is where a name often stands. These words introduce contacts and
# identifiers and are never names; folded forms, matched as whole PERSON spans.
_CONTACT_WORDS = frozenset("""
mejl mejlu mejlem mail mailu mailem email emailu emailem mobil mobilu mobilem telefon telefonu
tel cislo cisla cisle cislem skryteho skrytyho skryteho skryty neznameho neznamyho
tiktok tiktoku tiktokem instac instaci instace insta instagram instagramu ig snap snapu
snapchat snapchatu discord discordu dc roblox robloxu fortnite fortnitu steam steamu
twitch twitchi yt youtube youtubu whatsapp whatsappu telegram telegramu facebook facebooku fb
isic isicu spz heslo hesla heslem login loginem bakalari bakalaru bakalarich ucet uctu uctem
volaj volali volal volala pisou pisal pisala dekuji dekujeme dekuju
""".split())


def contact_word(text: str) -> bool:
    """Every word of ``text`` is a word that introduces a contact (never a name)."""
    words = _fold(text).split()
    return bool(words) and all(w in _CONTACT_WORDS for w in words)
