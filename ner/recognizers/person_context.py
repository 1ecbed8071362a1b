"""A known name written in lowercase (or ALL CAPS) counts where the sentence says "person".

Children write names without capitals ("dana mi rika", "sedim s radkem", "bojim se josefa"),
and many given names are also frequent words in wordfreq's counts (josefa, dana, radkem), so
the frequency guards of ``names`` keep them out. Here the gazetteer reading of such a word
counts when its neighbours say it is a person, not a thing:

- a verb of saying or doing that reports use of people follows (past or present, 3rd person,
  with or without diacritics), possibly after a clitic or a short adverb, and the word is the
  name itself (a subject is in the nominative): "dana mi rika", "josef zase zbil";
- it is a popular given name right after such a verb, its object ("zbil josefa", "bojim se
  vojtecha");
- it is a popular given name in a case form at the start of a sentence, addressed: a comma,
  "!" or "ty" follows ("dano, pockej", "dano ty jsi nula");
- a preposition that takes a person in that case stands before it, the word has that case's
  ending and reads as a popular given name: "s radkem", "se danou", "k radkovi";
- it is the name itself, coordinated with a name already found: "dana a niki", "niki, dana
  a ema".

Only popular readings count (a given name or surname in the gazetteer's top ``MAX_RANK``, not
marked ambiguous), and never a very frequent word (Zipf ``MAX_ZIPF``: tomu, rika, ale stay out).

Words no list knows as a popular name (``apply_unknown``): a misspelt or foreign given name
("nykolas", "sebastyana"), a nickname ("zbili smudlu", "s pupikem"), a surname that is also an
ordinary word ("ten skala", "jelen rekl"). The same positions count — subject of a verb only
people do, object of a verb done to people, a preposition's person case — when the word is
(a) no word of the frequency lexicon at all (Zipf < ``RARE_ZIPF``), or (b) not too frequent a
word (Zipf < ``WORD_ZIPF``) with further evidence that it names a person: any name reading in
the gazetteer (rare or ambiguous: skala, jelen, sova), "ten/ta/ty" right before it as a subject,
or a gender mismatch (a word in -a as the subject of a masculine past verb: "louka se smal",
"skala rekl" — a boy with a surname in -a, not a meadow). Kin and role words ("brácha rekl",
"táta zbil"), adjectives ("ten maly mi rekl") and a word after a preposition are never taken.
"""

from __future__ import annotations

from ..role_words import is_role_word
from ..textutil import fold

MAX_RANK = 1000
MAX_ZIPF = 5.0
SCORE = 0.7

#: 3rd-person verbs of saying and doing in bullying reports, folded (stems as written)
SAY_DO = frozenset(fold(w) for w in """
řekl řekla řekli říká říkal říkala říkají říkaj napsal napsala napsali píše psal psala psali
zbil zbila zbili bije bijou mlátí mlátil mlátila kope kopl kopla kopnul kopnula štípe štípá
strká strčil strčila směje smál smála smáli nadává nadával nadávala posmívá posmíval otravuje
otravoval vyhrožuje vyhrožoval vyhrožovala vzal vzala vzali bere brala sebral sebrala ukradl
ukradla čeká čekal čekala křičí křičel křičela řve řval brečí brečel brečela plakala šikanuje
šikanoval pomlouvá pomlouval shodil shodila strčil zamkl zamkla natáčí natočil natočila fotil
fotila poslal poslala posílá sdílí sdílel sdílela zesměšňuje ubližuje ubližoval
""".split())
#: "bojím se X": fear takes a person in the genitive
FEAR = frozenset(fold(w) for w in "bojím bojim bojí boji bála bál".split())
#: words that may stand between the name and the verb ("dana mi rika", "josef zase zbil")
SKIP = frozenset(fold(w) for w in """
mi mě me mně nám nás nas ti tě te ho ji jí je se si to taky furt pořád porad zase zas už uz
vždycky vcera včera dneska dnes hned pak potom jen prý prej
""".split())
#: preposition → endings of the case it takes for a person (folded)
PREP_CASE = {"s": ("em", "ou"), "se": ("em", "ou"), "k": ("ovi",), "ke": ("ovi",)}
PREP_MAX_RANK = 300  # a preposition is weaker evidence: only popular given names
CONJ = {"a", "i", ","}

