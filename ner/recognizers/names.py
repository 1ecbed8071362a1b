"""PERSON: gazetteers + Czech morphology + spaCy (NER, NameType) + context cues.

Each source gives per-token evidence; ``decide`` turns it into PERSON tokens:

- capitalised mid-sentence and a gazetteer name (any case form), or tagged as a name by spaCy;
- capitalised at a sentence start: only an unambiguous name that is not a common word;
- lowercase (children write ``lukas``, ``honzovi``): a popular, unambiguous given name or
  nickname whose form is not an ordinary Czech word;
- next to a detected name: surnames, initials ("J. Novák", "Tomáš H."), unknown capitalised words;
- after a context cue ("paní učitelka X", "kluk jménem X", "Mgr. X", a chat speaker "X:").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..crf import token_vectors
from ..gazetteer import Gazetteer, NameMatch
from ..merge import NAME_PARTICLES  # lowercase inner parts of foreign names (van den, al)
from ..role_words import is_role_word
from ..span import Span
from ..tagger import features, get_tagger
from ..textutil import Token
from . import person_context, vetoes

# spaCy entity types that veto a weak name reading ("v Olomouci", "Lidl", "TikTok").
NON_PERSON_ENTS = {"GPE", "LOC", "ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART"}
# Lowercase names are accepted only from these origins (Czech list and the hand-written lists of
# the largest foreign communities), up to this popularity rank: the long foreign tails of
# names-dataset collide with inflected Czech words (Zoran ~ zorané, Branko ~ branku).
LOWER_MAX_RANK = {
    "cz": 2500,
    "vi": 300,
    "uk": 300,
    "mn": 300,
    "ar": 300,
    "pl": 150,
    "eu": 150,
    "ru": 150,
}
LOWER_MAX_ZIPF = 3.0
# Capitalised mid-sentence words: how common an ordinary word may be and still be read as a name
# (wordfreq folds case, so "Moskva"/"Francie" are frequent words, "Novák" is not).
COMMON_CAP_STRONG = 99.0
COMMON_CAP_WEAK = 4.5
COMMON_CAP_MODEL = 99.0
# CNEC-trained tagger (tagger.py): a capitalised word with a margin above TAG_ADD is a name
# even if nothing else knows it; a gazetteer/spaCy reading with a margin below TAG_VETO is vetoed.
TAG_ADD = -1.5
TAG_VETO = -8.0  # against a gazetteer reading
TAG_VETO_MODEL_ONLY = -2.0  # against a spaCy-only reading (no gazetteer name)
VETO_EXEMPT_RANK = 300
GROW_VETO = -10.0  # a neighbour with a margin below this is not pulled into a name
# CNEC-trained CRF (crf.py, recognizers/crf.py), thresholds on P(name) chosen on CNEC dtest.
CRF_ADD = 0.1  # a capitalised mid-sentence word above this is a name
CRF_ADD_LOWER = 0.35  # a lowercase word above this is a name (if not an ordinary word)
CRF_LOWER_MAX_ZIPF = 3.0
# a lowercase word the gazetteer knows as a name ("josefa", "niki", "radkem", "dana") may be
# more frequent: wordfreq counts the name's own uses; the CRF (trained on lowercased copies too)
# must then be surer
CRF_LOWER_NAME_MAX_ZIPF = 5.0
CRF_ADD_LOWER_NAME = 0.35
LOWER_NAME_RANK = 1000  # "a known name": in the gazetteer's top ranks (not "bery" for "bere")
CRF_ADD_SENT = 0.5  # a capitalised sentence start above this (if not a frequent word)
CRF_SENT_MAX_ZIPF = 3.5
CRF_VETO = 0.05  # a capitalised gazetteer/spaCy hit below this in edited text is not a name
CRF_GROW_VETO = 0.01  # nor is a capitalised neighbour pulled into a name below this
CRF_REPLACES_TAGGER_ADD = False  # True: with the CRF, the linear tagger adds no names
CRF_VETO_EXEMPT_RANK = 300  # popular given names in base form (Kuba, Jana) are never vetoed
CRF_HYSTERESIS = 0.05  # with placeholders in the text: add less, veto more (see _tagged_score)
EDITED_CAP_SHARE = 0.5  # edited text: at least this share of sentences start with a capital
VETO_RANK = 800  # spaCy's place/organisation reading overrides all but popular names
MODEL_NEEDS_BOTH = False
PERSON_CONTEXT = True  # lowercase known names where the sentence says person: person_context.py
VETOES = True  # titles (Divadlo Petra Bezruče) and ethnonyms (Pražan): see vetoes.py
# Cue words (folded) after which the next word is a name if it looks like one at all.
CUES = {
    "pan",
    "pana",
    "panu",
    "panem",
    "pane",
    "pani",
    "panove",
    "slecna",
    "slecny",
    "slecne",
    "slecnou",
    "ucitel",
    "ucitele",
    "uciteli",
    "ucitelem",
    "ucitelka",
    "ucitelky",
    "ucitelce",
    "ucitelku",
    "ucitelkou",
    "ucitelko",
    "ucitelkam",
    "ridic",
    "trener",
    "trenera",
    "trenerka",
    "trenerky",
    "vychovatelka",
    "asistentka",
    "asistent",
    "reditel",
    "reditele",
    "reditelka",
    "reditelky",
    "zastupkyne",
    "jmenem",
    "jmenuje",
    "jmenujou",
    "jmenovala",
    "jmenoval",
    "prezdivkou",
    "prezdivka",
    "rikaji",
    "rikame",
    "rikaj",
    "kamarad",
    "kamarada",
    "kamaradka",
    "kamaradky",
    "kamaradem",
    "kamaradkou",
    "spoluzak",
    "spoluzaka",
    "spoluzacka",
    "spoluzacky",
    "spoluzakem",
    "spoluzackou",
    "brach",
    "bracha",
    "brachy",
    "bratr",
    "bratra",
    "bratrem",
    "segra",
    "segru",
    "sestra",
    "sestru",
    "sestrou",
    "mgr",
    "ing",
    "bc",
    "mudr",
    "phdr",
    "paedr",
    "rndr",
    "judr",
    "doc",
    "prof",
    "kluk",
    "holka",
    "holky",
    "kluka",
}
# after these cue words the name is usually one more word away ("pani ucitelka X", "jmenuje se X")
CUE_SKIP = {
    "ucitelka",
    "ucitelky",
    "ucitelce",
    "ucitelku",
    "ucitelkou",
    "ucitel",
    "ucitele",
    "uciteli",
    "ucitelem",
    "se",
    "reditelka",
    "reditel",
    "mu",
    "ji",
    "jim",
    "tridni",
    "tridniho",
    "tridnimu",
    "trenerka",
    "trener",
    "asistentka",
    "vychovatelka",
    "mgr",
    "ing",
    "bc",
    "je",
    "byl",
    "byla",
}
TITLE_CUES = {
    "pan",
    "pana",
    "panu",
    "panem",
    "pane",
    "pani",
    "slecna",
    "slecny",
    "slecne",
    "slecnou",
    "ucitel",
    "ucitele",
    "uciteli",
    "ucitelem",
    "ucitelka",
    "ucitelky",
    "ucitelce",
    "ucitelku",
    "ucitelkou",
    "reditel",
    "reditele",
    "reditelka",
    "reditelky",
    "trener",
    "trenera",
    "trenerka",
    "mgr",
    "ing",
    "bc",
    "mudr",
    "phdr",
    "paedr",
    "rndr",
    "judr",
    "doc",
    "prof",
}
ROMAN_RE = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
WEAK_CUES = {"kluk", "holka", "holky", "kluka"}  # only with "jménem"/"se jmenuje" after them


@dataclass(slots=True)
class TokenEvidence:
    """What every layer knows about one word (slotted: built for every word of every text)."""

    token: Token
    given: NameMatch | None = None
    surname: NameMatch | None = None
    sp_person: bool = False
    sp_other: bool = False
    ent: str = ""  # spaCy entity type of the token ("" outside entities)
    name_type: bool = False  # spaCy morphology NameType=Giv/Sur on a PROPN
    propn: bool = False
    common: float = 0.0
    score: float = 0.0
    margin: float | None = None  # CNEC-trained tagger (capitalised words only), > 0 = name
    crf: float | None = None  # CNEC-trained CRF: P(inside a person name), any word
    place: str = ""  # a place name ("E") or a case form of one ("F"): a CRF feature
    vec: Any = None  # spaCy's tok2vec values for the token, projected (crf.VectorProjection)


def _best(matches: list[NameMatch], kind: str) -> NameMatch | None:
    ms = [m for m in matches if m.kind == kind]
    if not ms:
        return None
    return min(ms, key=lambda m: m.cost)


@lru_cache(maxsize=131072)
def _readings(gaz: Gazetteer, folded: str) -> tuple[NameMatch | None, NameMatch | None]:
    """The likeliest given-name and surname readings of a folded word (cached: words repeat)."""
    ms = gaz.lookup(folded) if len(folded) >= 2 else []
    if not ms and "-" in folded:
        # a double surname no list holds whole ("kolář-straka", "Nováková-Dvořáková"): a name
        # when every part reads as one; the likeliest part's reading stands for it
        parts = [gaz.lookup(p) if len(p) >= 3 else [] for p in folded.split("-")]
        if len(parts) == 2 and all(parts):
            ms = parts[0] + parts[1]
    return _best(ms, "given"), _best(ms, "surname")


def evidence(tokens: list[Token], gaz: Gazetteer, doc=None) -> list[TokenEvidence]:
    """Collect gazetteer, frequency and (when a spaCy Doc is given) model evidence per token."""
    ev = []
    sp_by_start = {}
    vecs = None
    morph = False
    ents: list[str] = []
    if doc is not None:
        vecs = token_vectors(doc)
        # the shipped pipeline runs no morphologizer: reading POS/morphology of every token
        # would only build empty analyses (a noticeable share of the time per report)
        morph = doc.has_annotation("POS") or doc.has_annotation("MORPH")
        if morph:
            sp_by_start = {st.idx: st for st in doc}
        else:  # offsets and entity types as arrays: no spaCy Token object per word
            sp_by_start, ents = _spacy_arrays(doc)
    for t in tokens:
        given, surname = _readings(gaz, t.folded) if t.is_alpha else (None, None)
        e = TokenEvidence(t, given, surname, common=gaz.zipf(t.folded))
        if t.is_alpha and len(t.folded) >= 3:
            e.place = gaz.place(t.folded)
        st = sp_by_start.get(t.start)
        if st is not None and not morph:
            e.ent = ents[st]
            e.sp_person = e.ent == "PERSON"
            e.sp_other = e.ent in NON_PERSON_ENTS
            if vecs is not None:
                e.vec = vecs[st]
        elif st is not None:
            e.ent = st.ent_type_
            e.sp_person = e.ent == "PERSON"
            e.sp_other = st.ent_type_ in NON_PERSON_ENTS
            if morph:
                e.propn = st.pos_ == "PROPN"
                nt = st.morph.get("NameType")
                e.name_type = e.propn and bool(nt) and nt[0] in ("Giv", "Sur")
            if vecs is not None:
                e.vec = vecs[st.i]
        ev.append(e)
    return ev


def _spacy_arrays(doc) -> tuple[dict[int, int], list[str]]:  # noqa: ANN001 - a spaCy Doc
    """Token index by character offset, and each token's entity type ("" outside entities)."""
    from spacy.attrs import ENT_TYPE, IDX

    arr = doc.to_array([IDX, ENT_TYPE])
    strings = doc.vocab.strings
    names = {}
    ents = []
    for k in arr[:, 1].tolist():
        if k not in names:
            names[k] = strings[k] if k else ""
        ents.append(names[k])
    return {idx: i for i, idx in enumerate(arr[:, 0].tolist())}, ents


