"""Passwords: login verification and wrapping private keys under a password.

Two separate uses of Argon2id (RFC 9106):
- ``hash_password``/``verify_password``: the PHC-string hash checked at login;
- ``wrap_with_password``: a key derived with its own random salt encrypts a private key
  (AES-256-GCM). The parameters are stored with each wrap, so they can be raised later
  by re-wrapping at the next successful login.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto.errors import DecryptionError

SALT_BYTES = 16
NONCE_BYTES = 12


@dataclass(frozen=True)
class KdfCost:
    """Argon2id costs; the RFC 9106 second recommendation is the default."""

    time_cost: int = 3
    memory_cost_kib: int = 65536
    parallelism: int = 4

    def to_json(self) -> str:
        return json.dumps(
            {"alg": "argon2id", "t": self.time_cost, "m": self.memory_cost_kib,
             "p": self.parallelism},
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> KdfCost:
        data = json.loads(text)
        if data.get("alg") != "argon2id":
            raise ValueError("unsupported KDF")
        return cls(time_cost=int(data["t"]), memory_cost_kib=int(data["m"]),
                   parallelism=int(data["p"]))


@dataclass(frozen=True)
class PasswordWrap:
    """A secret encrypted under a password-derived key, with everything needed to redo it."""

    salt: bytes
    cost: KdfCost
    blob: bytes  # nonce || ciphertext+tag


def _hasher(cost: KdfCost) -> PasswordHasher:
    return PasswordHasher(time_cost=cost.time_cost, memory_cost=cost.memory_cost_kib,
                          parallelism=cost.parallelism, type=Type.ID)


def hash_password(password: str, cost: KdfCost) -> str:
    """PHC string (``$argon2id$v=19$...``) for login checks."""
    return _hasher(cost).hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True if ``password`` matches; never raises for a wrong password or a bad hash."""
    try:
        return PasswordHasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _derive(password: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        secret=password.encode("utf-8"), salt=salt, time_cost=cost.time_cost,
        memory_cost=cost.memory_cost_kib, parallelism=cost.parallelism, hash_len=32,
        type=Type.ID,
    )


def wrap_with_password(secret: bytes, password: str, cost: KdfCost, *,
                       purpose: bytes) -> PasswordWrap:
    """Encrypt ``secret`` under ``password``; ``purpose`` is bound as associated data."""
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    key = _derive(password, salt, cost)
    return PasswordWrap(salt=salt, cost=cost,
                        blob=nonce + AESGCM(key).encrypt(nonce, secret, purpose))


def unwrap_with_password(wrap: PasswordWrap, password: str, *, purpose: bytes) -> bytes:
    """Recover the secret or raise DecryptionError (wrong password or tampered wrap)."""
    key = _derive(password, wrap.salt, wrap.cost)
    nonce, body = wrap.blob[:NONCE_BYTES], wrap.blob[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, body, purpose)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("wrong password or damaged key") from exc
