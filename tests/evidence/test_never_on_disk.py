"""Uploaded files never touch the disk in clear: not in waitress's body buffer, not in
Werkzeug's multipart spool, not in the sanitiser (which may not write files at all)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile

import pytest
import requests
import werkzeug.formparser
from PIL import Image

from evidence import sandbox
from evidence.refusals import FileRefused, Reason
from ozvise.cli import waitress_options
from ozvise.uploads import UPLOAD_BODY_BYTES, CappedBuffer
from tests.evidence.helpers import NAME, TEXT
from tests.factories import register_school


def _noise_png(side: int = 1000) -> bytes:
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_large_upload_through_waitress_creates_no_temporary_file(
        app, live_server, session, monkeypatch):
    reg = register_school(session)
    spooled: list[object] = []

    def recording(*args, **kwargs):  # noqa: ANN002, ANN003
        spooled.append(args)
        raise AssertionError("an upload went to a temporary file")

    # positive control: this is how Werkzeug would spool a large part to disk
    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile", recording)
    with pytest.raises(AssertionError):
        werkzeug.formparser.default_stream_factory(3_000_000, "image/png", "a.png")
    spooled.clear()
    monkeypatch.setattr(tempfile, "TemporaryFile", recording)  # waitress's overflow buffer
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", recording)
    monkeypatch.setattr(tempfile, "mkstemp", recording)

    photo = _noise_png()
    assert len(photo) > 2_000_000
    with requests.Session() as browser:
        page = browser.get(live_server + "/").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = browser.post(live_server + "/nahlasit", allow_redirects=False, data={
            "csrf_token": token, "school_id": str(reg.school.id), "victim_name": NAME,
            "text": TEXT}, files={"attachments": ("velka.png", photo, "image/png")})
    assert response.status_code == 303, response.text[:500]
    assert spooled == []


def test_waitress_keeps_every_body_it_accepts_in_memory(app):
    options = waitress_options(app)
    assert options["inbuf_overflow"] >= options["max_request_body_size"] > UPLOAD_BODY_BYTES


def test_parts_are_capped_in_memory():
    part = CappedBuffer(10)
    part.write(b"x" * 8)
    part.write(b"y" * 8)
    assert part.getvalue() == b"x" * 8 + b"yyy" and part.overflowed and part.received == 16


def test_the_sanitiser_cannot_write_a_file(tmp_path):
    target = tmp_path / "leak.bin"
    code = ("from evidence.sandbox import _limit_self\n_limit_self()\n"
            f"with open({str(target)!r}, 'wb') as out:\n    out.write(b'clear evidence')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert done.returncode != 0  # SIGXFSZ or EFBIG: the write fails
    assert not target.exists() or target.read_bytes() == b""


def test_a_sanitiser_that_hangs_is_killed_and_the_file_refused(monkeypatch):
    monkeypatch.setattr(sandbox, "WALL_SECONDS", 0.05)
    with pytest.raises(FileRefused) as caught:
        sandbox.sanitise_upload(_noise_png(600))
    assert caught.value.reason is Reason.TOO_COMPLEX


def test_a_sanitiser_that_dies_is_a_refusal_not_an_error(monkeypatch):
    """As if the kernel killed the child (out of memory): the file is refused, nothing more."""
    monkeypatch.setattr(sandbox, "_child_command", lambda kind: [
        sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"])
    with pytest.raises(FileRefused) as caught:
        sandbox.sanitise_upload(_noise_png(100))
    assert caught.value.reason is Reason.TOO_COMPLEX
