"""Key wrapping with HPKE (RFC 9180) on the hybrid post-quantum suite.

Reports are kept up to nine years, so a recorded ciphertext must survive a future
quantum computer: the KEM is ML-KEM-768 combined with X25519. The suite id is stored
with every wrapped key, so a later suite can be rolled out by re-wrapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519

from crypto.errors import CryptoError, DecryptionError

SUITE_ID = "hpke-mlkem768x25519-hkdfsha256-aes256gcm"
_SUITES = {
    SUITE_ID: hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM),
}
_MLKEM_SEED = 64
_MLKEM_PUBLIC = 1184
_X25519 = 32
PUBLIC_KEY_BYTES = _MLKEM_PUBLIC + _X25519
PRIVATE_KEY_BYTES = _MLKEM_SEED + _X25519


@dataclass(frozen=True)
class KeyPair:
    """Raw key material: ``private`` must never be stored unwrapped."""

    private: bytes
    public: bytes
    suite_id: str = SUITE_ID


@dataclass(frozen=True)
class WrappedKey:
    """A secret wrapped to one recipient, with the suite that wrapped it."""

    suite_id: str
    blob: bytes


def generate_keypair() -> KeyPair:
    """A fresh hybrid key pair: private = ML-KEM seed || X25519, public = ML-KEM pk || X25519."""
    pq = mlkem.MLKEM768PrivateKey.generate()
    classic = x25519.X25519PrivateKey.generate()
    private = pq.private_bytes_raw() + classic.private_bytes_raw()
    public = pq.public_key().public_bytes_raw() + classic.public_key().public_bytes_raw()
    return KeyPair(private=private, public=public)


SEED_BYTES = PRIVATE_KEY_BYTES


def keypair_from_seed(seed: bytes) -> KeyPair:
    """A deterministic key pair from 96 secret bytes (ML-KEM seed || X25519 scalar)."""
    if len(seed) != SEED_BYTES:
        raise CryptoError("seed has the wrong length")
    return KeyPair(private=seed, public=public_key_of(seed))


def _load_public(public: bytes) -> hpke.MLKEM768X25519PublicKey:
    if len(public) != PUBLIC_KEY_BYTES:
        raise CryptoError("public key has the wrong length")
    return hpke.MLKEM768X25519PublicKey(
        mlkem.MLKEM768PublicKey.from_public_bytes(public[:_MLKEM_PUBLIC]),
        x25519.X25519PublicKey.from_public_bytes(public[_MLKEM_PUBLIC:]),
    )


def _load_private(private: bytes) -> hpke.MLKEM768X25519PrivateKey:
    if len(private) != PRIVATE_KEY_BYTES:
        raise CryptoError("private key has the wrong length")
    return hpke.MLKEM768X25519PrivateKey(
        mlkem.MLKEM768PrivateKey.from_seed_bytes(private[:_MLKEM_SEED]),
        x25519.X25519PrivateKey.from_private_bytes(private[_MLKEM_SEED:]),
    )


def public_key_of(private: bytes) -> bytes:
    """Recompute the public half, e.g. to check an unwrapped private key belongs to a record."""
    _load_private(private)  # validates the length and the encoding
    pq = mlkem.MLKEM768PrivateKey.from_seed_bytes(private[:_MLKEM_SEED]).public_key()
    classic = x25519.X25519PrivateKey.from_private_bytes(private[_MLKEM_SEED:]).public_key()
    return pq.public_bytes_raw() + classic.public_bytes_raw()


def wrap_key(public: bytes, secret: bytes, *, info: bytes) -> WrappedKey:
    """Encrypt ``secret`` to ``public``; ``info`` binds it to its purpose (e.g. the report id)."""
    blob = _SUITES[SUITE_ID].encrypt(secret, _load_public(public), info=info)
    return WrappedKey(suite_id=SUITE_ID, blob=blob)


def unwrap_key(private: bytes, wrapped: WrappedKey, *, info: bytes) -> bytes:
    """Open a ``WrappedKey`` or raise DecryptionError (wrong key, tampering, wrong info)."""
    suite = _SUITES.get(wrapped.suite_id)
    if suite is None:
        raise CryptoError(f"unknown HPKE suite {wrapped.suite_id!r}")
    try:
        return suite.decrypt(wrapped.blob, _load_private(private), info=info)
    except CryptoError:
        raise
    except Exception as exc:  # the binding raises several types; callers need one
        raise DecryptionError("wrapped key does not verify") from exc


def report_key_info(report_id: str) -> bytes:
    """HPKE info for a report's data key: a wrap for report A cannot open as report B's."""
    return b"ozvise/report-key/v1\x00" + report_id.encode()


def message_key_info(report_id: str, message_id: int, author: str) -> bytes:
    """HPKE info for one conversation message's key: bound to its report, message and author."""
    return (b"ozvise/message-key/v1\x00" + report_id.encode() + b"\x00"
            + str(message_id).encode() + b"\x00" + author.encode())
