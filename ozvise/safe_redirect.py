"""The ``next`` parameter of login forms: a path on this site, or nothing.

A redirect target is refused unless it is a plain path under the surface's own prefix:
no scheme or host (``//evil``), no backslash (browsers read ``/\\evil`` as a host), and no
control, format, separator or space characters at all (a real path has them
percent-encoded) — a CR/LF would otherwise reach the ``Location``
header, where Werkzeug refuses it with an exception (a 500), and invisible characters have
no business in a path.
"""

from __future__ import annotations

import unicodedata

MAX_TARGET_CHARS = 500


def local_target(target: str | None, prefix: str) -> str | None:
    """``target`` if it is a safe path under ``prefix``, else None."""
    if not target or len(target) > MAX_TARGET_CHARS or not target.startswith(prefix):
        return None
    if "//" in target or "\\" in target:
        return None
    if any(unicodedata.category(ch)[0] in "CZ" for ch in target):
        return None
    return target
