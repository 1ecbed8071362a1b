"""A report's envelope: its secrets sealed under its data key, the key wrapped to readers."""

from __future__ import annotations

from dataclasses import dataclass

from crypto.aead import FieldContext, open_field, seal_field
from crypto.hpke import WrappedKey, report_key_info, unwrap_key, wrap_key
from models import KeyRecipient, Report, ReportKey

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
        original = unseal(report.id, data_key, redaction_field(item.placeholder), item.original_ct)
        wordings = originals.setdefault(item.placeholder, [])
        if original not in wordings:
            wordings.append(original)
    return OpenedReport(victim_name=name, victim_class=klass, text=text, originals=originals)
