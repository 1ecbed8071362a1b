"""Files that are two things at once (a PNG that is also a ZIP, a JPEG that is also a PDF).

Re-encoding would drop the hidden part anyway, but such a file is a sign of an attack or a
trick, and the pupil should know that what they sent is not what we keep: it is refused.
Checks, each cheap and certain:

- a PNG ends at its ``IEND`` chunk; anything but zero padding after it is a second file;
- a ZIP (also .docx, .jar, .apk) is read from its end-of-central-directory record, which
  a reader looks for in the last 64 KiB: that signature there means a ZIP;
- a PDF reader accepts ``%PDF-`` anywhere in the first 1 KiB: in an image, that is a PDF;
- an image that contains an executable header (``MZ`` … ``PE``) or an HTML/script start in
  its first bytes after the signature.
"""

from __future__ import annotations

import struct

from evidence.kinds import Kind

_ZIP_END = b"PK\x05\x06"
_ZIP64_END = b"PK\x06\x06"
_ZIP_TAIL = 65_536 + 22


def png_trailer(data: bytes) -> bytes:
    """The bytes after a PNG's ``IEND`` chunk (all of the rest if the chunks do not parse)."""
    offset = 8
    while offset + 12 <= len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        chunk_type = data[offset + 4:offset + 8]
        offset += 12 + length
        if chunk_type == b"IEND":
            return data[offset:]
    return b""  # no IEND: the decoder reports the file as damaged


def is_polyglot(data: bytes, kind: Kind) -> bool:
    tail = data[-_ZIP_TAIL:]
    if _ZIP_END in tail or _ZIP64_END in tail:
        return True
    if kind is Kind.PDF:
        return False
    head = data[:1024]
    if b"%PDF-" in head or b"<script" in head.lower() or b"<html" in head.lower():
        return True
    if kind is Kind.PNG and png_trailer(data).strip(b"\x00"):
        return True
    return False
