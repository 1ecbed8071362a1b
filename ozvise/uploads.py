"""Uploaded files stay in memory, bounded, and only views that take files accept them.

Werkzeug writes any multipart body over 500 KB to a temporary file on disk before the
view runs; an evidence photo would then rest in clear in the temp folder (and in the
file system's free blocks after deletion). ``InMemoryRequest`` keeps every uploaded part
in memory instead, in a ``CappedBuffer`` that stops storing a part after
``MAX_FILE_BYTES`` (+1, so the view can tell it was too large) and stores nothing of parts
beyond ``MAX_FILES``: memory per request stays bounded whatever is sent, and the form's
text is still parsed, so the pupil gets a precise message with everything typed kept.

The whole application keeps ``MAX_CONTENT_LENGTH`` (1 MB); only multipart bodies sent to
views marked ``@accepts_files`` may be up to ``UPLOAD_BODY_BYTES`` (a JSON body to the
same view keeps the 1 MB). The limit is a property of
the request, decided from the matched view before anything reads the body (CSRF
protection reads the form in a ``before_request`` hook, so a hook could come too late).
waitress keeps bodies up to that size in memory as well (``ozvise.cli.waitress_options``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO, Any, TypeVar

from flask import Request, current_app

from evidence.kinds import MAX_FILE_BYTES, MAX_FILES

#: a whole request that carries files: five files at the limit, one more too large, the text
UPLOAD_BODY_MB = 64
UPLOAD_BODY_BYTES = UPLOAD_BODY_MB * 1024 * 1024
MAX_FILE_MB = MAX_FILE_BYTES // (1024 * 1024)
_ATTRIBUTE = "ozvise_accepts_files"
_View = TypeVar("_View", bound=Callable[..., Any])


def accepts_files(view: _View) -> _View:
    """Mark a view that receives uploads: its requests may be up to ``UPLOAD_BODY_BYTES``."""
    setattr(view, _ATTRIBUTE, True)
    return view


def view_accepts_files(endpoint: str | None) -> bool:
    view = current_app.view_functions.get(endpoint or "")
    return bool(view is not None and getattr(view, _ATTRIBUTE, False))


def may_carry_files(request: Request) -> bool:
    """A multipart body sent to a view that takes files: only such a body may be large."""
    return request.mimetype == "multipart/form-data" and view_accepts_files(request.endpoint)


class CappedBuffer(io.BytesIO):
    """An in-memory file part that keeps at most ``limit`` + 1 bytes and counts the rest."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.received = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        room = self.limit + 1 - self.tell()
        if room > 0:
            super().write(bytes(data[:room]))
        self.received += len(data)
        return len(data)

    @property
    def overflowed(self) -> bool:
        return self.received > self.limit


class InMemoryRequest(Request):
    """Flask's request with uploads kept in bounded memory and a per-view body limit."""

    _file_parts = 0

    @property  # type: ignore[override]
    def max_content_length(self) -> int | None:
        if self._max_content_length is not None:
            return self._max_content_length
        if current_app and may_carry_files(self):
            return UPLOAD_BODY_BYTES
        return super().max_content_length

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value

    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None,
                         content_length: int | None = None) -> IO[bytes]:
        self._file_parts += 1
        allowed = current_app and view_accepts_files(self.endpoint)
        return CappedBuffer(MAX_FILE_BYTES if allowed and self._file_parts <= MAX_FILES else 0)
