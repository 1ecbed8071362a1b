"""Merging spans of all layers into sorted, non-overlapping, word-aligned spans, and propagation."""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .morph import base_candidates
from .recognizers.vetoes import slurs
from .span import LABEL_PRIORITY, Span
from .textutil import Token


def align(spans: list[Span], text: str) -> list[Span]:
    """Clip to the text and widen spans that cut a word, so no half-name is left visible."""
    out = []
    n = len(text)
    for s in spans:
        a, b = max(0, s.start), min(n, s.end)
        while a > 0 and text[a - 1].isalnum() and a < n and text[a].isalnum():
            a -= 1
        while b < n and b > 0 and text[b].isalnum() and text[b - 1].isalnum():
            b += 1
        if a < b:
            out.append(Span(a, b, s.label, s.score, s.cluster))
    return out


def merge(spans: list[Span]) -> list[Span]:
    """Union overlapping spans; the merged span takes the highest-priority label."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            p = out[-1]
            label = p.label if LABEL_PRIORITY[p.label] >= LABEL_PRIORITY[s.label] else s.label
            out[-1] = Span(
                p.start, max(p.end, s.end), label, max(p.score, s.score), p.cluster or s.cluster
            )
        else:
            out.append(s)
    return out


# Particles inside foreign and noble names: "Larse von Triera", "Athos De Luca", "Hanse van
# den Broeka" (also read by recognizers/names.py when it extends a name token by token). Here,
# after the merge, they pull the next capitalised word into a PERSON span the token scores left
# short; "z"/"ze" only join two names ("Serváce Engela z Engelsflusu"), since "Petr z Brna"
# names a town.
NAME_PARTICLES = frozenset(
    "van von vom zu de der den des da di du del della dos das le la ter ten al el bin ibn ben abu"
    .split()
)
JOINING_PARTICLES = NAME_PARTICLES | {"z", "ze"}
_PARTICLE_TAIL = re.compile(
    r"(?:[ \u00a0]+(?:" + "|".join(sorted(NAME_PARTICLES)) + r"))+[ \u00a0]+[^\W\d_][\w'-]*",
    re.IGNORECASE,
)
# a regnal number after a name: "Řehoř XIII.", "Karel IV", "Jana Pavla II."
_REGNAL = re.compile(r"[ \u00a0]+(?:[IVX]{2,6}|[IVX]{1,6}(?=[ \u00a0]*\.))\b")
# before a name: an initial ("J. Novák", "T . Huschke") or "svatý"/"sv." ("svatého Václava")
_HEAD = re.compile(
    r"(?:(?<![\w.])[^\W\d_][ \u00a0]?\.[ \u00a0]{0,2}"
    r"|(?<!\w)(?:[Ss]vat(?:ý|á|é|ého|ému|ém|ým|ou)|[Ss]v\.)[ \u00a0])$"
)
_HEAD_WINDOW = 12


def join_names(text: str, spans: list[Span]) -> list[Span]:
    """Adjacent PERSON spans separated only by a space, an initial's dot or a name particle are
    one name; a particle + capitalised word or a regnal number after a name belongs to it."""
    out: list[Span] = []
    for s in spans:
        if out and s.label == "PERSON" and out[-1].label == "PERSON":
            p = out[-1]
            gap = text[p.end : s.start]
            last_word = text[p.start : p.end].replace(".", " ").split()[-1:]
            initial = gap.strip() == "." and len(gap) <= 3 and last_word and len(last_word[0]) == 1
            words = gap.split()
            particle = (
                bool(words)
                and gap[:1].isspace()
                and gap[-1:].isspace()
                and all(w.lower() in JOINING_PARTICLES for w in words)
            )
            if gap in (" ", "\u00a0") or initial or particle:
                out[-1] = Span(p.start, s.end, "PERSON", max(p.score, s.score), p.cluster)
                continue
        out.append(s)
    grown = [_with_affixes(text, s) for s in out]
    # an affix never reaches into a neighbouring span ("7. B. Novák": the class keeps its B)
    n = len(out)
    return [
        g
        if (i == 0 or grown[i - 1].end <= g.start) and (i + 1 == n or g.end <= out[i + 1].start)
        else s
        for i, (s, g) in enumerate(zip(out, grown, strict=True))
    ]


def _with_affixes(text: str, s: Span) -> Span:
    if s.label != "PERSON" or not text[s.start : s.start + 1].isupper():
        return s
    start, end = s.start, s.end
    m = _HEAD.search(text, max(0, start - _HEAD_WINDOW), start)
    if m and (m.group()[:1].isupper() or m.group()[:2].lower() == "sv"):
        start = m.start()
    m = _PARTICLE_TAIL.match(text, end)
    if m and m.group().split()[-1][:1].isupper():
        end = m.end()
    m = _REGNAL.match(text, end)
    if m:
        end = m.end()
    if (start, end) == (s.start, s.end):
        return s
    return Span(start, end, s.label, s.score, s.cluster)


# a lowercase occurrence of a capitalised name is left alone when it is at least this frequent
# a Czech word (Zipf: hora 4.5, kovář 3.9, zajíc 3.6) or is marked ambiguous in the gazetteer
# (kovář); popular given names (karel, tom) are always masked
COMMON_WORD_ZIPF = 3.5
POPULAR_GIVEN_RANK = 1000  # a given name this popular is always masked (karel, tom, ema)
EDITED_CAP_SHARE = 0.75
RARE_BASE_ZIPF = 1.5  # a lowercase name this rare a word is its own base (propagate)


def _ordinary_word(folded: str, gaz: Gazetteer) -> bool:
    """A frequent or gazetteer-ambiguous word that is no popular given name (hora, kovář, zajíc)."""
    matches = gaz.lookup(folded)
    if any(m.kind == "given" and m.entry.rank <= POPULAR_GIVEN_RANK for m in matches):
        return False
    exact = [m for m in matches if m.exact]
    return gaz.zipf(folded) >= COMMON_WORD_ZIPF or any(m.entry.ambiguous for m in exact)


def _edited(tokens: list[Token]) -> bool:
    """Most sentences start with a capital: the writer capitalises, so case carries meaning."""
    starts = [t for t in tokens if t.sent_start and t.is_alpha]
    return bool(starts) and sum(t.is_cap for t in starts) >= EDITED_CAP_SHARE * len(starts)


def propagate(
    text: str, spans: list[Span], tokens: list[Token], gaz: Gazetteer | None = None
) -> list[Span]:
    """Every other occurrence of a detected string is masked too (same label).

    For PERSON the comparison is per word and diacritic/case-insensitive, so a name detected
    once (``Kuba``) is also hidden where no layer fired on it (``kuba``, ``KUBA``). With the
    gazetteer, other case forms of a detected name are hidden as well when capitalised
    (``Lukase Zemana`` detected → ``Zeman`` at a sentence start).
    """
    extra: list[Span] = []
    person_words: dict[str, float] = {}
    person_bases: dict[str, float] = {}
    lower_seen: set[str] = set()  # person words detected at least once in lowercase
    ordered = sorted(spans)
    edited = _edited(tokens)
    i = 0
    for t in tokens:
        while i < len(ordered) and ordered[i].end <= t.start:
            i += 1
        if (
            i < len(ordered)
            and ordered[i].label == "PERSON"
            and ordered[i].start <= t.start
            and t.end <= ordered[i].end
            and len(t.text) > 1
        ):
            sc = ordered[i].score
            person_words[t.folded] = max(person_words.get(t.folded, 0), sc)
            if not t.is_cap:
                lower_seen.add(t.folded)
            if gaz is not None:
                for m in gaz.lookup(t.folded):
                    if len(m.base) >= 4:
                        person_bases[m.base] = max(person_bases.get(m.base, 0), sc)
                if len(t.folded) >= 4 and (
                    t.is_cap or (not edited and gaz.zipf(t.folded) < RARE_BASE_ZIPF)
                ):
                    # a name no list knows is its own base: Zoraida → Zoraidina, Zoraidě, Zoraidou;
                    # in children's writing a lowercase one too, when it is no word at all
                    # ("nykolas mi vzal mobil … sedim s nykolasem")
                    person_bases[t.folded] = max(person_bases.get(t.folded, 0), sc)
    frags: dict[str, Span] = {}
    for s in spans:
        if s.label != "PERSON":
            frag = text[s.start : s.end]
            if len(frag) >= 3 and frag not in frags:
                frags[frag] = s
    for frag, s in frags.items():
        rx = re.compile(r"(?<!\w)" + re.escape(frag) + r"(?!\w)")
        extra += [Span(m.start(), m.end(), s.label, s.score) for m in rx.finditer(text)]
    for t in tokens:
        sc = person_words.get(t.folded)
        if (
            sc is not None
            and gaz is not None
            and edited
            and not t.is_cap
            and t.folded not in lower_seen
            and _ordinary_word(t.folded, gaz)
        ):
            # "Pepa Vrána ... seděla vrána": in edited text a lowercase ordinary word is the
            # word, not the capitalised surname seen elsewhere (children's lowercase writing,
            # where names are lowercase too, keeps propagating)
            continue
        if sc is None and person_bases and len(t.folded) >= 4 and t.is_alpha:
            hits = [person_bases[b] for b in base_candidates(t.folded) if b in person_bases]
            # another case form in lowercase ("Josefa Lišku … o liškovi"): the same person,
            # never a slur ("Karel Cikán … mi říkají cikáne", see recognizers.vetoes), and in
            # edited text not an ordinary word ("Kryštof Zima … je zima"; as for the same form
            # above, children's lowercase writing keeps propagating)
            if hits and (
                t.is_cap
                or not (t.folded in slurs() or (edited and _ordinary_word(t.folded, gaz)))
            ):
                sc = min(hits) * 0.9
        if sc is not None:
            extra.append(Span(t.start, t.end, "PERSON", sc))
    return spans + extra
