"""Why a file was refused: one machine code per reason (the surfaces word it in Czech)."""

from __future__ import annotations

import enum


class Reason(enum.StrEnum):
    WRONG_TYPE = "wrong_type"          # not JPEG/PNG/WebP/HEIC/PDF by its bytes
    TOO_LARGE = "too_large"            # over MAX_FILE_BYTES as uploaded
    EMPTY = "empty"
    TOO_MANY_PIXELS = "too_many_pixels"  # decompression bomb or absurd resolution
    DAMAGED = "damaged"                # truncated, malformed, or not what its signature says
    POLYGLOT = "polyglot"              # also another file (ZIP, PDF, …) hidden inside
    PDF_ENCRYPTED = "pdf_encrypted"
    PDF_TOO_MANY_PAGES = "pdf_too_many_pages"
    TOO_COMPLEX = "too_complex"        # the sanitiser ran out of time or memory
    BUSY = "busy"                      # too many files being sanitised at once


class FileRefused(ValueError):
    """The file cannot be accepted; ``reason`` says why (no content, no file name)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.value)
        self.reason = reason
