"""The platform's moderation key pair: creation, one wrap per moderator, recovery, rotation.

Follows the school-key pattern (``crypto.school_keys``): the private key is in clear only
in memory, right after generation or after a moderator unlocks it with a password; it
rests wrapped under each moderator's Argon2id-derived key and once under an operator
recovery key shown when the key is created. Granting a moderator wraps a key someone has
unlocked (a moderator's password or the recovery key); no sealed copy is re-encrypted.

Rotation creates a new pair; the caller re-wraps the pending copies (``crypto.
moderation_copy.rewrap_all``). Unless the rotation revokes the old key, the new private
key is also HPKE-wrapped to the old public key (``successor_wrap``): a moderator whose
password still opens the old key follows that link at the next login and is re-wrapped
to the new key, so nobody needs to hand out new passwords after a routine rotation.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.errors import DecryptionError
from crypto.hpke import WrappedKey, generate_keypair, public_key_of, unwrap_key, wrap_key
from crypto.passwords import (
    KdfCost,
    PasswordWrap,
    hash_password,
    unwrap_with_password,
    wrap_with_password,
)
from crypto.recovery import new_recovery_key, unwrap_with_recovery_key, wrap_with_recovery_key
from models import ModerationKey, Moderator, utcnow


def _purpose(key: ModerationKey) -> bytes:
    if key.id is None:
        raise ValueError("flush the moderation key first: its id is bound into every wrap")
    return b"ozvise/moderation-key/v1\x00" + str(key.id).encode()


def _successor_info(old: ModerationKey, new_id: int) -> bytes:
    return _purpose(old) + b"\x00successor\x00" + str(new_id).encode()


def active_moderation_key(session: Session) -> ModerationKey | None:
    """The key new copies are sealed to, or None before ``ozvise moderators init-key``."""
    return session.scalars(select(ModerationKey).where(ModerationKey.active.is_(True))
                           .order_by(ModerationKey.id.desc())).first()


def _new_key(session: Session) -> tuple[ModerationKey, bytes, str]:
    pair = generate_keypair()
    record = ModerationKey(suite_id=pair.suite_id, public_key=pair.public, active=True)
    session.add(record)
    session.flush()
    recovery = new_recovery_key()
    record.recovery_wrap = wrap_with_recovery_key(pair.private, recovery, purpose=_purpose(record))
    return record, pair.private, recovery


def create_moderation_key(session: Session) -> tuple[ModerationKey, bytes, str]:
    """The installation's first moderation key: (record, private key, recovery key to show
    once). Refuses if one exists: replacing it is a rotation, which must re-wrap copies."""
    if active_moderation_key(session) is not None:
        raise ValueError("a moderation key exists already; rotate it instead")
    return _new_key(session)


def check_belongs(key: ModerationKey, private_key: bytes) -> None:
    """DecryptionError unless ``private_key`` is the private half of ``key``."""
    if public_key_of(private_key) != key.public_key:
        raise DecryptionError("the unlocked key is not this moderation key")


def grant_moderator(moderator: Moderator, key: ModerationKey, private_key: bytes, password: str,
                    cost: KdfCost) -> None:
    """Give ``moderator`` the moderation key under ``password`` (also sets the login hash)."""
    check_belongs(key, private_key)
    wrap = wrap_with_password(private_key, password, cost, purpose=_purpose(key))
    moderator.moderation_key_id = key.id
    moderator.password_hash = hash_password(password, cost)
    moderator.key_wrap, moderator.key_wrap_salt, moderator.key_wrap_kdf = (
        wrap.blob, wrap.salt, wrap.cost.to_json())


def revoke_moderator(moderator: Moderator) -> None:
    moderator.moderation_key_id = None
    moderator.key_wrap = moderator.key_wrap_salt = moderator.key_wrap_kdf = None


def unlock_for_moderator(session: Session, moderator: Moderator,
                         password: str) -> tuple[ModerationKey, bytes]:
    """The active moderation key opened with the moderator's password, or DecryptionError.

    A wrap of a retired key is followed along its successor links to the active key and
    replaced by a wrap of the active key (the caller commits), so one rotation needs no
    action from the moderators.
    """
    if moderator.key_wrap is None or moderator.moderation_key_id is None:
        raise DecryptionError("this moderator holds no moderation key")
    key = session.get(ModerationKey, moderator.moderation_key_id)
    if key is None:
        raise DecryptionError("this moderator's key no longer exists")
    wrap = PasswordWrap(salt=moderator.key_wrap_salt,
                        cost=KdfCost.from_json(moderator.key_wrap_kdf), blob=moderator.key_wrap)
    private_key = unwrap_with_password(wrap, password, purpose=_purpose(key))
    check_belongs(key, private_key)
    if key.active:
        return key, private_key
    while not key.active:
        if key.successor_wrap is None or key.successor_id is None:
            raise DecryptionError("this moderator's key was retired without a successor")
        successor = session.get(ModerationKey, key.successor_id)
        private_key = unwrap_key(private_key, WrappedKey(key.suite_id, key.successor_wrap),
                                 info=_successor_info(key, key.successor_id))
        check_belongs(successor, private_key)
        key = successor
    grant_moderator(moderator, key, private_key, password, KdfCost.from_json(
        moderator.key_wrap_kdf))
    return key, private_key


def unlock_with_recovery(key: ModerationKey, recovery_key: str) -> bytes:
    if key.recovery_wrap is None:
        raise DecryptionError("this moderation key has no recovery wrap")
    private_key = unwrap_with_recovery_key(key.recovery_wrap, recovery_key,
                                           purpose=_purpose(key))
    check_belongs(key, private_key)
    return private_key


def rotate_moderation_key(session: Session, old: ModerationKey, old_private: bytes, *,
                          carry_over: bool) -> tuple[ModerationKey, bytes, str]:
    """Retire ``old`` for a new pair; returns (new record, new private key, new recovery key).

    ``carry_over``: link the old key to the new one (see the module docstring); without it
    (the old key may be compromised) every wrap of the old key is deleted, and each
    moderator must be granted again. The old recovery wrap is deleted either way. The
    caller re-wraps the sealed copies before committing.
    """
    check_belongs(old, old_private)
    new, new_private, recovery = _new_key(session)
    old.active, old.retired_at, old.recovery_wrap = False, utcnow(), None
    if carry_over:
        wrapped = wrap_key(old.public_key, new_private, info=_successor_info(old, new.id))
        old.successor_id, old.successor_wrap = new.id, wrapped.blob
    else:
        for moderator in session.scalars(select(Moderator).where(
                Moderator.moderation_key_id.is_not(None))):
            if moderator.moderation_key_id != new.id:
                revoke_moderator(moderator)
        for retired in session.scalars(select(ModerationKey).where(
                ModerationKey.successor_wrap.is_not(None))):
            retired.successor_wrap = None
    return new, new_private, recovery
