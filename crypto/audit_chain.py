"""The audit log's hash chain (pure functions; storage lives in ``models.audit``).

Each entry's hash covers the previous entry's hash and a canonical JSON encoding of the
entry, so altering, deleting or reordering any stored row breaks every later link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    canonical = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"), default=str)
    return hashlib.sha256(prev_hash.encode() + b"\x00" + canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """The first entry whose stored link or hash does not match."""

    entry_id: int
    reason: str


def find_break(entries: Iterable[tuple[int, str, str, Mapping[str, Any]]]) -> ChainBreak | None:
    """Walk ``(id, prev_hash, hash, fields)`` in order; return the first broken entry."""
    expected_prev = GENESIS
    for entry_id, prev_hash, stored_hash, fields in entries:
        if prev_hash != expected_prev:
            return ChainBreak(entry_id, "odkaz na předchozí záznam nesouhlasí (záznam chybí "
                                        "nebo byl přesunut)")
        if entry_hash(prev_hash, fields) != stored_hash:
            return ChainBreak(entry_id, "obsah záznamu byl změněn")
        expected_prev = stored_hash
    return None
