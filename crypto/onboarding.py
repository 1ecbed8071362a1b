"""The onboarding key: the operator's offline key for schools that have no key yet.

The server holds only the public half. The private half is written to a file protected
by a passphrase (Argon2id + AES-256-GCM, see ``crypto.passwords``) that the operator
keeps offline and brings only to release a newly registered school's reports.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from crypto.hpke import SUITE_ID, KeyPair, generate_keypair, public_key_of
from crypto.passwords import KdfCost, PasswordWrap, unwrap_with_password, wrap_with_password

_PURPOSE = b"ozvise/onboarding-private-key/v1"
_FORMAT = "ozvise-onboarding-private-key-v1"


def write_public_key(path: Path, public: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{SUITE_ID}:{base64.b64encode(public).decode()}\n")


def read_public_key(path: Path) -> bytes | None:
    """The configured onboarding public key, or None if the installation has none yet."""
    if not path.exists():
        return None
    suite, _, encoded = path.read_text().strip().partition(":")
    if suite != SUITE_ID:
        raise ValueError(f"onboarding public key {path.name} uses an unknown suite {suite!r}")
    return base64.b64decode(encoded)


def write_private_key(path: Path, pair: KeyPair, passphrase: str, cost: KdfCost) -> None:
    wrap = wrap_with_password(pair.private, passphrase, cost, purpose=_PURPOSE)
    document = {
        "format": _FORMAT, "suite_id": pair.suite_id, "kdf": json.loads(cost.to_json()),
        "salt": base64.b64encode(wrap.salt).decode(), "wrap": base64.b64encode(wrap.blob).decode(),
        "public_key": base64.b64encode(pair.public).decode(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(document, handle, indent=1)


def read_private_key(path: Path, passphrase: str) -> KeyPair:
    """Open the offline key file; raises DecryptionError on a wrong passphrase."""
    document = json.loads(path.read_text())
    if document.get("format") != _FORMAT:
        raise ValueError("this is not an Ozvi se onboarding key file")
    wrap = PasswordWrap(salt=base64.b64decode(document["salt"]),
                        cost=KdfCost.from_json(json.dumps(document["kdf"])),
                        blob=base64.b64decode(document["wrap"]))
    private = unwrap_with_password(wrap, passphrase, purpose=_PURPOSE)
    return KeyPair(private=private, public=public_key_of(private), suite_id=document["suite_id"])


def new_onboarding_keypair() -> KeyPair:
    return generate_keypair()
