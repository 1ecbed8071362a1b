"""HTTP hardening shared by every surface: headers, request limits, IP-free rate keys."""

from __future__ import annotations

import hashlib
import hmac

from flask import Flask, Response, request

from ozvise.client_identity import client_address
from ozvise.rate_key import rate_key_secret


def hashed_client_key() -> str:
    """Flask-Limiter key: keyed hash of the client address, held in memory only; the
    secret is never written anywhere and is shared by the processes that share the limit
    store (``ozvise.rate_key``)."""
    address = client_address().encode()
    return hmac.new(rate_key_secret(), address, hashlib.sha256).hexdigest()[:32]


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


def install_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        if request.endpoint and not request.endpoint.endswith("static"):
            response.headers["Cache-Control"] = "no-store"
        return response
