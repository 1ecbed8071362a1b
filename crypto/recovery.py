"""The school's recovery key: a high-entropy secret shown once at registration.

It is 160 random bits, printed as Crockford base32 groups, so a stretching KDF adds
nothing: HKDF-SHA256 turns it into the AES-256-GCM key that wraps the school's private
key. Losing every member password *and* this key loses the school's reports.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import DecryptionError

RECOVERY_BYTES = 20
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_TO_CROCKFORD = str.maketrans(_STD, _CROCKFORD)
_FROM_CROCKFORD = str.maketrans(_CROCKFORD, _STD)


def new_recovery_key() -> str:
    """E.g. ``7KQ4-9MZP-...`` (8 groups of 4 characters)."""
    raw = base64.b32encode(os.urandom(RECOVERY_BYTES)).decode().translate(_TO_CROCKFORD)
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _normalise(recovery_key: str) -> bytes:
    text = recovery_key.upper().replace("-", "").replace(" ", "")
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    try:
        raw = base64.b32decode(text.translate(_FROM_CROCKFORD))
    except ValueError as exc:
        raise DecryptionError("recovery key is not valid") from exc
    if len(raw) != RECOVERY_BYTES:
        raise DecryptionError("recovery key is not valid")
    return raw


def _key(recovery_key: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"ozvise/recovery/v1\x00" + purpose).derive(_normalise(recovery_key))


def wrap_with_recovery_key(secret: bytes, recovery_key: str, *, purpose: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(_key(recovery_key, purpose)).encrypt(nonce, secret, purpose)


def unwrap_with_recovery_key(blob: bytes, recovery_key: str, *, purpose: bytes) -> bytes:
    try:
        return AESGCM(_key(recovery_key, purpose)).decrypt(blob[:12], blob[12:], purpose)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("wrong recovery key or damaged wrap") from exc
