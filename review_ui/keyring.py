"""Unlocked private keys, held in this process's memory only, for the length of a session.

The cookie carries a random handle, never key material; a restart or 30 idle minutes
forget every key, and the user unlocks again with their password. This is the default,
for one multi-threaded ``ozvise serve``; with several server processes (or hosts) set
``OZVISE_KEYRING_STORAGE=redis://…`` for ``keyring_redis.RedisKeyRing``, which has the
same interface and keeps the keys sealed in Redis under keys only the cookies carry.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass


@dataclass
class _Entry:
    owner: str
    private_key: bytes
    last_used: float


class KeyRing:
    def __init__(self, idle_seconds: float) -> None:
        self._idle = idle_seconds
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def put(self, owner: str, private_key: bytes) -> str:
        handle = secrets.token_urlsafe(32)
        with self._lock:
            self._expire()
            self._entries[handle] = _Entry(owner, private_key, time.monotonic())
        return handle

    def get(self, handle: str | None, owner: str) -> bytes | None:
        """The key stored under ``handle`` if it belongs to ``owner`` and has not idled out."""
        if not handle:
            return None
        with self._lock:
            self._expire()
            entry = self._entries.get(handle)
            if entry is None or entry.owner != owner:
                return None
            entry.last_used = time.monotonic()
            return entry.private_key

    def owner_of(self, handle: str | None) -> str | None:
        """Whose key ``handle`` holds (a reporter's session knows its handle, not its report)."""
        with self._lock:
            self._expire()
            entry = self._entries.get(handle or "")
            return entry.owner if entry is not None else None

    def drop(self, handle: str | None) -> None:
        with self._lock:
            self._entries.pop(handle or "", None)

    def _expire(self) -> None:
        cutoff = time.monotonic() - self._idle
        for handle in [h for h, e in self._entries.items() if e.last_used < cutoff]:
            del self._entries[handle]