def _lower_ok(m: NameMatch | None) -> bool:
    if m is None or m.entry.ambiguous or len(m.base) < 3:
        return False
    return m.entry.rank <= LOWER_MAX_RANK.get(m.entry.origin, 0)


def _token_score(e: TokenEvidence, use_model: bool) -> float:
    t = e.token
    name = e.given or e.surname
    strong = [m for m in (e.given, e.surname) if m is not None and not m.entry.ambiguous]
    if t.is_cap and not t.is_upper:
        if not t.sent_start:
            if name is not None:
                popular = any(m.entry.rank <= VETO_RANK for m in strong)
                if use_model and e.sp_other and not e.sp_person and not popular:
                    return 0.0
                if (
                    e.common >= (COMMON_CAP_STRONG if strong else COMMON_CAP_WEAK)
                    and not e.sp_person
                ):
                    return 0.0
                return 0.9
            if (
                use_model
                and len(t.text) > 1
                and not e.sp_other
                and e.common < COMMON_CAP_MODEL
                and (
                    (e.sp_person and e.name_type)
                    if MODEL_NEEDS_BOTH
                    else (e.sp_person or e.name_type)
                )
            ):
                return 0.75
            return 0.0
        # sentence start: capitals prove nothing
        if strong and e.common < 3.5:
            return 0.8
        if use_model and e.sp_person and (name is not None or e.name_type) and e.common < 4.0:
            return 0.7
        return 0.0
    if t.is_upper:
        return 0.8 if strong and e.common < 3.5 else 0.0
    # lowercase
    if _lower_ok(e.given) and e.common < LOWER_MAX_ZIPF:
        return 0.7
    return 0.0