UNKNOWN_WORDS = True  # words no popular reading covers, by position (apply_unknown)
RARE_ZIPF = 1.5  # below this a word is in no frequency list: a name, a nickname, a misspelling
WORD_ZIPF = 4.0  # up to this an ordinary word may name a person, given further evidence
#: verbs done to a person (their object is one): "zbili smudlu", "rikaj smudlu", "bojim se X"
TO_PERSON = frozenset(fold(w) for w in """
zbil zbila zbili bije bijou mlátí mlátil mlátila mlátili kope kopl kopla kopnul kopnula štípe
štípá strká strčil strčila nadává nadával nadávala otravuje otravoval vyhrožuje vyhrožoval
vyhrožovala šikanuje šikanoval šikanujou pomlouvá pomlouval pomlouvala pomlouvaj shodil shodila
zamkl zamkla zamkli zesměšňuje ubližuje ubližoval nesnáší nenávidí
""".split()) | FEAR
#: a preposition before a word makes it no subject (case forms after "v", "na", "se" …)
PREPOSITIONS = frozenset(fold(w) for w in """
v ve na do z ze od k ke s se u o po pro před pred za pod nad mezi bez vedle kolem okolo při pri
""".split())
DETERMINERS = frozenset({"ten", "ta", "ty", "tej", "toho", "tu"})
#: adjective endings (folded): "ten maly", "ten velkej", "ta nova" are no names
ADJECTIVE_ENDS = ("y", "i", "ej", "eho", "emu", "ym", "ych", "ova")
#: endings of finite verbs and past participles (folded): a rare word with one and no name
#: reading is a verb the lexicon lacks in that form ("nahlasim", "napomenula"), no name
VERB_ENDS = ("im", "am", "ou", "me", "te", "l", "la", "li", "lo")


def _known(e) -> bool:  # noqa: ANN001 - names.TokenEvidence
    # called for every word of every text: the commonest answer (no name reading) first
    g, s = e.given, e.surname
    if g is None and s is None:
        return False
    t = e.token
    if not t.is_alpha or len(t.folded) < 3 or e.common >= MAX_ZIPF:
        return False
    if t.is_cap and not t.is_upper:
        return False  # capitalised words are the other layers' business
    return (g is not None and not g.entry.ambiguous and g.entry.rank <= MAX_RANK) or (
        s is not None and not s.entry.ambiguous and s.entry.rank <= MAX_RANK)


def _base_form(e) -> bool:  # noqa: ANN001
    return any(
        m is not None and m.exact and not m.entry.ambiguous and m.entry.rank <= MAX_RANK
        for m in (e.given, e.surname)
    )


def _verb_follows(ev, i: int) -> bool:  # noqa: ANN001
    j = i + 1
    while j < len(ev) and j - i <= 3 and not ev[j].token.sent_start:
        f = ev[j].token.folded
        if f in SAY_DO:
            return True
        if f not in SKIP:
            return False
        j += 1
    return False


def _object_of_verb(ev, i: int) -> bool:  # noqa: ANN001
    """A popular given name right after a verb of doing (its object): "zbil josefa",
    "bojim se vojtecha", "KOPNUL DANU"."""
    g = ev[i].given
    if g is None or g.entry.ambiguous or g.entry.rank > PREP_MAX_RANK or ev[i].token.sent_start:
        return False
    j = i - 1
    while j >= 0 and i - j <= 2 and ev[j].token.folded in SKIP and not ev[j].token.sent_start:
        j -= 1
    return j >= 0 and (ev[j].token.folded in SAY_DO or ev[j].token.folded in FEAR)


def _addressed(text: str, ev, i: int) -> bool:  # noqa: ANN001
    """A popular given name in a case form, addressed: at the start of a sentence or line and
    followed by a comma, "!" or "ty" ("dano, pockej", "dano!!", "dano ty jsi nula")."""
    e = ev[i]
    g = e.given
    if g is None or g.exact or g.entry.ambiguous or g.entry.rank > PREP_MAX_RANK:
        return False
    if not e.token.sent_start:
        return False
    after = text[e.token.end : e.token.end + 2].lstrip(" ")[:1]
    nxt = ev[i + 1].token.folded if i + 1 < len(ev) else ""
    return after in (",", "!") or nxt == "ty"


