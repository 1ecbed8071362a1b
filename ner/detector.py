"""The pipeline: run every layer, merge, propagate, cluster.

``Detector.load()`` loads spaCy once (only tok2vec, morphologizer and ner run: the parser
and lemmatizer are disabled because no layer needs them, which keeps us near spaCy-alone speed).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from .cluster import assign
from .gazetteer import Gazetteer, get_gazetteer
from .merge import align, join_names, merge, propagate
from .placeholders import PLACEHOLDER_RE
from .recognizers import (
    addresses,
    bank_accounts,
    cards,
    class_codes,
    classes,
    contacts,
    credentials,
    crf,
    document_numbers,
    ids,
    ip_addresses,
    names,
    numeric_ids,
    obfuscated_emails,
    seeded,
    slash_phones,
    spoken_phones,
    usernames,
    vetoes,
)
from .role_words import trim as trim_role_words
from .span import Span
from .textutil import tokenize

#: pattern recognizers, one module per kind of identifier (each: ``find(text) -> list[Span]``)
PATTERN_RECOGNIZERS = (contacts, ids, classes, cards, class_codes, usernames, bank_accounts,
                       numeric_ids, slash_phones, obfuscated_emails, addresses, spoken_phones,
                       credentials, ip_addresses, document_numbers)

ALL_LAYERS = ("seeded", "patterns", "gazetteer", "model", "cues", "crf")
SPACY_MODEL = "cs_core_news_sm"
# Only tok2vec + ner run: the morphologizer, parser and lemmatizers are not needed (the CNEC-trained
# tagger in tagger.py replaces the NameType feature), which keeps us at spaCy-NER-alone speed.
SPACY_EXCLUDE = ["morphologizer", "parser", "trainable_lemmatizer", "lemmatizer", "attribute_ruler"]
MAX_SPACY_CHARS = 200_000  # longer texts go through spaCy in slices


class Detector:
    """Czech personal-data detector (PERSON, CLASS, CONTACT, ID)."""

    def __init__(
        self, nlp=None, gaz: Gazetteer | None = None, layers: Sequence[str] = ALL_LAYERS
    ) -> None:
        self.nlp = nlp
        self.gaz = gaz or get_gazetteer()
        self.layers = frozenset(layers)

    @classmethod
    def load(cls, layers: Sequence[str] = ALL_LAYERS) -> Detector:
        """A detector with spaCy loaded (cached: repeated calls share one model)."""
        nlp = _load_spacy() if "model" in layers or "crf" in layers else None
        return cls(nlp, get_gazetteer(), layers)

    # -- public API -------------------------------------------------------------------------
    def detect(
        self, text: str, victim_name: str | None = None, victim_class: str | None = None
    ) -> list[Span]:
        """Sorted, non-overlapping spans of personal data in ``text``."""
        return self.detect_many([(text, victim_name, victim_class)])[0]

    def detect_many(
        self, items: Iterable[tuple[str, str | None, str | None]], batch_size: int = 32
    ) -> list[list[Span]]:
        """Batch version of ``detect`` (spaCy's ``pipe`` is faster on many texts)."""
        items = list(items)
        holes = [_holes(t) for t, _n, _c in items]
        items = [(_clean(t), n, c) for t, n, c in items]
        docs: list = [None] * len(items)
        if self.nlp is not None:
            short = [i for i, it in enumerate(items) if len(it[0]) <= MAX_SPACY_CHARS]
            for i, doc in zip(
                short,
                self.nlp.pipe((items[i][0] for i in short), batch_size=batch_size),
                strict=True,
            ):
                docs[i] = doc
        pre = self._crf_batch(items, docs, holes)
        return [
            self._detect(t, n, c, docs[i], holes[i], *pre.get(i, (None, None)))
            for i, (t, n, c) in enumerate(items)
        ]

    # -- internals --------------------------------------------------------------------------
    def _crf_batch(self, items, docs: list, holes: list) -> dict[int, tuple]:
        """Tokens and evidence, with the CRF's probabilities, of every text the CRF will read,
        computed for the whole batch at once: the CRF's forward-backward then steps through
        the sentences of all texts side by side (the same probabilities as text by text)."""
        if not {"gazetteer", "model", "crf"} <= self.layers:
            return {}
        pre: dict[int, tuple] = {}
        for i, (text, _n, _c) in enumerate(items):
            if docs[i] is not None and text.strip():
                tokens = tokenize(text)
                pre[i] = (tokens, names.evidence(tokens, self.gaz, docs[i]))
        if not crf.probabilities_many(
            [(items[i][0], ev, holes[i]) for i, (_tokens, ev) in pre.items()], self.gaz
        ):
            return {}
        return pre

    def _detect(
        self,
        text: str,
        victim_name: str | None,
        victim_class: str | None,
        doc,
        holes: tuple[tuple[int, int], ...] = (),
        tokens: list | None = None,
        ev: list | None = None,
    ) -> list[Span]:
        if not text.strip():
            return []
        if doc is None and self.nlp is not None:
            doc = _long_doc(self.nlp, text)
        if tokens is None:
            tokens = tokenize(text)
        spans: list[Span] = []
        if "seeded" in self.layers:
            spans += seeded.find_name(tokens, victim_name, self.gaz)
            spans += seeded.find_class(text, victim_class)
        if "patterns" in self.layers:
            found: list[Span] = []
            for recognizer in PATTERN_RECOGNIZERS:
                found += recognizer.find(text)
            spans += prefer_ids(found)
        if "gazetteer" in self.layers or "model" in self.layers:
            if "gazetteer" in self.layers:
                spans += names.find(
                    text,
                    tokens,
                    self.gaz,
                    doc if "model" in self.layers else None,
                    use_cues="cues" in self.layers,
                    holes=holes,
                    use_crf="crf" in self.layers,
                    ev=ev,
                )
            else:
                spans += names.model_only(doc)
        elif "crf" in self.layers:
            spans += crf.find(text, tokens, self.gaz, doc)
        spans = merge(align(spans, text))
        # contact cue words read as names in lowercase writing ("mejl ma …", "tiktok @…")
        spans = [s for s in spans
                 if s.label != "PERSON" or not vetoes.contact_word(text[s.start : s.end])]
        if "gazetteer" in self.layers:
            spans = merge(align(propagate(text, spans, tokens, self.gaz), text))
        spans = trim_role_words(text, join_names(text, _mask_placeholders(text, spans, holes)))
        return assign(spans, tokens, self.gaz)


def prefer_ids(spans: list[Span]) -> list[Span]:
    """A shape-only CONTACT reading (a digit run read as a phone, a password read as a username)
    inside an identifier's span gives way to the ID: an ISIC "S 420 …", an IBAN, an IP address, a
    birth number or a password is not a phone or a handle, and merge would otherwise keep CONTACT.
    Sure contacts (e-mails, @handles, score ≥ 0.95) are kept."""
    ids = [s for s in spans if s.label == "ID"]
    if not ids:
        return spans
    return [s for s in spans if not (
        s.label == "CONTACT" and s.score < 0.95
        and any(i.start <= s.start and s.end <= i.end for i in ids))]


def _holes(text) -> tuple[tuple[int, int], ...]:
    """Where placeholders of an earlier redaction stand (blanked by ``_clean``)."""
    if not isinstance(text, str) or "[" not in text:
        return ()
    return tuple((m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text))


def _clean(text: str) -> str:
    """Placeholders already in the text are blanked (same length) so redacting twice is a no-op."""
    text = text if isinstance(text, str) else str(text or "")
    return PLACEHOLDER_RE.sub(lambda m: " " * len(m.group()), text) if "[" in text else text


def _mask_placeholders(
    text: str, spans: list[Span], holes: tuple[tuple[int, int], ...] = ()
) -> list[Span]:
    """Drop blank spans, and spans glued to a placeholder of an earlier redaction ("[OSOBA 1]@000"):
    the original had a word there, so the first redaction saw no pattern and neither may this."""
    edges = {h[0] for h in holes} | {h[1] for h in holes}
    return [
        s
        for s in spans
        if text[s.start : s.end].strip() and s.start not in edges and s.end not in edges
    ]


def _long_doc(nlp, text: str):
    """spaCy on very long input, in slices cut at whitespace, stitched into one token list."""
    from spacy.tokens import Doc

    parts, pos = [], 0
    while pos < len(text):
        end = min(len(text), pos + MAX_SPACY_CHARS)
        if end < len(text):
            cut = text.rfind(" ", pos + MAX_SPACY_CHARS // 2, end)
            end = cut + 1 if cut > 0 else end
        parts.append(text[pos:end])
        pos = end
    docs = list(nlp.pipe(parts))
    return Doc.from_docs(docs, ensure_whitespace=False)


_LOCK = threading.Lock()
_NLP = None
_DETECTOR: Detector | None = None


def _load_spacy():
    global _NLP
    with _LOCK:
        if _NLP is None:
            import spacy

            _NLP = spacy.load(SPACY_MODEL, exclude=SPACY_EXCLUDE)
        return _NLP


def get_detector() -> Detector:
    """Module-level singleton with all layers."""
    global _DETECTOR
    if _DETECTOR is None:
        nlp = _load_spacy()
        with _LOCK:
            if _DETECTOR is None:
                _DETECTOR = Detector(nlp, get_gazetteer(), ALL_LAYERS)
    return _DETECTOR