def _adjacent(tokens: list[Token], text: str, i: int, j: int) -> bool:
    """Tokens i < j are neighbours in one name: only spaces (or an initial's full stop) between."""
    gap = text[tokens[i].end : tokens[j].start]
    return gap in (" ", "  ", "\u00a0") or (
        gap.strip() == "." and len(tokens[i].text) == 1 and len(gap) <= 3
    )


def _tagged_score(
    e: TokenEvidence, use_model: bool, edited: bool = True, strict: bool = False
) -> float:
    """Rules + linear tagger, then the CRF: it adds names above CRF_ADD (capitalised) or
    CRF_ADD_LOWER (any word) and, in edited text only, vetoes capitalised mid-sentence hits
    below CRF_VETO. ``strict`` (a text with placeholders of an earlier redaction) moves both
    thresholds by CRF_HYSTERESIS, so a second redaction adds nothing the first one did not."""
    s = _linear_score(e, use_model)
    p = e.crf
    if p is None:
        return s
    if p < 0:  # next to a placeholder: never a new name
        return 0.0
    d = CRF_HYSTERESIS if strict else 0.0
    t = e.token
    # in a text already redacted, a lone letter is never a new name: blanking a placeholder can
    # move a letter's P(name) over the threshold ("PEA;0;0<O" → "[OSOBA 1];0;0<O")
    if t.is_alpha and _crf_adds(e, p, d) and not (strict and len(t.text) == 1):
        return max(s, 0.75)
    if s > 0 and edited and t.is_cap and p < CRF_VETO + d and not t.sent_start:
        g = e.given
        if (
            g is not None
            and g.exact
            and not g.entry.ambiguous
            and g.entry.rank <= CRF_VETO_EXEMPT_RANK
        ):
            return s
        return 0.0
    return s


