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
from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from models import TotpStep
from ozvise.db import db

ISSUER = "Ozvi se"


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
            return claim_step(db(), account_key, step)
    return False


def claim_step(session: Session, account_key: str, step: int) -> bool:
    """Record ``step`` as used for the account unless it (or a later one) already was.

    One INSERT … ON CONFLICT DO NOTHING, else one conditional UPDATE: of two concurrent
    claims of the same step exactly one succeeds. The caller commits (with the login).
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    inserted = session.execute(dialect.insert(TotpStep).values(
        account=account_key, last_step=step).on_conflict_do_nothing().returning(
        TotpStep.account)).first()
    if inserted is not None:
        return True
    advanced = session.execute(update(TotpStep).where(
        TotpStep.account == account_key, TotpStep.last_step < step).values(last_step=step)
        .execution_options(synchronize_session=False))
    return (advanced.rowcount or 0) == 1


def current_code(secret: str) -> str:
    """The code an authenticator would show now (tests and the demo printout use this)."""
    return pyotp.TOTP(secret).now()
