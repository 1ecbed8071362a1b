"""Two copies of the server's data (database and instance folder) taken at different
times, plus the onboarding key's public half, open no PDF.

Copies are taken before a report is submitted, after it is submitted, and after its PDF
was mailed. Every stored byte string of every copy is then tried against the mailed PDF
(AES-256, revision 6):

- as a user and as an owner password: every column value of every row, and every token
  extracted from every file (printable runs, base64 and hex runs decoded), each as the
  PDF reader would take it (first 127 bytes);
- as the file key: every 32-byte window of every column value, decoded token and small
  file, through the PDF's own ``/Perms`` check; for large files (the SQLite database and
  its write-ahead log) the same question is answered by searching them for the file key
  itself (raw, hex, base64): a window opens the PDF exactly when it *is* the file key,
  and the search covers every offset at memory speed.

Positive controls show the checks can fail: the password the offline key unwraps, and
the file key it yields, do open the PDF through the very same functions.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
import shutil
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf._encryption import AlgV5

from delivery.worker import run_once
from ozvise.db import session_factory
from tests.at_rest import stored_values
from tests.delivery.conftest import (
    all_report_ids,
    moderator_passes,
    password_with_offline_key,
    pdf_attachment,
)
from tests.factories import make_school, submit_form

NAME = "Vendelín Šťovíček"
MAX_PASSWORD = 127  # a PDF reader uses at most this many bytes of a password
KEY = 32
WINDOWED_SOURCE_LIMIT = 64 * 1024  # larger sources are searched for the key instead
#: tokens shorter than this are not tried as passwords (the server's are 29 characters;
#: any stored form of one, even cut at punctuation, is longer)
MIN_TOKEN = 8
TOKEN = re.compile(rb"[A-Za-z0-9+/=_.:@-]{%d,}" % MIN_TOKEN)
WORD = re.compile(rb"[A-Za-z0-9]{%d,}" % MIN_TOKEN)
BASE64 = re.compile(rb"[A-Za-z0-9+/]{16,}={0,2}")
HEX = re.compile(rb"(?:[0-9a-fA-F]{2}){16,}")


@dataclass
class Copy:
    """One copy of the database (every cell) and of the instance folder (every file)."""

    label: str
    values: list[bytes]
    files: dict[str, bytes]


def _as_bytes(value: object) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False).encode()
    return str(value).encode()


def take_copy(label: str, settings, session, tmp_path: Path) -> Copy:
    session.expire_all()
    values = [_as_bytes(v) for _t, _c, v in stored_values(session) if v is not None]
    session.rollback()
    target = tmp_path / f"copy-{label}"
    shutil.copytree(settings.instance_dir, target)  # SQLite: database file, WAL and all
    files = {str(p.relative_to(target)): p.read_bytes() for p in target.rglob("*")
             if p.is_file()}
    return Copy(label, values, files)


def _decoded_tokens(data: bytes) -> list[bytes]:
    out = []
    for match in BASE64.findall(data):
        try:
            out.append(base64.b64decode(match + b"=" * (-len(match) % 4), validate=False))
        except (binascii.Error, ValueError):
            pass
    for match in HEX.findall(data):
        out.append(bytes.fromhex(match.decode()))
    return out


def _mail_parts(data: bytes) -> list[bytes]:
    email = message_from_bytes(data, policy=policy.default)
    return [part.get_payload(decode=True) or b"" for part in email.walk()
            if not part.is_multipart()]


def sources(copy: Copy) -> list[bytes]:
    """Every byte string of a copy: cells, files, mail parts, decoded base64/hex runs."""
    found = list(copy.values)
    for name, data in copy.files.items():
        found.append(data)
        if name.endswith(".eml"):
            found.extend(_mail_parts(data))
    for data in list(found):
        found.extend(_decoded_tokens(data))
    return found


def password_candidates(blobs: list[bytes]) -> set[bytes]:
    candidates: set[bytes] = set()
    for blob in blobs:
        candidates.add(blob[:MAX_PASSWORD])
        for pattern in (TOKEN, WORD):
            candidates.update(token[:MAX_PASSWORD] for token in pattern.findall(blob))
    candidates.discard(b"")
    return candidates


class LockedPdf:
    """The standard security handler of one PDF (revision 6), checked like a reader does."""

    def __init__(self, pdf: bytes) -> None:
        encryption = PdfReader(io.BytesIO(pdf))._encryption
        assert encryption is not None and encryption.R == 6
        self.values, self.p = encryption.values, encryption.P
        self.metadata = encryption.EncryptMetadata

    def opens_with_password(self, password: bytes) -> bool:
        v = self.values
        return bool(AlgV5.verify_user_password(6, password, v.U, v.UE)
                    or AlgV5.verify_owner_password(6, password, v.O, v.OE, v.U))

    def file_key(self, password: bytes) -> bytes:
        return AlgV5.verify_user_password(6, password, self.values.U, self.values.UE)

    def opens_with_key(self, key: bytes) -> bool:
        return len(key) == KEY and AlgV5.verify_perms(key, self.values.Perms, self.p,
                                                     self.metadata)


def _encodings(secret: bytes) -> list[bytes]:
    return [secret, secret.hex().encode(), secret.hex().upper().encode(),
            base64.b64encode(secret), base64.b64encode(secret).rstrip(b"=")]


@pytest.mark.slow  # thousands of revision-6 password checks per database engine
def test_two_copies_and_the_public_key_open_no_pdf(client, app, session, settings,
                                                  onboarding_key, tmp_path):
    school = make_school(session)
    session.commit()
    copies = [take_copy("before", settings, session, tmp_path)]
    assert submit_form(client, school.id, f"{NAME} dostává rány.", name=NAME,
                       klass="8.D").status_code == 200
    copies.append(take_copy("submitted", settings, session, tmp_path))
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)
    assert run_once(session_factory(app), settings).sent == 1
    copies.append(take_copy("mailed", settings, session, tmp_path))

    (mail,) = [data for name, data in copies[-1].files.items() if name.endswith(".eml")]
    pdf = pdf_attachment(message_from_bytes(mail, policy=policy.default))
    locked = LockedPdf(pdf)
    public_file = settings.onboarding_public_key_path.read_bytes()
    public = [onboarding_key.pair.public, public_file, *_decoded_tokens(public_file)]

    # positive controls: the same checks accept the real password and file key
    password = password_with_offline_key(session, report_id, onboarding_key).encode()
    file_key = locked.file_key(password)
    assert locked.opens_with_password(password) and locked.opens_with_key(file_key)
    assert not locked.opens_with_password(password[:-1] + b"X")

    started = time.perf_counter()
    blobs = [blob for copy in copies for blob in sources(copy)] + public
    candidates = password_candidates(blobs)
    opened = [c for c in candidates if locked.opens_with_password(c)]
    assert not opened, f"stored bytes open the PDF as a password: {opened[:3]}"
    password_seconds = time.perf_counter() - started

    windows = 0
    for blob in {b for b in blobs if len(b) <= WINDOWED_SOURCE_LIMIT}:
        for offset in range(len(blob) - KEY + 1):
            windows += 1
            assert not locked.opens_with_key(blob[offset:offset + KEY]), (
                "stored bytes open the PDF as its file key")
    for blob in blobs:  # every offset of the large ones, by searching for the key itself
        for encoded in _encodings(file_key) + _encodings(password):
            assert encoded not in blob, "the file key or the password is stored"
    print(f"{len(candidates)} passwords tried in {password_seconds:.1f} s, {windows} key "
          f"windows, {sum(map(len, blobs)) / 1e6:.1f} MB searched")