def _crf_adds(e: TokenEvidence, p: float, d: float) -> bool:
    t = e.token
    # a word of an ALL-CAPS passage, where the capital says nothing ("OTA ZBIL", "VIKI ŘEKLA"):
    # a known name as usual, any other word only as in lowercase
    if t.is_upper and len(t.text) > 1 and (
        p <= CRF_ADD + d or not (e.given or e.surname) or e.common >= CRF_SENT_MAX_ZIPF
    ):
        return _crf_adds_lower(e, p, d)
    if not t.is_cap:
        return _crf_adds_lower(e, p, d)
    if t.sent_start:  # capitals prove nothing here ("Napsal mi", "Včera jsem")
        return p > CRF_ADD_SENT + d and e.common < CRF_SENT_MAX_ZIPF
    return p > CRF_ADD + d


def _crf_adds_lower(e: TokenEvidence, p: float, d: float) -> bool:
    """A word whose letter case says nothing: only confident, and never an ordinary word
    ("rika"); a known name that is also a frequent word ("josefa", "DANA") only surer."""
    if e.common >= CRF_LOWER_MAX_ZIPF:
        return p > CRF_ADD_LOWER_NAME + d and e.common < crf_lower_max_zipf(e)
    return p > CRF_ADD_LOWER + d


def crf_lower_max_zipf(e: TokenEvidence) -> float:
    """Up to which word frequency the CRF may take a lowercase word for a name: an ordinary
    word never, a word that is also a known given name or surname up to a higher Zipf."""
    if any(
        m is not None and not m.entry.ambiguous and m.entry.rank <= LOWER_NAME_RANK
        for m in (e.given, e.surname)
    ):
        return CRF_LOWER_NAME_MAX_ZIPF
    return CRF_LOWER_MAX_ZIPF


