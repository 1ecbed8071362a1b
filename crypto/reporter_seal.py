"""Sealing a small secret to the reporter alone (the receipt-derived key), e.g. a report's
seed list of names.

Follow-ups must be redacted with the names the report hid, yet the server must not be able
to read those names on its own. At intake the list is sealed (HPKE, the same hybrid
post-quantum suite as every wrapped key) to the public half of the reporter's key; only the
holder of the receipt can re-derive the private half (``crypto.receipts.reporter_keypair``),
so the list is opened in memory only while the reporter is writing a follow-up.
"""

from __future__ import annotations

from crypto.errors import DecryptionError
from crypto.hpke import WrappedKey, unwrap_key, wrap_key

_SEP = b"\x00"


def _info(report_id: str, purpose: str) -> bytes:
    """Binds the ciphertext to its report and purpose: it cannot be replayed elsewhere."""
    return b"ozvise/reporter-seal/v1\x00" + purpose.encode() + b"\x00" + report_id.encode()


def seal_for_reporter(report_id: str, reporter_public: bytes, purpose: str,
                      plaintext: bytes) -> bytes:
    """``plaintext`` readable only with the reporter's private key (suite id kept inside)."""
    wrapped = wrap_key(reporter_public, plaintext, info=_info(report_id, purpose))
    return wrapped.suite_id.encode() + _SEP + wrapped.blob


def open_for_reporter(report_id: str, reporter_private: bytes, purpose: str,
                      sealed: bytes) -> bytes:
    """The plaintext, or DecryptionError (wrong key, wrong report or purpose, tampering)."""
    suite, sep, blob = sealed.partition(_SEP)
    if not sep:
        raise DecryptionError("sealed value has no suite id")
    return unwrap_key(reporter_private, WrappedKey(suite.decode("ascii", "replace"), blob),
                      info=_info(report_id, purpose))
