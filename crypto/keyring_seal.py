"""Unlocked keys sealed for a store shared by many server processes.

A session's unlocked private key must be reachable from every server process, so it
cannot stay in one process's memory; but it must never rest in clear anywhere either.
Each entry gets its own random 256-bit *entry key*: the shared store (Redis) keeps only
the entry sealed under it, and only the session cookie carries the entry key. The store
alone (a dump, a replica, an operator with ``redis-cli``) holds ciphertext without its
key; the cookie alone holds a key without its ciphertext; logging out or idling out
deletes the ciphertext, after which the cookie is worthless.

A record is ``len(owner) || owner sealed || secret sealed`` (AES-256-GCM, see
``crypto.aead``). The associated data binds the secret to the entry id *and* its owner
(``member:12``, ``session:moderator:3``, ...), so a record moved to another entry id, or
asked for by another owner, does not open; the owner is sealed too (bound to the entry
id), so the store does not even show who is logged in.
"""

from __future__ import annotations

import struct

from crypto.aead import DATA_KEY_BYTES, new_data_key, open_bytes, seal_bytes
from crypto.errors import DecryptionError

ENTRY_KEY_BYTES = DATA_KEY_BYTES
_SECRET_CONTEXT = b"ozvise/keyring/secret/v1\x00"
_OWNER_CONTEXT = b"ozvise/keyring/owner/v1\x00"
_LENGTH = struct.Struct(">H")


def new_entry_key() -> bytes:
    """A fresh random AES-256 key for one keyring entry (it travels only in the cookie)."""
    return new_data_key()


def _secret_ad(entry_id: str, owner: str) -> bytes:
    return _SECRET_CONTEXT + entry_id.encode() + b"\x00" + owner.encode()


def _owner_ad(entry_id: str) -> bytes:
    return _OWNER_CONTEXT + entry_id.encode()


def seal_record(entry_key: bytes, entry_id: str, owner: str, secret: bytes) -> bytes:
    """The stored form of one entry: owner and secret, each sealed under ``entry_key``."""
    sealed_owner = seal_bytes(entry_key, owner.encode(), _owner_ad(entry_id))
    sealed_secret = seal_bytes(entry_key, secret, _secret_ad(entry_id, owner))
    return _LENGTH.pack(len(sealed_owner)) + sealed_owner + sealed_secret


def _split(record: bytes) -> tuple[bytes, bytes]:
    if len(record) < _LENGTH.size:
        raise DecryptionError("record is malformed")
    (length,) = _LENGTH.unpack_from(record)
    start = _LENGTH.size
    if len(record) < start + length:
        raise DecryptionError("record is malformed")
    return record[start:start + length], record[start + length:]


def open_owner(entry_key: bytes, entry_id: str, record: bytes) -> str:
    """Whose entry this is; raises DecryptionError for a wrong key, id or a changed record."""
    sealed_owner, _ = _split(record)
    return open_bytes(entry_key, sealed_owner, _owner_ad(entry_id)).decode()


def open_record(entry_key: bytes, entry_id: str, owner: str, record: bytes) -> bytes:
    """The secret, if ``record`` is entry ``entry_id`` of ``owner`` under ``entry_key``
    and not one bit of it (owner part included) was changed; raises DecryptionError
    otherwise."""
    sealed_owner, sealed_secret = _split(record)
    if open_bytes(entry_key, sealed_owner, _owner_ad(entry_id)) != owner.encode():
        raise DecryptionError("record belongs to another owner")
    return open_bytes(entry_key, sealed_secret, _secret_ad(entry_id, owner))
