"""TOTP second factor (RFC 6238, via pyotp) for every staff account.

One module for moderators, school members and counsellors: enrolment shows a QR code
(segno, rendered as an inline SVG data URI, so no external request and no inline script)
and the secret as text; verification accepts one step of clock drift and refuses a code
that was already used in the same step (replay).
"""

from __future__ import annotations

import time

import pyotp
import segno

ISSUER = "Ozvi se"
_last_used: dict[str, int] = {}


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account_name: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account_name, issuer_name=ISSUER)


def qr_data_uri(secret: str, account_name: str) -> str:
    """An ``<img src>``-ready SVG QR code of the provisioning URI."""
    return segno.make(provisioning_uri(secret, account_name), error="m").svg_data_uri(scale=5)


def verify_code(secret: str | None, code: str, account_key: str) -> bool:
    """True for a current, not yet used code of ``secret``; ``account_key`` scopes replays."""
    if not secret:
        return False
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(secret)
    now = int(time.time())
    for drift in (0, -1, 1):
        at = now + drift * totp.interval
        step = int(at // totp.interval)
        if totp.at(at) == code:
            if _last_used.get(account_key, -1) >= step:
                return False
            _last_used[account_key] = step
            return True
    return False


def current_code(secret: str) -> str:
    """The code an authenticator would show now (tests and the demo printout use this)."""
    return pyotp.TOTP(secret).now()