def _linear_score(e: TokenEvidence, use_model: bool) -> float:
    s = _token_score(e, use_model)
    m = e.margin
    if m is None:
        return s
    if m > TAG_ADD and not (CRF_REPLACES_TAGGER_ADD and e.crf is not None):
        return max(s, 0.75)
    if s > 0:
        known = e.given is not None or e.surname is not None
        g = e.given
        if g is not None and g.exact and not g.entry.ambiguous and g.entry.rank <= VETO_EXEMPT_RANK:
            return s  # a popular given name in its base form (Kuba, Jana) is not vetoed
        if m < (TAG_VETO if known else TAG_VETO_MODEL_ONLY):
            return 0.0
    return s


def add_margins(text: str, ev: list[TokenEvidence], holes=()) -> None:
    """Score every capitalised word with the CNEC-trained tagger (if it is installed).

    ``holes`` are placeholders of an earlier redaction (blanked): the tagger's context window
    would read differently there than in the original text, so a word whose window touches one
    gets the lowest margin (never added by the tagger, gazetteer readings vetoed). Redacting a
    redacted text then finds nothing new."""
    tagger = get_tagger()
    if tagger is None:
        return
    n = len(ev)
    for i, e in enumerate(ev):
        t = e.token
        if t.is_cap and t.is_alpha:
            if holes:
                a = ev[i - 2].token.end if i >= 2 else 0
                b = ev[i + 2].token.start if i + 2 < n else len(text)
                if any(h0 < b and a < h1 for h0, h1 in holes):
                    e.margin = -100.0
                    continue
            e.margin = tagger.margin(features(text, ev, i))


def edited_text(text: str, ev: list[TokenEvidence], holes=()) -> bool:
    """Does the text look edited (sentences start with capitals)?

    Only there may the newspaper-trained CRF veto a capitalised word: children's lowercase
    writing is not what it learnt from. A placeholder of an earlier redaction counts as a
    capitalised sentence start and the word after it is skipped, so redacting a redacted text
    never turns the veto off."""
    cap = total = 0
    hi = 0
    for k, e in enumerate(ev):
        t = e.token
        prev_end = ev[k - 1].token.end if k else 0
        while hi < len(holes) and holes[hi][1] <= prev_end:
            hi += 1
        after_hole = hi < len(holes) and holes[hi][0] < t.start
        if after_hole:
            cap += 1
            total += 1
            continue
        if t.sent_start and t.is_alpha:
            total += 1
            cap += t.is_cap
    return total > 0 and cap >= EDITED_CAP_SHARE * total


def decide(
    text: str,
    ev: list[TokenEvidence],
    use_model: bool = True,
    use_cues: bool = True,
    holes: tuple[tuple[int, int], ...] = (),
    gaz: Gazetteer | None = None,
    use_crf: bool = False,
    crf_ready: bool = False,
) -> list[float]:
    """PERSON score per token (0 = not a name). ``crf_ready``: ``e.crf`` is already set
    (``recognizers.crf.probabilities_many`` ran for a whole batch of texts)."""
    toks = [e.token for e in ev]
    if use_model:
        add_margins(text, ev, holes)
    if use_crf and gaz is not None and not crf_ready:
        from . import crf

        crf.probabilities(text, ev, gaz, holes)
    edited = edited_text(text, ev, holes)
    strict = bool(holes)
    scores = [_tagged_score(e, use_model, edited, strict) for e in ev]
    if use_cues:
        _apply_cues(text, ev, scores)
    if PERSON_CONTEXT:
        person_context.apply(text, ev, scores, holes)
    # grow names over neighbours until stable (Tomáš Malý, J. Novák, Nguyen Thi Mai, Tomáš H.)
    changed = True
    while changed:
        changed = False
        for i, e in enumerate(ev):
            if scores[i] > 0:
                continue
            for j in (i - 1, i + 1):
                if (
                    0 <= j < len(ev)
                    and scores[j] > 0
                    and _adjacent(toks, text, min(i, j), max(i, j))
                ):
                    if _joins_name(e, ev[j], before=i < j, text=text):
                        scores[i] = min(0.8, scores[j])
                        changed = True
                        break
    _particles_and_numerals(text, ev, scores)
    return scores


