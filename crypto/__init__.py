"""Keys and envelopes for Ozvi se, composed only from ``cryptography`` and ``argon2-cffi``.

Hierarchy (see DESIGN.md): a random data key per report seals each secret with
AES-256-GCM bound to (report id, field); the data key is wrapped with HPKE
(ML-KEM-768+X25519, HKDF-SHA256, AES-256-GCM) to a school, counsellor or the offline
onboarding key; private keys rest only wrapped under Argon2id-derived keys.
"""

from crypto.aead import DATA_KEY_BYTES, FieldContext, new_data_key, open_field, seal_field
from crypto.errors import CryptoError, DecryptionError
from crypto.hpke import SUITE_ID, KeyPair, WrappedKey, generate_keypair, unwrap_key, wrap_key
from crypto.passwords import (
    KdfCost,
    PasswordWrap,
    hash_password,
    unwrap_with_password,
    verify_password,
    wrap_with_password,
)
from crypto.recovery import new_recovery_key, unwrap_with_recovery_key, wrap_with_recovery_key

__all__ = [
    "DATA_KEY_BYTES",
    "SUITE_ID",
    "CryptoError",
    "DecryptionError",
    "FieldContext",
    "KdfCost",
    "KeyPair",
    "PasswordWrap",
    "WrappedKey",
    "generate_keypair",
    "hash_password",
    "new_data_key",
    "new_recovery_key",
    "open_field",
    "seal_field",
    "unwrap_key",
    "unwrap_with_password",
    "unwrap_with_recovery_key",
    "verify_password",
    "wrap_key",
    "wrap_with_password",
    "wrap_with_recovery_key",
]
