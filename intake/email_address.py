"""Strict validation of one e-mail address (the school register's director contacts).

The register is imported from CSV and its addresses become recipients of report PDFs and
registration mail, so "contains an @ and a dot" is not enough: ``a@skola.cz,b@jinde.cz``
would be two recipients, and quotes, angle brackets or control characters could change
how a mail header is read. Accepted: a dot-atom local part (RFC 5322, no quoted strings,
at most 64 characters) and a host name of at least two labels (letters, digits, hyphens;
an internationalised domain is checked in its IDNA form), at most 254 characters in all.
"""

from __future__ import annotations

import re

MAX_ADDRESS = 254
MAX_LOCAL = 64
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_TLD = re.compile(r"^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$")


def is_valid_address(text: str) -> bool:
    """True for exactly one plain address such as ``reditel@zs-prikladna.cz``."""
    if not text or len(text) > MAX_ADDRESS or text.count("@") != 1:
        return False
    local, domain = text.split("@")
    if not local or len(local) > MAX_LOCAL or not _LOCAL.fullmatch(local):
        return False
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_domain.split(".")
    if len(labels) < 2 or len(ascii_domain) > 253:
        return False
    return all(_LABEL.fullmatch(label) for label in labels) and bool(_TLD.fullmatch(labels[-1]))
