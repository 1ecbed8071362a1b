"""Metadata segments cut out of a JPEG stream without decoding it (for JPEGs inside PDFs).

Kept: APP0 (JFIF), APP14 (Adobe: says how the colours are encoded) and every segment the
decoder needs. Removed: APP1 (EXIF with GPS and serial numbers, XMP), APP2 (ICC, FlashPix),
APP3–APP13, APP15 and comments. If the markers do not parse, the stream is returned
unchanged (a PDF viewer would not show it either).
"""

from __future__ import annotations

_KEEP_APP = {0xE0, 0xEE}
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def strip_metadata_segments(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            return data
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        if marker in _STANDALONE:
            out += data[offset:offset + 2]
            offset += 2
            continue
        length = int.from_bytes(data[offset + 2:offset + 4], "big")
        if length < 2 or offset + 2 + length > len(data):
            return data
        segment = data[offset:offset + 2 + length]
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[offset:]
            return bytes(out)
        is_metadata = (0xE0 <= marker <= 0xEF and marker not in _KEEP_APP) or marker == 0xFE
        if not is_metadata:
            out += segment
        offset += 2 + length
    return data
