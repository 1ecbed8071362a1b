"""The audit log's hash chain and its anchors (pure functions; storage in ``models.audit``).

Each entry's hash covers the previous entry's hash and a canonical JSON encoding of the
entry, so altering, deleting or reordering any stored row breaks every later link. A hash
chain alone can be recomputed by whoever can write the database, and its tail can be cut
off without a trace; so each entry also carries an HMAC of its hash under a key kept
outside the database (a recomputed chain has no valid MACs), and a *checkpoint* — the
count of entries and the head's hash, HMAC-signed — kept elsewhere shows a cut tail.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
_MAC_CONTEXT = b"ozvise/audit/entry/v1\x00"
_CHECKPOINT_CONTEXT = b"ozvise/audit/checkpoint/v1\x00"


def entry_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    canonical = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"), default=str)
    return hashlib.sha256(prev_hash.encode() + b"\x00" + canonical.encode()).hexdigest()


def entry_mac(key: bytes, stored_hash: str) -> str:
    """HMAC-SHA256 of an entry's hash (which covers its fields and its link)."""
    return hmac.new(key, _MAC_CONTEXT + stored_hash.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """The first entry whose stored link or hash does not match."""

    entry_id: int
    reason: str


def find_break(entries: Iterable[tuple[int, str, str, Mapping[str, Any]]],
               key: bytes | None = None,
               macs: Mapping[int, str | None] | None = None) -> ChainBreak | None:
    """Walk ``(id, prev_hash, hash, fields)`` in order; return the first broken entry.

    With ``key``, every entry must also carry a valid MAC (``macs[id]``).
    """
    expected_prev = GENESIS
    for entry_id, prev_hash, stored_hash, fields in entries:
        if prev_hash != expected_prev:
            return ChainBreak(entry_id, "odkaz na předchozí záznam nesouhlasí (záznam chybí "
                                        "nebo byl přesunut)")
        if entry_hash(prev_hash, fields) != stored_hash:
            return ChainBreak(entry_id, "obsah záznamu byl změněn")
        if key is not None:
            mac = (macs or {}).get(entry_id)
            if not mac:
                return ChainBreak(entry_id, "záznam nemá podpis (HMAC); starší záznamy podepíše "
                                            "ozvise db upgrade")
            if not hmac.compare_digest(mac, entry_mac(key, stored_hash)):
                return ChainBreak(entry_id, "podpis záznamu nesouhlasí (řetězec byl přepočítán "
                                            "nebo je jiný klíč auditu)")
        expected_prev = stored_hash
    return None


def checkpoint_mac(key: bytes, count: int, head_id: int, head_hash: str) -> str:
    message = f"{count}:{head_id}:{head_hash}".encode()
    return hmac.new(key, _CHECKPOINT_CONTEXT + message, hashlib.sha256).hexdigest()


def make_checkpoint(key: bytes, count: int, head_id: int, head_hash: str,
                    created_at: str) -> dict[str, Any]:
    """A signed head: keep it outside the server (e-mail it, print it, commit it)."""
    return {"format": "ozvise-audit-checkpoint/1", "count": count, "head_id": head_id,
            "head_hash": head_hash, "created_at": created_at,
            "mac": checkpoint_mac(key, count, head_id, head_hash)}


def checkpoint_problem(key: bytes, checkpoint: Mapping[str, Any],
                       rows: Mapping[int, str], count_upto_head: int) -> str | None:
    """Why the log does not extend ``checkpoint`` (None: it does).

    ``rows`` maps entry id → hash of the entries now stored; ``count_upto_head`` is how many
    stored entries have an id up to the checkpoint's head.
    """
    try:
        count, head_id = int(checkpoint["count"]), int(checkpoint["head_id"])
        head_hash, mac = str(checkpoint["head_hash"]), str(checkpoint["mac"])
    except (KeyError, TypeError, ValueError):
        return "soubor není kontrolní bod auditu"
    if not hmac.compare_digest(mac, checkpoint_mac(key, count, head_id, head_hash)):
        return "podpis kontrolního bodu nesouhlasí (podvržený bod nebo jiný klíč auditu)"
    if count == 0:
        return None
    if head_id not in rows:
        return (f"záznam id {head_id} z kontrolního bodu chybí: konec záznamu byl smazán "
                f"(v bodě {count} záznamů, nyní jich je do id {head_id} {count_upto_head})")
    if not hmac.compare_digest(rows[head_id], head_hash):
        return f"záznam id {head_id} má jiný hash než v kontrolním bodě (řetězec byl přepočítán)"
    if count_upto_head != count:
        return (f"do id {head_id} je {count_upto_head} záznamů, v kontrolním bodě {count} "
                "(záznamy byly smazány)")
    return None
