"""The key ring in Redis, for several server processes on one or more hosts.

Same interface as the in-memory ``KeyRing`` (``put``/``get``/``owner_of``/``drop``), so
every caller works unchanged; chosen with ``OZVISE_KEYRING_STORAGE=redis://…``.

Nothing rests in clear (see ``crypto.keyring_seal``): the handle kept in the session
cookie is ``<entry id>.<entry key>``; Redis keeps, under the entry id, only the entry
sealed with the entry key. Idle expiry is Redis's TTL, renewed by every ``get``, so an
entry nobody uses for ``idle_seconds`` disappears from every process at once; ``drop``
(logout) deletes it. Any process can serve any request, and killing one loses no session.

Why Redis and not the database: entries are short-lived, read on every request and must
expire by themselves; Redis does that with one round trip and keeps them in memory only
(run it without persistence), while a table would need a sweeper and would write every
session's sealed key into the database files and their backups.
"""

from __future__ import annotations

import base64
import binascii
import math
import secrets

import redis

from crypto.errors import DecryptionError
from crypto.keyring_seal import ENTRY_KEY_BYTES, new_entry_key, open_owner, open_record, seal_record
from ozvise.config import Settings
from ozvise.redis_store import connect, is_memory
from review_ui.keyring import KeyRing

KEY_PREFIX = "ozvise:keyring:"
_ENTRY_ID_BYTES = 18


class RedisKeyRing(KeyRing):
    """Unlocked keys sealed in Redis under per-entry keys that only the cookie carries."""

    def __init__(self, idle_seconds: float, client: redis.Redis) -> None:
        # KeyRing.__init__ deliberately not called: a method added to KeyRing and not
        # overridden here then fails loudly (no ``_entries``) instead of quietly keeping
        # keys in one process's memory.
        self._idle = idle_seconds
        self._client = client
        self._ttl = max(1, math.ceil(idle_seconds))

    def put(self, owner: str, private_key: bytes) -> str:
        entry_id = secrets.token_urlsafe(_ENTRY_ID_BYTES)
        entry_key = new_entry_key()
        record = seal_record(entry_key, entry_id, owner, private_key)
        self._client.set(KEY_PREFIX + entry_id, record, ex=self._ttl, nx=True)
        return f"{entry_id}.{base64.urlsafe_b64encode(entry_key).decode().rstrip('=')}"

    def get(self, handle: str | None, owner: str) -> bytes | None:
        """The key under ``handle`` if it belongs to ``owner`` and has not idled out."""
        parsed = _parse(handle)
        if parsed is None:
            return None
        entry_id, entry_key = parsed
        record = self._client.getex(KEY_PREFIX + entry_id, ex=self._ttl)
        if record is None:
            return None
        try:
            return open_record(entry_key, entry_id, owner, record)
        except DecryptionError:
            return None

    def owner_of(self, handle: str | None) -> str | None:
        parsed = _parse(handle)
        if parsed is None:
            return None
        entry_id, entry_key = parsed
        record = self._client.get(KEY_PREFIX + entry_id)
        if record is None:
            return None
        try:
            return open_owner(entry_key, entry_id, record)
        except DecryptionError:
            return None

    def drop(self, handle: str | None) -> None:
        parsed = _parse(handle)
        if parsed is not None:
            self._client.delete(KEY_PREFIX + parsed[0])


def _parse(handle: str | None) -> tuple[str, bytes] | None:
    """``(entry id, entry key)`` from a handle, or None for anything malformed."""
    entry_id, dot, encoded = (handle or "").partition(".")
    if not dot or not entry_id or len(entry_id) > 64:
        return None
    try:
        entry_key = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    except (binascii.Error, ValueError):
        return None
    return (entry_id, entry_key) if len(entry_key) == ENTRY_KEY_BYTES else None


def keyring_for(settings: Settings) -> KeyRing:
    """In process memory by default (one ``ozvise serve``); in Redis when
    ``OZVISE_KEYRING_STORAGE`` names a Redis server (any number of processes)."""
    idle = settings.session_idle_minutes * 60
    if is_memory(settings.keyring_storage):
        return KeyRing(idle_seconds=idle)
    return RedisKeyRing(idle, connect("OZVISE_KEYRING_STORAGE", settings.keyring_storage))
