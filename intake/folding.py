"""Case- and diacritics-insensitive text keys (``Plzeň`` → ``plzen``) for search."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase ASCII with diacritics removed and punctuation collapsed to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()
