"""A report's envelope: its secrets sealed under its data key, the key wrapped to readers."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.aead import FieldContext, open_field, seal_field
from crypto.errors import CryptoError
from crypto.hpke import (
    SEED_BYTES,
    KeyPair,
    WrappedKey,
    keypair_from_seed,
    report_key_info,
    unwrap_key,
    wrap_key,
)
from models import KeyRecipient, RedactionSource, Report, ReportKey

FIELD_NAME = "victim_name"
FIELD_CLASS = "victim_class"
FIELD_TEXT = "text"


def redaction_field(placeholder: str) -> str:
    """Associated-data field of a redacted span: an original cannot move to another placeholder.

    Several originals may share one placeholder (Petr, Petrovi → [OSOBA 1]).
    """
    return f"redaction:{placeholder}"


def seal(report_id: str, data_key: bytes, field: str, value: str) -> bytes:
    return seal_field(data_key, value, FieldContext(report_id, field))


def unseal(report_id: str, data_key: bytes, field: str, sealed: bytes) -> str:
    return open_field(data_key, sealed, FieldContext(report_id, field)).decode("utf-8")


def wrap_for(report: Report, data_key: bytes, recipient: KeyRecipient, recipient_id: int,
             public_key: bytes) -> ReportKey:
    if report.mark_public_key is None:  # every report gets its marking key with its first wrap
        pair = mark_keypair(report.id, data_key)
        report.mark_public_key, report.mark_suite_id = pair.public, pair.suite_id
    wrapped = wrap_key(public_key, data_key, info=report_key_info(report.id))
    key = ReportKey(recipient=recipient, recipient_id=recipient_id, suite_id=wrapped.suite_id,
                    wrapped_key=wrapped.blob)
    report.keys.append(key)
    return key


def unwrap_from(report: Report, key: ReportKey, private_key: bytes) -> bytes:
    return unwrap_key(private_key, WrappedKey(key.suite_id, key.wrapped_key),
                      info=report_key_info(report.id))


def find_key(report: Report, recipient: KeyRecipient, recipient_id: int = 0) -> ReportKey | None:
    return next((k for k in report.keys if k.recipient == recipient
                 and k.recipient_id == recipient_id and k.revoked_at is None), None)


def mark_keypair(report_id: str, data_key: bytes) -> KeyPair:
    """The report's *marking* key pair, derived from its data key (HKDF-SHA256, own label).

    Why: a moderator marks a phrase the detector missed, but the server holds the data key
    only wrapped, so it cannot seal the phrase under it. Instead, the public half of a key
    pair that anyone holding the data key can re-derive is stored on the report at intake
    (``wrap_for``), and the phrase is HPKE-sealed to it (``seal_mark``). Properties kept:
    the phrase is never readable at rest (only its HPKE ciphertext is stored; the private
    half exists nowhere, not even wrapped); every present and future reader of the report
    (school, onboarding key, counsellor) opens it with nothing but the data key, so no
    re-wrap, registration or share has to know about marks; it is post-quantum hybrid like
    every other wrap. HKDF with a distinct label keeps this key separate from the AES use of
    the data key; a derived public key reveals nothing about its seed.
    """
    seed = HKDF(algorithm=hashes.SHA256(), length=SEED_BYTES, salt=None,
                info=b"ozvise/report-mark-key/v1\x00" + report_id.encode()).derive(data_key)
    return keypair_from_seed(seed)


def _mark_info(report_id: str, placeholder: str) -> bytes:
    """HPKE info of a marked phrase: it cannot be moved to another report or placeholder."""
    return (b"ozvise/moderator-mark/v1\x00" + report_id.encode() + b"\x00"
            + redaction_field(placeholder).encode())


def seal_mark(report: Report, placeholder: str, phrase: str) -> bytes:
    """Seal a moderator-marked original to the report's marking key (no data key needed)."""
    if report.mark_public_key is None:
        raise CryptoError("this report has no marking key")
    wrapped = wrap_key(report.mark_public_key, phrase.encode("utf-8"),
                       info=_mark_info(report.id, placeholder))
    if wrapped.suite_id != report.mark_suite_id:
        raise CryptoError("the report's marking key uses another suite")
    return wrapped.blob


def open_mark(report: Report, data_key: bytes, placeholder: str, sealed: bytes) -> str:
    """Open what ``seal_mark`` produced, for a holder of the report's data key."""
    pair = mark_keypair(report.id, data_key)
    if pair.public != report.mark_public_key:
        raise CryptoError("the marking key does not belong to this data key")
    return unwrap_key(pair.private, WrappedKey(pair.suite_id, sealed),
                      info=_mark_info(report.id, placeholder)).decode("utf-8")


@dataclass(frozen=True)
class OpenedReport:
    """A report decrypted in memory for someone entitled to read it."""

    victim_name: str
    victim_class: str
    text: str
    originals: dict[str, list[str]]  # placeholder -> the original wordings it hides


def open_report(report: Report, data_key: bytes) -> OpenedReport:
    name = (unseal(report.id, data_key, FIELD_NAME, report.victim_name_ct)
            if report.victim_name_ct else "")
    klass = (unseal(report.id, data_key, FIELD_CLASS, report.victim_class_ct)
             if report.victim_class_ct else "")
    text = unseal(report.id, data_key, FIELD_TEXT, report.text_ct)
    originals: dict[str, list[str]] = {}
    for item in report.redactions:
        if item.source == RedactionSource.MODERATOR:
            original = open_mark(report, data_key, item.placeholder, item.original_ct)
        else:
            original = unseal(report.id, data_key, redaction_field(item.placeholder),
                              item.original_ct)
        wordings = originals.setdefault(item.placeholder, [])
        if original not in wordings:
            wordings.append(original)
    return OpenedReport(victim_name=name, victim_class=klass, text=text, originals=originals)
