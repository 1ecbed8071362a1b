"""Who the client is, behind any number of trusted proxies, without storing addresses.

Behind a TLS proxy every request comes from the proxy's address; without this, one
client's limit would be everybody's. ``OZVISE_TRUSTED_PROXY_HOPS`` says how many proxies
in front of the server append to ``X-Forwarded-For``; Werkzeug's ``ProxyFix`` then sets
``request.remote_addr`` to the address the outermost trusted proxy saw, and every limit
(Flask-Limiter keys, the login throttle, Flask-Login's session protection) reads that one
value. With 0 hops (the default) forwarding headers are ignored, so a client cannot pick
its own identity by sending ``X-Forwarded-For``.

Two derived identities, neither of which is an address:

- ``hashed_client_key`` (``ozvise.security``): rate-limit keys, keyed with a secret that
  lives only in memory.
- ``client_tag``: the login throttle's client column. It must mean the same in every
  server process and after a restart, so it is keyed with a key derived from the
  installation's secret key; a database copy alone cannot turn it back into an address,
  and the rows are deleted 7 days after their last use.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Flask, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

_TAG_CONTEXT = b"ozvise/login-throttle/client/v1"


def install_proxy_fix(app: Flask, trusted_hops: int) -> None:
    """Trust ``trusted_hops`` proxies' X-Forwarded-For, -Proto, -Host and -Port headers."""
    if trusted_hops < 0:
        raise ValueError("OZVISE_TRUSTED_PROXY_HOPS must be 0 or more")
    if trusted_hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=trusted_hops,  # type: ignore[method-assign]
                                x_proto=trusted_hops, x_host=trusted_hops,
                                x_port=trusted_hops)


def client_address() -> str:
    """The client's address as the limits see it (after the trusted proxies)."""
    return request.remote_addr or ""


def client_tag() -> str:
    """A stable keyed hash of the client address (same in every process), 32 hex digits."""
    key = hmac.new(current_app.config["SECRET_KEY"].encode(), _TAG_CONTEXT,
                   hashlib.sha256).digest()
    return hmac.new(key, client_address().encode(), hashlib.sha256).hexdigest()[:32]
