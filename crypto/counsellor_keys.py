"""A counsellor's key pair: public half in clear, private half only under their password.

Counsellors are platform staff who see a report only when a school wraps that report's
data key to their public key (``crypto.envelope.wrap_for`` with ``KeyRecipient.COUNSELLOR``).
Like a school member's wrap, the private key is sealed under an Argon2id key of the
password (salt per counsellor, parameters stored), bound to the counsellor's id.
"""

from __future__ import annotations

from crypto.errors import DecryptionError
from crypto.hpke import generate_keypair, public_key_of
from crypto.passwords import KdfCost, PasswordWrap, unwrap_with_password, wrap_with_password
from models import Counsellor


def _purpose(counsellor: Counsellor) -> bytes:
    if counsellor.id is None:
        raise ValueError("flush the counsellor first: its id is bound into the wrap")
    return b"ozvise/counsellor-key/v1\x00" + str(counsellor.id).encode()


def give_key_pair(counsellor: Counsellor, password: str, cost: KdfCost) -> None:
    """Generate the counsellor's key pair and wrap the private half under ``password``."""
    pair = generate_keypair()
    wrap = wrap_with_password(pair.private, password, cost, purpose=_purpose(counsellor))
    counsellor.suite_id, counsellor.public_key = pair.suite_id, pair.public
    counsellor.key_wrap, counsellor.key_wrap_salt = wrap.blob, wrap.salt
    counsellor.key_wrap_kdf = wrap.cost.to_json()


def unlock_counsellor_key(counsellor: Counsellor, password: str) -> bytes:
    """The counsellor's private key, or DecryptionError (wrong password, tampered record)."""
    wrap = PasswordWrap(salt=counsellor.key_wrap_salt,
                        cost=KdfCost.from_json(counsellor.key_wrap_kdf), blob=counsellor.key_wrap)
    private = unwrap_with_password(wrap, password, purpose=_purpose(counsellor))
    if public_key_of(private) != counsellor.public_key:
        raise DecryptionError("the unwrapped key does not match the counsellor's public key")
    return private
