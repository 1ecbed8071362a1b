"""Sealing the anonymous conversation: one random key per message, wrapped twice.

Each message body is sealed (AES-256-GCM) under its own fresh key, bound to the report
id, the message id and the author, so a body cannot be moved to another message or have
its author flipped. The key is wrapped (HPKE) to the school's public key and to the
public half of the receipt-derived reporter key; the server holds neither private half,
so a copy of the database and the instance folder reads no message. A per-message key
(instead of the report's data key) is needed because the server never holds the data key
when a reporter writes, and it keeps a counsellor's share from opening the conversation.
"""

from __future__ import annotations

from crypto.aead import FieldContext, new_data_key, open_field, seal_field
from crypto.hpke import WrappedKey, message_key_info, unwrap_key, wrap_key
from models import Message

#: Who reads a message's key: the school (its private key) or the reporter (receipt key).
SCHOOL, REPORTER = "school", "reporter"


def _context(message: Message) -> FieldContext:
    if message.id is None:
        raise ValueError("flush the message first: its id is bound into the ciphertext")
    return FieldContext(message.report_id, f"message:{message.id}:{message.author.value}")


def _info(message: Message) -> bytes:
    return message_key_info(message.report_id, message.id, message.author.value)


def seal_message(message: Message, text: str, school_public: bytes,
                 reporter_public: bytes) -> bytes:
    """Fill ``body_ct`` and both wrapped keys of a flushed ``message``; returns the message
    key, which the caller may use once more for the message's attachments and then drops."""
    context, info = _context(message), _info(message)
    key = new_data_key()
    message.body_ct = seal_field(key, text, context)
    for_school = wrap_key(school_public, key, info=info)
    for_reporter = wrap_key(reporter_public, key, info=info)
    message.key_suite = for_school.suite_id
    message.key_for_school = for_school.blob
    message.key_for_reporter = for_reporter.blob
    return key


def message_key(message: Message, reader: str, private_key: bytes) -> bytes:
    """The message's key for ``reader`` (SCHOOL or REPORTER), or DecryptionError."""
    blob = message.key_for_school if reader == SCHOOL else message.key_for_reporter
    if reader not in (SCHOOL, REPORTER):
        raise ValueError(f"unknown reader {reader!r}")
    return unwrap_key(private_key, WrappedKey(message.key_suite, blob), info=_info(message))


def open_message(message: Message, reader: str, private_key: bytes) -> str:
    """The plaintext for ``reader`` (SCHOOL or REPORTER), or DecryptionError."""
    key = message_key(message, reader, private_key)
    return open_field(key, message.body_ct, _context(message)).decode("utf-8")
