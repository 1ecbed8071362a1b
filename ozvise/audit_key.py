"""The audit log's HMAC key: outside the database, so a database copy cannot re-sign it.

Either ``OZVISE_AUDIT_KEY`` (64 hex digits, e.g. from a secrets manager; every server
process and host must have the same one) or ``<instance>/audit_key``, created on first
use with mode 0600. Whoever can write the database but not read this key cannot add,
edit or re-chain entries without ``ozvise audit verify`` noticing.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from ozvise.config import Settings
from ozvise.file_modes import private_folder

KEY_BYTES = 32
FILE_NAME = "audit_key"


class AuditKeyError(ValueError):
    """The configured key is unusable (wrong length or not hex)."""


def audit_key(settings: Settings) -> bytes:
    """The installation's audit key (from the setting, else the instance file)."""
    if settings.audit_key_hex:
        try:
            key = bytes.fromhex(settings.audit_key_hex.strip())
        except ValueError as exc:
            raise AuditKeyError("OZVISE_AUDIT_KEY musí být 64 šestnáctkových číslic.") from exc
        if len(key) != KEY_BYTES:
            raise AuditKeyError("OZVISE_AUDIT_KEY musí být 64 šestnáctkových číslic.")
        return key
    return _instance_key(settings.instance_dir / FILE_NAME)


def _instance_key(path: Path) -> bytes:
    if path.exists():
        return bytes.fromhex(path.read_text().strip())
    private_folder(path.parent)
    value = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return bytes.fromhex(path.read_text().strip())
    with os.fdopen(fd, "w") as handle:
        handle.write(value.hex())
    return value
