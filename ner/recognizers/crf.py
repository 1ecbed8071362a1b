"""PERSON from the CNEC-trained CRF sequence tagger (``ner/crf.py``), usable on its own.

``probabilities`` fills ``TokenEvidence.crf`` (P(inside a person name)) for ``names.decide``,
which combines it with the other layers: it adds names nothing else knows and vetoes
capitalised gazetteer/spaCy hits in edited text, but never vetoes a name in lowercase or
undiacritised text. The main model learnt from newspapers; sentences without capitals (or all
in capitals) are tagged by its caseless twin (``ner.crf.caseless``), trained on the same
sentences lowercased, undiacritised or in ALL CAPS.
``find`` is the layer alone: every token above ``threshold``.
"""

from __future__ import annotations

from ..crf import get_crf
from ..gazetteer import Gazetteer
from ..span import Span
from ..textutil import Token

THRESHOLD = 0.3  # CRF alone (chosen on CNEC dtest)


def probabilities(text: str, ev: list, gaz: Gazetteer, holes=()) -> bool:
    """Set ``e.crf`` on every token of ``ev``; False when the model is not installed.

    A token whose ±2 context touches a placeholder of an earlier redaction gets -1 (its
    context reads differently than in the original text; ``names`` then never takes it for a
    new name): redacting twice finds nothing new."""
    if not ev:
        return False
    return probabilities_many([(text, ev, holes)], gaz)


def probabilities_many(items: list[tuple[str, list, tuple]], gaz: Gazetteer) -> bool:
    """``probabilities`` for several ``(text, evidence, holes)`` at once (the CRF steps
    through all their sentences side by side); False when the model is not installed."""
    crf = get_crf()
    if crf is None:
        return False
    items = [it for it in items if it[1]]
    all_probs = crf.marginals_many(items, gaz.nick_to_formal, needed=_can_matter)
    for (text, ev, holes), probs in zip(items, all_probs, strict=True):
        n = len(ev)
        for i, (e, p) in enumerate(zip(ev, probs, strict=True)):
            if holes:
                a = ev[i - 2].token.end if i >= 2 else 0
                b = ev[i + 2].token.start if i + 2 < n else len(text)
                if any(h0 < b and a < h1 for h0, h1 in holes):
                    p = -1.0
            e.crf = p
    return True


def _can_matter(seq) -> bool:
    """Whether P(name) of some token of the sentence can change a decision in ``names``: a
    capitalised word inside the sentence (added or vetoed), a capitalised sentence start that
    is no frequent word, or a lowercase word that is no ordinary word (added above a
    threshold). A sentence of frequent lowercase words after a frequent first word ("Pak jsme
    šli domů a bylo to dobré.") is not tagged: nothing in it could become a name."""
    from . import names

    for e in seq:
        t = e.token
        if t.is_cap:
            if not t.sent_start or e.common < names.CRF_SENT_MAX_ZIPF:
                return True
        elif t.is_alpha and e.common < names.crf_lower_max_zipf(e):
            return True
    return False


def find(
    text: str, tokens: list[Token], gaz: Gazetteer, doc=None, threshold: float = THRESHOLD
) -> list[Span]:
    """The CRF layer alone: tokens with P(name) above ``threshold``."""
    from .names import evidence

    ev = evidence(tokens, gaz, doc)
    if not probabilities(text, ev, gaz):
        return []
    return [
        Span(e.token.start, e.token.end, "PERSON", round(e.crf, 3))
        for e in ev
        if e.crf is not None and e.crf > threshold and e.token.is_alpha
    ]
