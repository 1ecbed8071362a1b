"""Counsellor accounts, created by the operator (``ozvise counsellors create``).

Unlike moderators, a counsellor holds a key pair: the private half is wrapped under the
password at creation (``crypto.counsellor_keys``). The TOTP secret is generated with the
account and handed over as an enrolment URI; the first successful login confirms it.
Username and password rules are the platform's staff-account rules (moderation accounts).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crypto.counsellor_keys import give_key_pair
from crypto.passwords import KdfCost, hash_password
from models import Counsellor
from models.audit import record
from review_ui.moderation.accounts import MIN_PASSWORD_CHARS, USERNAME_RE, AccountError
from review_ui.second_factor import new_secret

MAX_NAME_CHARS = 200


def find_counsellor(session: Session, username: str) -> Counsellor | None:
    return session.scalars(select(Counsellor).where(
        func.lower(Counsellor.username) == username.strip().lower())).first()


def create_counsellor(session: Session, username: str, name: str, password: str,
                      kdf: KdfCost) -> Counsellor:
    """Add a counsellor with a fresh key pair and TOTP secret (the caller commits)."""
    username, name = username.strip().lower(), " ".join(name.split())
    if not USERNAME_RE.fullmatch(username):
        raise AccountError("Uživatelské jméno: 2–80 znaků, malá písmena bez diakritiky, "
                           "číslice, tečka, pomlčka nebo podtržítko.")
    if not name or len(name) > MAX_NAME_CHARS:
        raise AccountError(f"Jméno poradce je povinné (nejvýše {MAX_NAME_CHARS} znaků).")
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"Heslo musí mít aspoň {MIN_PASSWORD_CHARS} znaků.")
    if find_counsellor(session, username) is not None:
        raise AccountError(f"Poradce {username} už existuje.")
    counsellor = Counsellor(username=username, name=name,
                            password_hash=hash_password(password, kdf), totp_secret=new_secret(),
                            suite_id="", public_key=b"", key_wrap=b"", key_wrap_salt=b"",
                            key_wrap_kdf="")
    session.add(counsellor)
    session.flush()  # the id is bound into the key wrap
    give_key_pair(counsellor, password, kdf)
    record(session, "operator", "counsellor.created", f"counsellor:{counsellor.id}")
    return counsellor
