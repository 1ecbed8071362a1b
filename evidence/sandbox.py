"""Sanitising in a child process with hard limits, so no file can hurt the server.

Image and PDF parsers are C code fed with hostile bytes. Each file is therefore handled by
a fresh ``python -m evidence.sandbox`` process that, before reading anything, limits
itself (``setrlimit``): address space (a decompression bomb fails to allocate instead of
swapping the host), CPU seconds, *no file writes at all* (``RLIMIT_FSIZE`` 0: the clear
file can never reach a disk, not even as a library's temp file) and no core dump (which
would write the file's bytes to disk). The bytes travel only through pipes; the parent
also enforces a wall-clock timeout. A crash, a kill or a timeout is a refusal
(``Reason.TOO_COMPLEX``), never an error of the server. A semaphore caps how many children
run at once, so a burst of uploads cannot take every core and all the memory.

Protocol: the parent writes the file to the child's stdin (the sniffed kind is the only
argument); the child answers on stdout with one JSON line, then the clean bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass

from evidence.kinds import MAX_FILE_BYTES, Kind, sniff
from evidence.polyglot import is_polyglot
from evidence.refusals import FileRefused, Reason

#: the child's limits
ADDRESS_SPACE_BYTES = 2 * 1024**3
CPU_SECONDS = 20
WALL_SECONDS = 40
#: children running at once in this process; more wait up to QUEUE_SECONDS, then "busy"
CONCURRENCY = max(1, (os.cpu_count() or 2) // 2)
QUEUE_SECONDS = 30

_slots = threading.BoundedSemaphore(CONCURRENCY)


@dataclass(frozen=True)
class CleanFile:
    """A sanitised file: only this is ever stored (sealed)."""

    mime: str
    data: bytes
    #: pixels for images, pages for PDFs (shown to the school, never needed to decrypt)
    width: int = 0
    height: int = 0
    pages: int = 0

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def check_upload(data: bytes) -> Kind:
    """The cheap checks done before any parser runs: size, type, hidden second file."""
    if not data:
        raise FileRefused(Reason.EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(Reason.TOO_LARGE)
    kind = sniff(data)
    if kind is None:
        raise FileRefused(Reason.WRONG_TYPE)
    if is_polyglot(data, kind):
        raise FileRefused(Reason.POLYGLOT)
    return kind


def sanitise_upload(data: bytes) -> CleanFile:
    """The sanitised file, or ``FileRefused`` (never another exception for bad input)."""
    kind = check_upload(data)
    if not _slots.acquire(timeout=QUEUE_SECONDS):
        raise FileRefused(Reason.BUSY)
    try:
        return _run_child(data, kind)
    finally:
        _slots.release()


def _run_child(data: bytes, kind: Kind) -> CleanFile:
    try:
        done = subprocess.run(_child_command(kind), input=data, capture_output=True,
                              timeout=WALL_SECONDS, check=False, env=_child_env())
    except subprocess.TimeoutExpired as exc:
        raise FileRefused(Reason.TOO_COMPLEX) from exc
    header, _, body = done.stdout.partition(b"\n")
    if done.returncode != 0 or not header:
        raise FileRefused(Reason.TOO_COMPLEX)
    try:
        answer = json.loads(header)
    except ValueError as exc:
        raise FileRefused(Reason.TOO_COMPLEX) from exc
    if not answer.get("ok"):
        raise FileRefused(Reason(answer.get("reason", Reason.DAMAGED.value)))
    if len(body) != answer["size"]:
        raise FileRefused(Reason.TOO_COMPLEX)
    return CleanFile(mime=answer["mime"], data=body, width=answer.get("width", 0),
                     height=answer.get("height", 0), pages=answer.get("pages", 0))


def _child_command(kind: Kind) -> list[str]:
    return [sys.executable, "-I", "-m", "evidence.sandbox", kind.value]


def _child_env() -> dict[str, str]:
    """Only what the interpreter needs; one thread per native library (predictable memory)."""
    env = {key: value for key, value in os.environ.items()
           if key in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT")}
    env.update(OMP_NUM_THREADS="1", MALLOC_ARENA_MAX="2")
    return env


def _limit_self() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))


def _child_main(kind_value: str) -> int:
    _limit_self()
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    out = sys.stdout.buffer
    try:
        kind = Kind(kind_value)
        if sniff(data) is not kind:
            raise FileRefused(Reason.DAMAGED)
        if kind is Kind.PDF:
            from evidence.pdfs import sanitise_pdf

            pdf = sanitise_pdf(data)
            answer, body = {"mime": pdf.mime, "pages": pdf.pages}, pdf.data
        else:
            from evidence.images import sanitise_image

            image = sanitise_image(data, kind)
            answer = {"mime": image.mime, "width": image.width, "height": image.height}
            body = image.data
    except FileRefused as exc:
        out.write(json.dumps({"ok": False, "reason": exc.reason.value}).encode() + b"\n")
        return 0
    except MemoryError:
        out.write(json.dumps({"ok": False, "reason": Reason.TOO_COMPLEX.value}).encode() + b"\n")
        return 0
    except Exception:  # noqa: BLE001 - any other failure of a parser: the file is unusable
        out.write(json.dumps({"ok": False, "reason": Reason.DAMAGED.value}).encode() + b"\n")
        return 0
    out.write(json.dumps({"ok": True, "size": len(body), **answer}).encode() + b"\n")
    out.write(body)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1] if len(sys.argv) > 1 else ""))
