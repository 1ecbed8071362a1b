"""Moderator accounts: created by the operator (``ozvise moderators create``), by a
logged-in moderator (``review_ui.moderation.team``) and the demo.

The TOTP secret is generated with the account so the operator can hand over the
enrolment URI; the second factor counts as enrolled only after the moderator has
confirmed a code at first login (``totp_enrolled_at``), where the QR code is shown.
Every account gets the moderation key wrapped under its password, from a key someone has
unlocked (``review_ui.moderation.keys``): an account without it could not read reports.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crypto.moderation_keys import grant_moderator
from crypto.passwords import KdfCost
from models import ModerationKey, Moderator, utcnow
from models.audit import record
from review_ui.second_factor import new_secret

USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{1,79}")
MIN_PASSWORD_CHARS = 12


class AccountError(ValueError):
    """Invalid input for a new account; the message is Czech and safe to print."""


def find_moderator(session: Session, username: str) -> Moderator | None:
    return session.scalars(select(Moderator).where(
        func.lower(Moderator.username) == username.strip().lower())).first()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"Heslo musí mít aspoň {MIN_PASSWORD_CHARS} znaků.")


def create_moderator(session: Session, username: str, password: str, kdf: KdfCost,
                     totp_secret: str | None = None, enrolled: bool = False, *,
                     key: ModerationKey, private_key: bytes,
                     actor: str = "operator") -> Moderator:
    """Add a moderator holding ``key`` (unlocked as ``private_key``) under ``password``;
    the caller commits. ``enrolled`` only for the demo account; ``actor`` is who added the
    account (the operator, or a logged-in moderator in ``review_ui.moderation.team``)."""
    username = username.strip().lower()
    if not USERNAME_RE.fullmatch(username):
        raise AccountError("Uživatelské jméno: 2–80 znaků, malá písmena bez diakritiky, "
                           "číslice, tečka, pomlčka nebo podtržítko.")
    check_password(password)
    if find_moderator(session, username) is not None:
        raise AccountError(f"Moderátor {username} už existuje.")
    moderator = Moderator(username=username, totp_secret=totp_secret or new_secret(),
                          totp_enrolled_at=utcnow() if enrolled else None)
    grant_moderator(moderator, key, private_key, password, kdf)  # also the login hash
    session.add(moderator)
    session.flush()
    record(session, actor, "moderator.created", f"moderator:{moderator.id}")
    return moderator
