"""One-time invitations: how a member gets the school key without anyone's password.

Used for the second and further contact persons at registration, for members an admin
adds later, and for the re-grant after a forgotten password (no report is re-encrypted:
the admin's unlocked school key is wrapped again for the member).

The school key is wrapped (Argon2id + AES-256-GCM, ``crypto.passwords``) under two
secrets together: a random token in the e-mailed link and a short code the admin tells
the colleague in person or by phone. The e-mail is kept in the outbox table, so the link
alone must never open the wrap: without the code, which is shown only to the admin and
never stored, the database and the instance folder cannot unlock the school key. The
code has 60 bits; Argon2id makes guessing it offline hopeless and the per-account login
throttle limits guessing online.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.passwords import (
    KdfCost,
    PasswordWrap,
    hash_password,
    unwrap_with_password,
    wrap_with_password,
)
from crypto.school_keys import grant_member
from models import MemberRole, SchoolKey, SchoolMember, utcnow

INVITATION_VALIDITY = timedelta(days=7)
READER_ROLES = (MemberRole.ADMIN, MemberRole.HANDLER)
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
_CODE_LENGTH = 12


@dataclass(frozen=True)
class Invitation:
    """What the inviter hands on: the link token goes by e-mail, the code in person."""

    token: str
    code: str


def token_hash(token: str) -> str:
    """Lookup digest of a high-entropy token (a plain hash suffices at 256 bits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, _CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """Forgive case, spaces, dashes and the look-alikes O/0, I/L/1."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return cleaned.replace("O", "0").replace("I", "1").replace("L", "1")


def _purpose(member: SchoolMember) -> bytes:
    return f"ozvise/invitation/v1\x00{member.school_id}\x00{member.id}".encode()


def _secret(token: str, code: str) -> str:
    return f"{token}\x00{normalise_code(code)}"


def wipe_credentials(member: SchoolMember) -> None:
    """Forget the member's password, key wrap, second factor and open invitation."""
    member.password_hash = None
    member.key_wrap = member.key_wrap_salt = member.key_wrap_kdf = None
    member.totp_secret, member.totp_enrolled_at = None, None
    clear_invitation(member)


def clear_invitation(member: SchoolMember) -> None:
    member.invite_token_hash = member.invite_expires_at = None
    member.pending_key_wrap = member.invite_wrap_salt = member.invite_wrap_kdf = None


def issue(member: SchoolMember, school_key: SchoolKey, private_key: bytes | None,
          cost: KdfCost) -> Invitation:
    """Give ``member`` a fresh invitation; their old credentials stop working at once.

    ``member`` must be flushed (its id is bound into the wrap). Readers (admin, handler)
    get the school key; an analyst gets an empty payload that only proves the code.
    """
    if member.id is None:
        raise ValueError("flush the member before inviting")
    payload = private_key if member.role in READER_ROLES else b""
    if payload is None:
        raise ValueError("a reader's invitation needs the unlocked school key")
    token, code = secrets.token_urlsafe(32), new_code()
    wipe_credentials(member)
    wrap = wrap_with_password(payload, _secret(token, code), cost, purpose=_purpose(member))
    member.school_key_id = school_key.id
    member.pending_key_wrap, member.invite_wrap_salt = wrap.blob, wrap.salt
    member.invite_wrap_kdf = wrap.cost.to_json()
    member.invite_token_hash = token_hash(token)
    member.invite_expires_at = utcnow() + INVITATION_VALIDITY
    return Invitation(token=token, code=code)


def find_invited(session: Session, token: str) -> SchoolMember | None:
    """The active member whose unexpired invitation this link token is, if any."""
    if not token or len(token) > 100:
        return None
    member = session.scalars(select(SchoolMember).where(
        SchoolMember.invite_token_hash == token_hash(token),
        SchoolMember.active.is_(True))).first()
    if member is None or member.invite_expires_at is None or member.pending_key_wrap is None:
        return None
    expires = member.invite_expires_at
    if expires.tzinfo is None:  # SQLite returns naive UTC datetimes
        expires = expires.replace(tzinfo=utcnow().tzinfo)
    return member if expires > utcnow() else None


def accept(member: SchoolMember, school_key: SchoolKey, token: str, code: str, password: str,
           cost: KdfCost) -> bytes | None:
    """Set the member's password; returns the school private key for readers.

    Raises ``crypto.DecryptionError`` for a wrong code (nothing changes then).
    """
    wrap = PasswordWrap(salt=member.invite_wrap_salt or b"",
                        cost=KdfCost.from_json(member.invite_wrap_kdf or "{}"),
                        blob=member.pending_key_wrap or b"")
    payload = unwrap_with_password(wrap, _secret(token, code), purpose=_purpose(member))
    clear_invitation(member)
    if member.email_confirmed_at is None:
        member.email_confirmed_at = utcnow()  # the link came by e-mail
    if member.role in READER_ROLES and payload:
        grant_member(member, school_key, payload, password, cost)
        return payload
    member.password_hash = hash_password(password, cost)
    return None
