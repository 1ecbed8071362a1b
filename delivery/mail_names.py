"""A person's name as it may appear in an e-mail we send on their behalf.

An invitation says who invites ("Marie Nováková vás zve …"), and that name was typed by a
school member. In a mail it must not be able to pass for anything else: it becomes one
line (no new lines or control characters that could fake a paragraph or a header-like
line), loses anything that looks like markup (``<…>``) or a link (``https://…``,
``www.…``, ``name.cz``), and is cut to a sensible length. What remains is only ever
shown as a name; an empty result falls back to a neutral description.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 80
FALLBACK = "Správce vaší školy"
_MARKUP = re.compile(r"<[^>]*>?|[<>]")
#: a scheme link, a www. host, or any dotted host name (``skola.cz``, ``bit.ly/x``)
#: (the host's last part in lowercase, so that "Mgr.Jana" stays a name)
_LINK = re.compile(r"\b(?:(?i:[a-z][a-z0-9+.-]*://|www\.)\S*|[\w-]+(?:\.[\w-]+)*"
                   r"\.[a-z]{2,}\b(?:/\S*)?)")
_NOT_NAME = re.compile(r"[^\w\s.,'’()-]")


def mail_safe_name(raw: str | None) -> str:
    """One line of name text, without markup or links (see the module docstring)."""
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" and ch != " " else ch
                   for ch in raw or "")
    text = _MARKUP.sub(" ", text)
    text = _LINK.sub(" ", text)
    text = _NOT_NAME.sub(" ", text)
    text = " ".join(text.split()).strip(" ,-")
    if len(text) > MAX_NAME_CHARS:
        text = text[:MAX_NAME_CHARS].rsplit(" ", 1)[0]
    return text if any(ch.isalpha() for ch in text) else FALLBACK