def _particles_and_numerals(text: str, ev: list[TokenEvidence], scores: list[float]) -> None:
    """Inner parts of foreign names and regnal numbers after a detected name:
    "Hans van den Broek", "Lars von Trier", "Athos de Luca", "Karel IV"; "ml."/"st." after
    a name (Novák ml.) and "sv." before one (sv. Vojtěch) belong to it as well."""
    toks = [e.token for e in ev]
    n = len(ev)
    for i in range(n):
        f = toks[i].folded
        if (
            scores[i] > 0
            or f not in ("ml", "st", "sv")
            or text[toks[i].end : toks[i].end + 2].strip()[:1] != "."
        ):
            continue
        j = i - 1 if f != "sv" else i + 1
        if 0 <= j < n and scores[j] > 0 and toks[j].is_cap and len(toks[j].text) > 1:
            gap = text[min(toks[i].end, toks[j].end) : max(toks[i].start, toks[j].start)]
            if gap.strip() in ("", ".") and len(gap) <= 3:
                scores[i] = min(0.8, scores[j])
    for i in range(1, n):
        if scores[i - 1] <= 0 or scores[i] > 0 or not _adjacent(toks, text, i - 1, i):
            continue
        t = toks[i]
        if ROMAN_RE.fullmatch(t.text) and not toks[i - 1].is_upper:
            scores[i] = min(0.8, scores[i - 1])
            continue
        j = i
        while (
            j < n
            and j - i < 3
            and toks[j].folded in NAME_PARTICLES
            and _adjacent(toks, text, j, j + 1 if j + 1 < n else j)
        ):
            j += 1
        if j == i or j >= n:
            continue
        nt = toks[j]
        if nt.is_cap and nt.is_alpha and not nt.is_upper and not ev[j].sp_other:
            for k in range(i, j + 1):
                scores[k] = max(scores[k], min(0.8, scores[i - 1]))


def _joins_name(e: TokenEvidence, nb: TokenEvidence, before: bool, text: str) -> bool:
    t = e.token
    if not t.is_alpha:
        return False
    if len(t.text) == 1:
        # an initial: "J. Novák" (before, followed by a dot) or "Tomáš H." (after)
        return t.text.isupper() and text[t.end : t.end + 3].lstrip()[:1] == "."
    if t.is_cap:
        if e.margin is not None and e.margin < GROW_VETO:
            return False
        if e.crf is not None and e.crf < CRF_GROW_VETO and not t.sent_start:
            return False
        if e.given or e.surname or e.sp_person or e.name_type:
            return True
        return e.common < 3.0 and not e.sp_other and nb.token.is_cap
    # lowercase surname after a lowercase given name: "tomas marek", "adam cerny" — after a
    # given name in the nominative only a surname's base form or a rare word: a verb after
    # the subject is no surname ("tomáš bere", "svobodovi píšou"); after a case form, the
    # surname in the same case ("tomášem procházkou")
    if (
        not before
        and nb.given is not None
        and (e.surname is not None or e.given is not None)
        and not nb.token.is_cap
        and e.common < 5.0
        and (
            e.common < 3.0
            or any(
                m is not None
                and (m.exact or (not nb.given.exact and m.entry.rank <= LOWER_NAME_RANK))
                for m in (e.given, e.surname)
            )
        )
    ):
        return True
    return False


