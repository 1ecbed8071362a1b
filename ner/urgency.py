"""Does a report point to a risk to life or health? A pure function of the text.

Why a rule list and not a model: the flag moves a report to the top of the moderator's
queue and changes what the pupil and the school see, so every decision must be
explainable ("this phrase matched") and cheap enough to run on every submission and
follow-up. Children write in lowercase, without diacritics and in slang, so every rule
works on the *folded* text (``ner.textutil.fold``: lowercase, no diacritics), the same
normalisation the name detector uses, and matches word stems that cover the inflected
forms (``zabiju``, ``zabije``, ``zabít``, ``zabijou``; ``nůž``, ``nožem``, ``nožík``).

Five categories, after the issue: suicide or self-harm (including telling someone to kill
themselves: "ať se zabije"), a weapon, a threat to kill, sexual abuse (including intimate
photos and extortion with them), and serious violence to health (concussion, broken
bones, strangling, unconsciousness). Ordinary bullying (pushing, hitting, insults, taking
things, exclusion) is deliberately *not* urgent: a flag on every second report would
mean nothing.

Cheap care against figurative use: "zabiju se smíchy", "mamka mě zabije", "to mě zabije",
killing and weapons inside a computer game ("v robloxu mě furt zabíjej"), water pistols.
Only the flag and the category leave this module; the caller decides what to store.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from ner.textutil import WORD_RE, fold


class UrgencyCategory(enum.StrEnum):
    SUICIDE_SELF_HARM = "suicide_self_harm"
    WEAPON = "weapon"
    THREAT_TO_KILL = "threat_to_kill"
    SEXUAL_ABUSE = "sexual_abuse"
    SERIOUS_VIOLENCE = "serious_violence"


#: Czech labels for staff surfaces and the bench output.
CATEGORY_LABELS_CS: dict[UrgencyCategory, str] = {
    UrgencyCategory.SUICIDE_SELF_HARM: "sebevražda nebo sebepoškozování",
    UrgencyCategory.WEAPON: "zbraň",
    UrgencyCategory.THREAT_TO_KILL: "výhrůžka zabitím",
    UrgencyCategory.SEXUAL_ABUSE: "sexuální zneužívání",
    UrgencyCategory.SERIOUS_VIOLENCE: "vážné ohrožení zdraví",
}


@dataclass(frozen=True)
class Urgency:
    """The verdict: ``category`` is the first category found (None when not urgent)."""

    urgent: bool
    category: UrgencyCategory | None = None
    #: every category found, in order of first appearance
    categories: tuple[UrgencyCategory, ...] = ()


NOT_URGENT = Urgency(False)

# --- words -------------------------------------------------------------------------------

#: kill verbs in every person, tense and aspect: zabít/zabíjet, umlátit, oddělat, podřezat…
_KILL = re.compile(
    r"^(?:zab[iy](?:t|ju|jes|je|jem|jeme|jete|jou|j|jte|jet|jel|jela|jeli|ji|jis|jim|jej|l|la|li"
    r"|ly|lo)|umlat(?:it|im|is|i|ime|ite|ej|ej|il|ila|ili)|oddel(?:at|am|as|a|ame|aj|al|ali)"
    r"|odprav(?:it|im|i|ime|il|ili)|zastrel(?:it|im|is|i|ime|il|ila|ili)|odprasknu|odprskne"
    r"|ubod(?:at|am|a|aji|al|ali)|uskrt(?:it|im|i|il|ili)|zardous(?:it|im|i|il)"
    r"|zapich(?:nu|ne|nout|nem|l|la|li))$")
#: "zabiju", "zabijem(e)": a threat of the writer's own even without an object ("zabiju Petra")
_FIRST_PERSON_KILL = re.compile(r"^(?:zab[iy]ju|zab[iy]jem|zab[iy]jeme|zastrelim|ubodam|umlatim"
                                r"|oddelam|odpravim|podrezu|podriznu|zapichnu)$")
_PODREZAT = re.compile(r"^podr[ie]z(?:at|u|e|es|eme|ou|nu|ne|nou|l|la|li|ni|ne)?$")
_OBJECT = {"te", "tebe", "me", "mne", "ho", "ji", "je", "vas", "nas", "jeho", "ju", "tu",
           "toho", "vsechny", "nej", "ni"}
_REFLEXIVE = {"se", "ses", "sebe"}
#: "zabiju se smíchy", "zabít čas": the next word turns the phrase into a figure of speech
_FIGURATIVE_AFTER = {"smichy", "smichem", "smich", "smichu", "nudou", "hanbou", "stydem",
                     "vztekem", "cas", "casu", "radosti", "chuti"}
#: "mamka mě zabije", "to mě zabije": hyperbole everybody uses about parents and chores
_FIGURATIVE_SUBJECT = {"mamka", "mama", "mamca", "mamina", "maminka", "tata", "tatka",
                       "tatik", "fotr", "mutr", "nasi", "rodice", "babicka", "deda",
                       "to", "tohle", "nuda", "matika", "matematika", "ucitelka", "brecht"}
#: killing and weapons inside a computer game are no threat to anybody
_GAME = re.compile(
    r"\b(?:roblox\w*|minecraft\w*|fortnit\w*|brawl\w*|gta|counter[ -]?strike|cs ?go|valorant"
    r"|pubg|free ?fire|among ?us|warzone|call of duty|cod|ve hre|v te hre|ve hrach|hrajeme"
    r"|game\w*|lobby|respawn\w*|level\w*|boss\w*|zombi\w*|moby|mobky)\b")

_SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+|\n+")

# --- phrase rules, on one folded sentence ------------------------------------------------

_SUICIDE = re.compile(
    r"\b(?:sebevra\w*|suicid\w*|self ?harm\w*|sebeposkoz\w*|kys"
    r"|(?:ne)?chci (?:(?:uz|dal|vubec|uplne) )*(?:umrit|zemrit|byt mrtv\w*|zdechnout|chcipnout)"
    r"|(?:chtel|chtela|radsi) bych (?:(?:uz|radsi|nejradsi) )*"
    r"(?:umrit|zemrit|(?:byt|byl|byla) mrtv\w*|umrel\w*)"
    r"|kez bych (?:byl|byla) mrtv\w*|kez bych (?:neexistoval\w*|se nenarodil\w*)"
    r"|nechci (?:(?:uz|dal|vubec|tady|takhle|ani) )*zit|nema (?:cenu|smysl) (?:uz )?zit"
    r"|nemam (?:proc|pro co) zit|nebavi me (?:uz )?zit"
    r"|(?:rezu|reze|rezes|rezala|rezal|rezou|rezat|rezala jsem|poskozuju|poskozuje|ublizuju"
    r"|ublizuje|ublizim|ublizit|palim) (?:si |se )?(?:se|si)\b(?! s )"
    r"|se (?:\w+ )?(?:rezu|reze|rezes|rezala|rezal|rezat|rezou)\b(?! s )"
    r"|(?:pod|pro)?r[ie]z\w* (?:si )?(?:\w+ )?(?:zily|zapesti)"
    r"|(?:po)?rez\w* (?:jsem |sem )?(?:se |si )(?:\w+ )?"
    r"(?:ruk\w*|ruc\w*|zapesti|stehn\w*|predlokti)"
    r"|obes(?:it|im|i|il|ila) se|se obes(?:it|im|i|il|ila)"
    r"|(?:(?:vy)?skoc(?:im|i|it|ila|il)|hodim se|hodi se|hodit se|vrhnu se) (?:z |ze |pod )"
    r"(?:okna|mostu|strechy|balkonu|vlak\w*|aut\w*|tramvaj\w*|skaly|panelaku)"
    r"|predavkov\w*|spolyk\w* (?:\w+ )?(?:prask\w*|leky|leku|tablet\w*)"
    r"|skoncit se zivotem|skoncim se zivotem|skoncim se sebou"
    r"|zdechni|chcipni|at (?:uz )?(?:zdechne|chcipne))\b")
#: "nožík", "nožem", "nůž" (folded "nuz"); "nože" folds like "noze" (on the leg), so only
#: after words that cannot be followed by a leg
_WEAPON = re.compile(
    r"\b(?:nuz|nozem|nozik\w*|nozick\w*|noze(?= (?:na|a|v|do|u|v ruce))|(?:vytahl|vytahla"
    r"|vytahnul|mel|mela|ma|nosi|ukazal|ukazoval|prinesl|vzal) (?:\w+ )?noze|kudl(?:a|u|ou|y|i)"
    r"|kapesak\w*|macet\w*|pistol\w*|bouchack\w*|revolver\w*|zbran\w*|pusk(?:a|u|ou|y)"
    r"|vzduchovk\w*|plynovk\w*|obus(?:ek|kem|ku)|boxer(?:y|ama|em) na ruce|paralyzer\w*"
    r"|teleskop\w*|sekerou|strelnou|postril\w*|strilet (?:do|na) (?:lid|deck|skol)\w*"
    r"|strelba\w*|strelbu)\b")
_TOY_WEAPON = re.compile(r"\b(?:vodni|nerf\w*|hrack\w*|plastov\w*|detsk\w*|na vodu)\b")
#: a photo or a video (not "fotbal", not "viděl"); naked or intimate
_PIC = r"(?:fot(?!bal)\w*|vide(?:o|a|u|em|ich|ech|ach|jk\w*)|snim(?:ek|k)\w*|obrazk\w*|nahravk\w*)"
_NAKED = (r"(?:nah(?:a|e|y|ou|ych|ym|ymi|ata|atou|aty|ate|atych|atej|ej|ejch)|intimn\w*|eroticke"
          r"|sexy)")
_SEXUAL = re.compile(
    r"\b(?:osahav\w*|osahal\w*|osahat\w*|osahan\w*|znasiln\w*|pedofil\w*"
    r"|sexualn\w* (?:obtez\w*|zneuz\w*|napad\w*|utok\w*)|sexualne (?:obtez\w*|zneuz\w*)"
    r"|zneuz(?:il|ila|ili|ival|ivala|ivali|iva|ivaji|ivat) (?:me|ji|ho|nas|je)"
    r"|nudes\w*|nudesk\w*|nahotin\w*|dick ?pic\w*"
    rf"|{_NAKED} (?:\w+ )?{_PIC}|{_PIC} (?:\w+ )?(?:{_NAKED}|bez obleceni|v pradle|do naha"
    r"|(?:sveho |svyho )?(?:penis\w*|pindik\w*|prirozeni))"
    r"|(?:sahal\w*|saha|sahaji|sahali|sahat) (?:mi |ji |jí |ho |nam )?(?:\w+ )?(?:na|pod|do) "
    r"(?:prsa|prsou|zadek|zadku|prdel|rozkrok\w*|kalhotk\w*|kozy|sukni|podprsenk\w*|intim\w*)"
    r"|ukazoval\w* (?:mi |nam )?(?:svuj |svoje )?(?:penis|pindik\w*|prirozeni|pindu|pero)"
    r"|(?:chtel\w*|chce|nutil\w*|nuti) (?:\w+ )?(?:abych|at|aby) se (?:svlekl\w*|svlikl\w*"
    r"|svlekla|vysvlekla|ukazala nah\w*)|svlec se)\b")
#: photos/videos taken in showers, cubicles or while changing
_VOYEUR = re.compile(r"\b(?:sprch\w*|sprs\w*|kabink\w*|prevlek\w*|pod sukni|do sukne)\b")
_FILMING = re.compile(rf"\b(?:natoc\w*|natac\w*|{_PIC}|vyfot\w*|nafot\w*|nahral\w*"
                      r"|nahrav\w*|snim\w*)\b")
#: extortion with photos: "vydírá mě s fotkama", "jinak ji pošle všem", "za 500 Kč"
_EXTORT = re.compile(r"\b(?:vydir\w*|jinak (?:ji|je|to|ho) (?:posle|rozesle|zverejn\w*"
                     r"|da|hodi|ukaze)|smaze (?:to |ji |je )?(?:jen|az) (?:kdyz|jestli|pokud)"
                     r"|jestli (?:mu |ji )?neposl\w* dals\w*|chce (?:po me )?dals\w* fot\w*)\b")
_PHOTO = re.compile(rf"\b{_PIC}\b")
_SENT_OWN_PHOTO = re.compile(r"\b(?:poslal|poslala) (?:jsem |sem )?(?:\w+ ){0,3}fot\w*")
_VIOLENCE = re.compile(
    r"\b(?:otres\w* mozk\w*|zlomen\w* (?:ruk|nos|noh|zebr|celist|prst|klicn|zap\w*)\w*"
    r"|(?:ruk|nos|noh|zebr|celist|prst|klicn)\w* (?:ma |mam |mel |mela )?zlomen\w*"
    r"|zlomil\w* (?:mi |mu |ji |jí |ho )?(?:\w+ )?(?:ruku|nos|nohu|zebr\w*|prst\w*|celist|klicni)"
    r"|bezvedom\w*|ztratil\w* vedomi|do bezvedomi|v bezvedomi"
    r"|(?:skrtil\w*|skrti|skrtit|skrtili|dusil\w*|dusi) (?:\w+ )?(?:me|ho|ji|nas|krk\w*)"
    r"|kopal\w* (?:me |ho |ji )?do hlavy|skopal\w*|mlatil\w* (?:me |ho |ji )?hlavou"
    r"|(?:hlavou|hlavu) (?:o|do) (?:zed|zdi|zem|radiator\w*|lavic\w*|roh\w*|skrink\w*)"
    r"|pobodal\w*|ubodal\w*|bodnul\w*|bodl (?:me|ho|ji)|vyrazil\w* (?:mi |mu |ji )?zub\w*"
    r"|v sadre|do sadry|sadru|polil\w* (?:\w+ )?benzin\w*|zapalil\w* (?:mi |mu |ji )?vlas\w*"
    r"|(?:odvezl\w*|odvezli|vezla|prijela|volali|zavolali) (?:\w+ ){0,3}(?:sanitk\w*|zachrank\w*)"
    r"|(?:osetren\w*|osetrovali|hospitaliz\w*|skoncil\w*|lezi|lezel\w*) (?:\w+ ){0,3}"
    r"(?:v nemocnic\w*|na pohotovost\w*|na chirurgi\w*|na jip\w*))\b")


_NON_WORD = re.compile(r"[^\w]+")


def _sentences(folded: str) -> list[str]:
    """Sentences of the folded text with punctuation collapsed to single spaces, so a
    comma or quote inside a phrase ("chtěl, abych se svlékla") does not hide it."""
    return [" " + _NON_WORD.sub(" ", s).strip() + " " for s in _SENT_SPLIT.split(folded)
            if s.strip()]


def _kill_verbs(words: list[str]) -> list[UrgencyCategory]:
    """Kill verbs: with ``se`` nearer than an object it is about oneself (or telling
    someone to kill themselves), with an object pronoun it is a threat."""
    found: list[UrgencyCategory] = []
    for i, word in enumerate(words):
        podrezat = bool(_PODREZAT.match(word))
        if not podrezat and not _KILL.match(word):
            continue
        after = words[i + 1:i + 3]
        if after[:1] and after[0] in _FIGURATIVE_AFTER or (
                after[:1] == ["se"] and after[1:2] and after[1] in _FIGURATIVE_AFTER):
            continue
        before = words[max(0, i - 3):i]
        window = list(reversed(before)) + after
        if any(w in _FIGURATIVE_SUBJECT for w in before[-2:]) and not podrezat:
            continue
        reflexive = _distance(before, after, _REFLEXIVE, 2, 1)
        target = _distance(before, after, _OBJECT, 3, 2)
        if podrezat and ("si" in window or "zily" in window or "zapesti" in window):
            found.append(UrgencyCategory.SUICIDE_SELF_HARM)
        elif reflexive is not None and (target is None or reflexive <= target):
            found.append(UrgencyCategory.SUICIDE_SELF_HARM)
        elif target is not None or podrezat or _FIRST_PERSON_KILL.match(word):
            found.append(UrgencyCategory.THREAT_TO_KILL)
    return found


def _distance(before: list[str], after: list[str], words: set[str], back: int,
              ahead: int) -> int | None:
    """How far the nearest of ``words`` is from the verb (1 = next to it), or None."""
    best = None
    for d, w in enumerate(reversed(before[-back:]), start=1):
        if w in words:
            best = d
            break
    for d, w in enumerate(after[:ahead], start=1):
        if w in words and (best is None or d < best):
            best = d
            break
    return best


def _sentence_categories(sentence: str) -> list[UrgencyCategory]:
    found: list[UrgencyCategory] = []
    words = [m.group(0) for m in WORD_RE.finditer(sentence)]
    game = bool(_GAME.search(sentence))
    if _SUICIDE.search(sentence):
        found.append(UrgencyCategory.SUICIDE_SELF_HARM)
    if not game:
        found.extend(_kill_verbs(words))
        if _WEAPON.search(sentence) and not _TOY_WEAPON.search(sentence):
            found.append(UrgencyCategory.WEAPON)
    if _SEXUAL.search(sentence) or (_VOYEUR.search(sentence) and _FILMING.search(sentence)) or (
            _EXTORT.search(sentence) and _PHOTO.search(sentence)):
        found.append(UrgencyCategory.SEXUAL_ABUSE)
    if _VIOLENCE.search(sentence):
        found.append(UrgencyCategory.SERIOUS_VIOLENCE)
    return found


def classify_urgency(text: str) -> Urgency:
    """Urgent or not, and why (the category); pure, no I/O, safe on any string."""
    folded = fold(text or "")
    if not folded.strip():
        return NOT_URGENT
    found: list[UrgencyCategory] = []
    for sentence in _sentences(folded):
        found.extend(_sentence_categories(sentence))
    # a photo the pupil sent privately, then used to coerce them ("smaže to, jen když…")
    if _SENT_OWN_PHOTO.search(folded) and _EXTORT.search(folded):
        found.append(UrgencyCategory.SEXUAL_ABUSE)
    categories = tuple(dict.fromkeys(found))
    if not categories:
        return NOT_URGENT
    return Urgency(True, categories[0], categories)