def _preposition_before(ev, i: int) -> bool:  # noqa: ANN001
    if i == 0 or ev[i].token.sent_start:
        return False
    endings = PREP_CASE.get(ev[i - 1].token.folded)
    g = ev[i].given
    return (
        bool(endings)
        and ev[i].token.folded.endswith(endings)
        and g is not None
        and not g.entry.ambiguous
        and g.entry.rank <= PREP_MAX_RANK
    )


def _coordinated(text: str, ev, i: int, scores: list[float],  # noqa: ANN001
                 plain: bool = False) -> bool:
    """Next to a found name in a list; ``plain``: only "X a Y", "X i Y" or "X, Y"."""
    for j in (i - 2, i + 2):
        if 0 <= j < len(ev) and scores[j] > 0:
            a, b = (j, i) if j < i else (i, j)
            middle = ev[(a + b) // 2].token.folded
            gap = text[ev[a].token.end : ev[b].token.start]
            if plain and gap.strip() not in ("a", "i"):
                continue
            if middle in CONJ and len(gap) <= 5 and "\n" not in gap:
                return True
    for j in (i - 1, i + 1):  # "niki, dana"
        if 0 <= j < len(ev) and scores[j] > 0:
            a, b = (j, i) if j < i else (i, j)
            if text[ev[a].token.end : ev[b].token.start].strip() == ",":
                return True
    return False


def _near_hole(text: str, ev, i: int, holes) -> bool:  # noqa: ANN001
    a = ev[i - 3].token.end if i >= 3 else 0
    b = ev[i + 3].token.start if i + 3 < len(ev) else len(text)
    return any(h0 < b and a < h1 for h0, h1 in holes)


def _unknown_candidate(e) -> bool:  # noqa: ANN001 - names.TokenEvidence
    """A lowercase/ALL-CAPS word that may be a name no popular reading covers."""
    t = e.token
    if e.common >= WORD_ZIPF or not t.is_alpha or len(t.folded) < 3 or "-" in t.folded:
        return False
    if t.is_cap and not t.is_upper and not (t.sent_start and e.common < RARE_ZIPF):
        # capitalised words are the other layers' business, but a capital at a sentence start
        # says nothing: a word in no frequency list there is judged by position as in lowercase
        return False
    f = t.folded
    return not (f in SKIP or f in SAY_DO or f in TO_PERSON or f in PREPOSITIONS
                or f in DETERMINERS or is_role_word(f))


def _has_reading(e) -> bool:  # noqa: ANN001
    return e.given is not None or e.surname is not None


def _rare(e) -> bool:  # noqa: ANN001
    """In no frequency list, and with a name reading or no verb ending."""
    return e.common < RARE_ZIPF and (_has_reading(e) or not e.token.folded.endswith(VERB_ENDS))


def _spaced(text: str, ev, a: int, b: int) -> bool:  # noqa: ANN001
    """Only spaces between tokens a < b (no comma, no full stop: one clause)."""
    return all(not text[ev[k].token.end : ev[k + 1].token.start].strip() for k in range(a, b))


def _unknown_subject(text: str, ev, i: int) -> bool:  # noqa: ANN001
    """Subject of a verb only people do: "nykolas vzal", "ten skala me zbil", "louka se smal"."""
    if not _verb_follows(ev, i):
        return False
    e = ev[i]
    verb_at = next(j for j in range(i + 1, min(len(ev), i + 5)) if ev[j].token.folded in SAY_DO)
    prev = ev[i - 1].token.folded if i and not e.token.sent_start else ""
    if prev in PREPOSITIONS or not _spaced(text, ev, i, verb_at):
        return False
    if _rare(e):
        return True
    if e.token.folded.endswith(ADJECTIVE_ENDS):
        return False
    if prev in DETERMINERS or _has_reading(e):
        return True
    return e.token.folded.endswith("a") and ev[verb_at].token.folded.endswith("l")


def _unknown_object(text: str, ev, i: int) -> bool:  # noqa: ANN001
    """Object of a verb done to people: "zbili smudlu", "bojim se sebastyana"."""
    e = ev[i]
    if e.token.sent_start:
        return False
    j = i - 1
    while j >= 0 and i - j <= 2 and ev[j].token.folded in SKIP and not ev[j].token.sent_start:
        j -= 1
    if j < 0 or ev[j].token.folded not in TO_PERSON or not _spaced(text, ev, j, i):
        return False
    return _rare(e) or (
        _has_reading(e) and not e.token.folded.endswith(ADJECTIVE_ENDS))


def _unknown_after_preposition(text: str, ev, i: int) -> bool:  # noqa: ANN001
    """A person's case after a preposition: a word in no frequency list with a name reading,
    however rare ("s kuldou", "s pupikem"; things take -em/-ou too: "s metodikem", "s lupou"),
    or with -ovi, a person's or an animal's ending alone ("k nykolasovi")."""
    if i == 0 or ev[i].token.sent_start or not _spaced(text, ev, i - 1, i):
        return False
    endings = PREP_CASE.get(ev[i - 1].token.folded)
    e = ev[i]
    if not endings or not e.token.folded.endswith(endings):
        return False
    return e.common < RARE_ZIPF and (_has_reading(e) or e.token.folded.endswith("ovi"))


#: what follows a subject "first name + surname": a clitic or a verb ("hynek louka me strka")
_AFTER_SUBJECT = frozenset(fold(w) for w in "mi mě me mu ho jí ji nám nás vám je se si".split())


def _surname_after_given(text: str, ev, i: int, scores: list[float]) -> bool:  # noqa: ANN001
    """A lowercase word between a found given name in its base form and a clitic or a verb
    only people do is the surname: "hynek louka me furt shazuje", "adam skala rekl"."""
    if i == 0 or i + 1 >= len(ev) or ev[i].token.sent_start or scores[i - 1] <= 0:
        return False
    g = ev[i - 1].given
    if g is None or not g.exact or ev[i].token.folded.endswith(ADJECTIVE_ENDS):
        return False
    nxt = ev[i + 1].token.folded
    return (nxt in _AFTER_SUBJECT or nxt in SAY_DO) and _spaced(text, ev, i - 1, i + 1)


def apply_unknown(text: str, ev, scores: list[float], holes=()) -> set[int]:  # noqa: ANN001
    """Raise words no popular reading covers where their position says person (module doc);
    returns them (lists of people may then carry their neighbours)."""
    found = set()
    for i, e in enumerate(ev):
        if scores[i] > 0 or not _unknown_candidate(e):
            continue
        if holes and _near_hole(text, ev, i, holes):
            continue
        if (_unknown_subject(text, ev, i) or _unknown_object(text, ev, i)
                or _unknown_after_preposition(text, ev, i)
                or _surname_after_given(text, ev, i, scores)):
            scores[i] = SCORE
            found.add(i)
    return found


def apply(text: str, ev, scores: list[float], holes=()) -> None:  # noqa: ANN001
    """Raise the score of known names in lowercase/ALL CAPS whose context says person.

    A word whose context touches a placeholder of an earlier redaction (``holes``) is left
    alone: its neighbours read differently there than in the original ("KUBA [OSOBA 1] bere"
    would put a verb right after it), and redacting twice must find nothing new."""
    candidates = [
        i for i, e in enumerate(ev)
        if scores[i] <= 0 and _known(e) and not (holes and _near_hole(text, ev, i, holes))
    ]
    unknown = apply_unknown(text, ev, scores, holes) if UNKNOWN_WORDS else set()
    if not candidates and not unknown:
        return
    # a subject before a verb, or a list of people, stands in the nominative: the word itself
    # must be the name ("dana", "niki"), not a case form that may be a noun's ("hodině vzal")
    base = {i for i in candidates if _base_form(ev[i])}
    for i in candidates:
        if (
            (i in base and _verb_follows(ev, i))
            or _preposition_before(ev, i)
            or _object_of_verb(ev, i)
            or _addressed(text, ev, i)
        ):
            scores[i] = SCORE
    # a word in no frequency list joins a list of people in any case ("se sebastyana a nykolase")
    # a word in no frequency list joins a plain list of people in any case ("se sebastyana
    # a nykolase"; not across a clause: "že to nahlásím, a radek se smál")
    rare = {i for i, e in enumerate(ev) if UNKNOWN_WORDS and scores[i] <= 0 and _rare(e)
            and _unknown_candidate(e) and not (holes and _near_hole(text, ev, i, holes))}
    changed = True
    while changed:  # lists of people: one found name carries its neighbours
        changed = False
        for i in base | rare:
            if scores[i] <= 0 and _coordinated(text, ev, i, scores, plain=i in rare):
                scores[i] = SCORE
                changed = True
