"""Per-report data keys and field encryption (AES-256-GCM).

Each ciphertext carries its own random 96-bit nonce and is bound through the associated
data to the report id and the field name, so a ciphertext moved to another report or
field fails to open instead of decrypting to the wrong place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto.errors import DecryptionError

DATA_KEY_BYTES = 32
NONCE_BYTES = 12
_VERSION = b"\x01"


@dataclass(frozen=True)
class FieldContext:
    """What a ciphertext belongs to; becomes the AEAD associated data."""

    report_id: str
    field: str

    def associated_data(self) -> bytes:
        return b"ozvise/field/v1\x00" + self.report_id.encode() + b"\x00" + self.field.encode()


def new_data_key() -> bytes:
    """A fresh random AES-256 key for one report."""
    return AESGCM.generate_key(bit_length=256)


def seal_field(data_key: bytes, plaintext: str | bytes, context: FieldContext) -> bytes:
    """Encrypt one value of one report; returns version || nonce || ciphertext+tag."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    data = plaintext.encode("utf-8") if isinstance(plaintext, str) else plaintext
    return seal_bytes(data_key, data, context.associated_data())


def open_field(data_key: bytes, sealed: bytes, context: FieldContext) -> bytes:
    """Decrypt what ``seal_field`` produced for the same context, or raise DecryptionError."""
    return open_bytes(data_key, sealed, context.associated_data())


def seal_bytes(key: bytes, data: bytes, associated_data: bytes) -> bytes:
    """AES-256-GCM under a fresh random nonce; returns version || nonce || ciphertext+tag.

    The one sealing format of the project; callers differ only in the associated data,
    which each builds with its own domain prefix so ciphertexts never cross purposes.
    """
    nonce = os.urandom(NONCE_BYTES)
    return _VERSION + nonce + AESGCM(key).encrypt(nonce, data, associated_data)


def open_bytes(key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    """Decrypt what ``seal_bytes`` produced with the same associated data, or raise
    DecryptionError (wrong key, other associated data, or any bit changed)."""
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[:1] != _VERSION:
        raise DecryptionError("ciphertext is malformed")
    nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, associated_data)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("ciphertext does not verify") from exc


def open_text(data_key: bytes, sealed: bytes, context: FieldContext) -> str:
    """``open_field`` for values that were text."""
    return open_field(data_key, sealed, context).decode("utf-8")