def _apply_cues(text: str, ev: list[TokenEvidence], scores: list[float]) -> None:
    n = len(ev)
    for i, e in enumerate(ev):
        f = e.token.folded
        if f not in CUES:
            continue
        j = i + 1
        if f in WEAK_CUES:
            if j < n and ev[j].token.folded in ("jmenem", "jmenuje", "prezdivkou"):
                continue  # the following cue word handles it
            continue
        while j < n and ev[j].token.folded in CUE_SKIP and j - i <= 3:
            j += 1
        # a title (pan, paní, učitelka, Mgr.) before a capitalised word: even Zima, Králová
        title = f in TITLE_CUES or ev[j - 1].token.folded in TITLE_CUES
        if j >= n or ev[j].token.start - ev[j - 1].token.end > 3:
            continue
        c = ev[j]
        known = [m for m in (c.given, c.surname) if m is not None and not m.entry.ambiguous]
        if (
            (c.token.is_cap
             and c.common < (6.0 if title and not (c.token.sent_start or c.token.is_upper)
                             else 4.0))
            or (known and c.common < 4.0)
            or (c.common < LOWER_MAX_ZIPF and len(c.token.text) > 2 and (c.given or c.surname))
        ):
            if c.token.is_alpha and c.token.folded not in CUES:
                scores[j] = max(scores[j], 0.85)
    # chat speaker at a line start: "Kuba: ty jsi …". A speaker who is also a frequent word
    # ("Tom" = "o tom", "Ema", "Jan") counts when it speaks on two or more lines and is a name
    # in the gazetteer: a transcript's repeated line-start "X:" is a speaker, not prose.
    speakers = list(SPEAKER_RE.finditer(text))
    repeated = {k for k, c in Counter(m.group("name") for m in speakers).items() if c >= 2}
    for m in speakers:
        for i, e in enumerate(ev):
            if e.token.start == m.start("name"):
                named = e.given is not None or e.surname is not None
                if e.token.is_cap and e.token.end == m.end("name"):
                    # after a time stamp ("16:17 Ráďa:") a name reading is enough
                    sure = m.group("name") in repeated or m.group("stamp")
                    if e.common < 4.0 or (sure and named):
                        scores[i] = max(scores[i], 0.8)
                elif e.token.end == m.end("name") and named and e.common < CRF_LOWER_NAME_MAX_ZIPF:
                    # a chat copied from a phone, speakers in lowercase ("vanda😂: kde je?"):
                    # a known name that is no very frequent word
                    strong = any(r is not None and not r.entry.ambiguous
                                 for r in (e.given, e.surname))
                    if strong or m.group("name") in repeated or m.group("stamp"):
                        scores[i] = max(scores[i], 0.8)
                break


# "Kuba:", "> Kuba:", "[14:02] Kuba:", "14:02 Kuba:", "(14.02) Kuba:" at a line start
SPEAKER_RE = re.compile(
    r"(?m)^[ \t>*-]*"
    r"(?P<stamp>[\[(]?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?[\])]?[ \t,-]*)?"
    r"(?P<name>[^\W\d_][\w.-]{1,30})[^\w\s:]{0,8}:"  # an emoji may be glued to the name: "ami💀:"
)


def find(
    text: str,
    tokens: list[Token],
    gaz: Gazetteer,
    doc=None,
    use_cues: bool = True,
    holes: tuple[tuple[int, int], ...] = (),
    use_crf: bool = False,
    ev: list[TokenEvidence] | None = None,
) -> list[Span]:
    """PERSON spans; ``ev``: the evidence of ``tokens`` with the CRF's ``e.crf`` already set
    (``Detector.detect_many`` computes it for a batch of texts at once)."""
    crf_ready = ev is not None
    if ev is None:
        ev = evidence(tokens, gaz, doc)
    scores = decide(
        text,
        ev,
        use_model=doc is not None,
        use_cues=use_cues,
        holes=holes,
        gaz=gaz,
        use_crf=use_crf and doc is not None,
        crf_ready=crf_ready,
    )
    _role_words_are_no_names(ev, scores)
    if VETOES:
        vetoes.title_vetoes(text, ev, scores, gaz)
        vetoes.ethnonym_vetoes(text, ev, scores, edited_text(text, ev, holes), TITLE_CUES)
    return [
        Span(e.token.start, e.token.end, "PERSON", s)
        for e, s in zip(ev, scores, strict=True)
        if s > 0
    ]


def _role_words_are_no_names(ev: list[TokenEvidence], scores: list[float]) -> None:
    """A kin or role word in lowercase or ALL CAPS ("strejda mi rekl", "MAMKA ŘEKLA") is the
    word: the gazetteer knows some as rare given names, and a child's letter case cannot tell
    them apart. A capitalised one mid-sentence, or a popular given name ("tatana"), stays."""
    for i, e in enumerate(ev):
        t = e.token
        if scores[i] <= 0 or (t.is_cap and not t.is_upper) or not is_role_word(t.folded):
            continue
        g = e.given
        if g is not None and g.exact and not g.entry.ambiguous and g.entry.rank <= VETO_EXEMPT_RANK:
            continue
        scores[i] = 0.0


def model_only(doc) -> list[Span]:
    """Baseline: spaCy PERSON entities alone."""
    return [
        Span(ent.start_char, ent.end_char, "PERSON", 0.5)
        for ent in doc.ents
        if ent.label_ == "PERSON"
    ]
