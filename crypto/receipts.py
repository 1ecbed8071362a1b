"""Reporter receipts: the only key a reporter holds.

A receipt is 25 random decimal digits (83 bits) in five groups of five, easy to read
aloud and type on a phone's number pad. It is stored only as an Argon2id digest. The salt
is fixed because the digest must be searchable and the receipt's own entropy makes
precomputation pointless; the cost keeps online and offline guessing expensive.
"""

from __future__ import annotations

import secrets

from argon2.low_level import Type, hash_secret_raw

from crypto.hpke import SEED_BYTES, KeyPair, keypair_from_seed

RECEIPT_DIGITS = 25
_SALT = b"ozvise/receipt/v1"
_COST = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}


def new_receipt() -> str:
    digits = "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))
    return "-".join(digits[i : i + 5] for i in range(0, RECEIPT_DIGITS, 5))


def normalise_receipt(text: str) -> str | None:
    """Digits only, regrouped; ``None`` if it cannot be a receipt (wrong length, letters)."""
    digits = "".join(ch for ch in text if ch.isdigit() and ch.isascii())
    stripped = "".join(ch for ch in text if not ch.isspace() and ch not in "-–.")
    if len(digits) != RECEIPT_DIGITS or len(stripped) != RECEIPT_DIGITS:
        return None
    return "-".join(digits[i : i + 5] for i in range(0, RECEIPT_DIGITS, 5))


def receipt_digest(receipt: str) -> bytes:
    """Argon2id digest used as the lookup key; call with a normalised receipt."""
    return hash_secret_raw(secret=receipt.encode(), salt=_SALT, hash_len=32, type=Type.ID,
                           **_COST)


def reporter_keypair(receipt: str) -> KeyPair:
    """The reporter's HPKE key pair, re-derived from the receipt whenever it is presented.

    The school encrypts replies to the public half (stored on the report); only the receipt
    holder can re-derive the private half, so the server alone cannot read the replies.
    The seed comes from Argon2id with its own salt, so the stored digest does not reveal it.
    """
    seed = hash_secret_raw(secret=receipt.encode(), salt=_SALT + b"/reporter-key",
                           hash_len=SEED_BYTES, type=Type.ID, **_COST)
    return keypair_from_seed(seed)
