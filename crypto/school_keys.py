"""A school's key pair over its life: creation, one wrap per member, unlock, re-grant.

The private key exists in clear only in memory: right after generation and after a
member unlocks it with a password. A re-grant wraps the key that an admin has unlocked
for another member; no report is re-encrypted.
"""

from __future__ import annotations

from crypto.errors import DecryptionError
from crypto.hpke import generate_keypair, public_key_of
from crypto.passwords import (
    KdfCost,
    PasswordWrap,
    hash_password,
    unwrap_with_password,
    wrap_with_password,
)
from crypto.recovery import new_recovery_key, unwrap_with_recovery_key, wrap_with_recovery_key
from models import School, SchoolKey, SchoolMember


def _purpose(school_key: SchoolKey) -> bytes:
    return b"ozvise/school-key/v1\x00" + str(school_key.id).encode()


def create_school_key(school: School, session) -> tuple[SchoolKey, bytes, str]:  # noqa: ANN001
    """Generate the school's key pair; returns (record, private key, recovery key to show once).

    The record is flushed so its id can be bound into every wrap.
    """
    for old in school.keys:
        old.active = False
    pair = generate_keypair()
    record = SchoolKey(school=school, suite_id=pair.suite_id, public_key=pair.public, active=True)
    session.add(record)
    session.flush()
    recovery = new_recovery_key()
    record.recovery_wrap = wrap_with_recovery_key(pair.private, recovery, purpose=_purpose(record))
    return record, pair.private, recovery


def grant_member(member: SchoolMember, school_key: SchoolKey, private_key: bytes, password: str,
                 cost: KdfCost) -> None:
    """Give ``member`` the school key under ``password`` (also used for re-grants)."""
    if public_key_of(private_key) != school_key.public_key:
        raise DecryptionError("the unlocked key does not belong to this school")
    wrap = wrap_with_password(private_key, password, cost, purpose=_purpose(school_key))
    member.school_key_id = school_key.id
    member.password_hash = hash_password(password, cost)
    member.key_wrap, member.key_wrap_salt, member.key_wrap_kdf = (
        wrap.blob, wrap.salt, wrap.cost.to_json())


def unlock_for_member(member: SchoolMember, school_key: SchoolKey, password: str) -> bytes:
    """The school private key, opened with the member's password, or DecryptionError."""
    if member.key_wrap is None or member.key_wrap_salt is None or member.key_wrap_kdf is None:
        raise DecryptionError("this member holds no key")
    if member.school_key_id != school_key.id:
        raise DecryptionError("this member's key belongs to an older school key")
    wrap = PasswordWrap(salt=member.key_wrap_salt, cost=KdfCost.from_json(member.key_wrap_kdf),
                        blob=member.key_wrap)
    return unwrap_with_password(wrap, password, purpose=_purpose(school_key))


def unlock_with_recovery(school_key: SchoolKey, recovery_key: str) -> bytes:
    if school_key.recovery_wrap is None:
        raise DecryptionError("no recovery key was set up")
    return unwrap_with_recovery_key(school_key.recovery_wrap, recovery_key,
                                    purpose=_purpose(school_key))
