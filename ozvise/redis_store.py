"""Connections to the Redis server that several server processes share.

One place that turns an ``OZVISE_*_STORAGE`` setting into a Redis client, for the key
ring (``review_ui.keyring_redis``) and the rate-limit key secret (``ozvise.rate_key``).
Flask-Limiter opens its own connection from ``OZVISE_RATE_LIMIT_STORAGE``.

Run Redis without persistence (``save ""``, ``appendonly no``): nothing in it must
outlive a restart, and nothing in it is worth a file on disk.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import redis
from flask import Flask, g

from ozvise.errors import error_response

MEMORY = "memory://"
REDIS_SCHEMES = ("redis", "rediss", "redis+unix", "unix")
#: a request waits at most this long for Redis before it fails (with a Czech error page)
TIMEOUT_SECONDS = 3.0


class StoreConfigError(ValueError):
    """A storage setting names something this installation cannot use; the message is
    Czech and names the setting, never the password in the URL."""


def is_memory(url: str) -> bool:
    return url.strip() in ("", MEMORY)


def is_redis(url: str) -> bool:
    return urlsplit(url.strip()).scheme in REDIS_SCHEMES


def describe(url: str) -> str:
    """``url`` without credentials, for messages and logs."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def connect(setting: str, url: str) -> redis.Redis:
    """A client for ``url`` (``redis://``, ``rediss://``, ``redis+unix://``), checked with
    a PING so that a wrong setting stops the server at start, not at a user's login."""
    if not is_redis(url):
        raise StoreConfigError(f"{setting}: podporované je memory:// nebo redis://…, "
                               f"ne {describe(url)!r}.")
    url = url.strip()
    if url.startswith("redis+unix://"):  # Flask-Limiter's spelling of a Unix socket
        url = "unix://" + url.removeprefix("redis+unix://")
    client = redis.Redis.from_url(url, socket_timeout=TIMEOUT_SECONDS,
                                  socket_connect_timeout=TIMEOUT_SECONDS,
                                  health_check_interval=30)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise StoreConfigError(f"{setting}: Redis na {describe(url)} neodpovídá "
                               f"({type(exc).__name__}).") from exc
    return client


STORE_UNAVAILABLE = ("Služba je na okamžik nedostupná. Nic z odeslaného se neztratilo, "
                     "zkuste to prosím za chvíli znovu.")


def install_store_errors(app: Flask) -> None:
    """A lost Redis connection is a Czech 503 page (JSON on the API), never a stack trace."""

    @app.errorhandler(redis.RedisError)
    def _store_unavailable(exc: redis.RedisError):
        app.logger.error("shared store unavailable: %s", type(exc).__name__)
        manager = getattr(app, "login_manager", None)
        if manager is not None:  # rendering the page must not ask the lost store who it is
            g._login_user = manager.anonymous_user()
        return error_response(503, "store_unavailable", STORE_UNAVAILABLE)
