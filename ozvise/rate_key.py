"""The secret that turns client addresses into rate-limit keys, one per limit store.

Rate-limit keys are keyed hashes of the client address (``ozvise.security``), so the
limit store never holds an address. The secret must be shared by every process that
shares the store, or each process would count a client under a different key and a
limit would be multiplied by the number of processes:

- ``memory://`` (one process): a random secret in this process's memory, forgotten at
  every restart, exactly like the counters it keys.
- ``redis://…``: a random secret kept in that Redis (``SET NX``: the first process to
  start creates it, the others read it), never written to disk by the application. It
  lives as long as the Redis server's memory, like the counters it keys; a process
  re-reads it every minute, so after a Redis restart all processes move to the new
  secret within a minute.
"""

from __future__ import annotations

import os
import threading
import time

from flask import Flask, current_app

from ozvise.redis_store import TIMEOUT_SECONDS, connect, is_memory

EXTENSION = "ozvise.rate_key"
REDIS_KEY = "ozvise:rate-limit-key-secret"
SECRET_BYTES = 32
REFRESH_SECONDS = 60.0


class ProcessSecret:
    """A random secret for this process only (the counters live here too)."""

    def __init__(self) -> None:
        self._secret = os.urandom(SECRET_BYTES)

    def current(self) -> bytes:
        return self._secret


class SharedSecret:
    """The secret kept in Redis for every process that counts in that Redis."""

    def __init__(self, url: str) -> None:
        self._client = connect("OZVISE_RATE_LIMIT_STORAGE", url)
        self._lock = threading.Lock()
        self._secret = b""
        self._read_at = float("-inf")

    def current(self) -> bytes:
        with self._lock:
            if time.monotonic() - self._read_at >= REFRESH_SECONDS:
                self._client.set(REDIS_KEY, os.urandom(SECRET_BYTES), nx=True)
                self._secret = self._client.get(REDIS_KEY) or self._secret
                self._read_at = time.monotonic()
            return self._secret


def install_rate_key(app: Flask, storage_url: str) -> None:
    """The app's rate-key secret; with Redis, also Flask-Limiter's timeouts, so a hung
    Redis fails a request (a Czech 503) instead of holding it forever."""
    if is_memory(storage_url):
        app.extensions[EXTENSION] = ProcessSecret()
        return
    app.extensions[EXTENSION] = SharedSecret(storage_url)
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {
        "socket_timeout": TIMEOUT_SECONDS, "socket_connect_timeout": TIMEOUT_SECONDS})


def rate_key_secret() -> bytes:
    """The current app's rate-limit key secret."""
    return current_app.extensions[EXTENSION].current()
