"""Case- and diacritics-insensitive text: search keys, and matching with original offsets.

Two foldings for two jobs:

- ``fold`` makes search keys (``Plzeň, nám. 1`` → ``plzen nam 1``): punctuation collapses,
  so it cannot map back to the original text;
- ``fold_with_offsets`` folds character by character the way the detector does
  (``ner.textutil.fold``: lowercase, no combining marks) and keeps, for every folded
  character, its index in the original, so a match found in the folded text can be cut
  out of the original. Intake's field masking (``intake.redaction``) and the moderator's
  marking (``review_ui.moderation.text``) both match with it, so they agree on what "the
  same word" is.
"""

from __future__ import annotations

import re
import unicodedata

from ner.textutil import fold as fold_char

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase ASCII with diacritics removed and punctuation collapsed to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character, and the original index of every folded
    character: ``folded[i]`` comes from ``text[index[i]]``, so a folded match
    ``[s, e)`` is ``text[index[s]:index[e - 1] + 1]``."""
    parts: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        folded = fold_char(char)
        parts.append(folded)
        index.extend([position] * len(folded))
    return "".join(parts), index
