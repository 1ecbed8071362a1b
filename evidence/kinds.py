"""What a file really is, read from its first bytes (never from its name or declared type).

Accepted: photos and screenshots (JPEG, PNG, WebP, HEIC/HEIF) and PDF documents. Anything
else is refused before any parser sees it.
"""

from __future__ import annotations

import enum

#: at most this many files per report or follow-up message
MAX_FILES = 5
#: at most this many bytes per file as uploaded (before sanitising)
MAX_FILE_BYTES = 10 * 1024 * 1024
#: images with more pixels are refused unread (decompression bombs); a 50 MP phone photo passes
MAX_PIXELS = 50_000_000
#: stored images are scaled down to at most this many pixels (a 48 MP photo → about 16 MP)
STORED_PIXELS = 16_000_000
#: PDFs with more pages are refused
MAX_PDF_PAGES = 100


class Kind(enum.StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    WEBP = "webp"
    HEIC = "heic"
    PDF = "pdf"

    @property
    def is_image(self) -> bool:
        return self is not Kind.PDF


#: ISO base media "brands" of HEIF images (HEIC from phones, AVIF is not accepted)
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


def sniff(data: bytes) -> Kind | None:
    """The file's type from its signature, or None if it is none of the accepted kinds."""
    if data.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Kind.WEBP
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return Kind.HEIC
    if data.startswith(b"%PDF-"):
        return Kind.PDF
    return None


#: what is stored: the sanitised file's media type (images are re-encoded to one of two)
MIME_PNG = "image/png"
MIME_JPEG = "image/jpeg"
MIME_PDF = "application/pdf"
STORED_MIMES = (MIME_PNG, MIME_JPEG, MIME_PDF)
EXTENSIONS = {MIME_PNG: "png", MIME_JPEG: "jpg", MIME_PDF: "pdf"}


def neutral_name(number: int, mime: str) -> str:
    """The only file name a stored attachment has: ``priloha-2.jpg`` (the pupil's name is
    dropped; it may hold a name, a date or a device)."""
    return f"priloha-{number}.{EXTENSIONS[mime]}"
