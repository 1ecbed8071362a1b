"""A global cap on Argon2id work: guesses from many addresses cannot starve other pages.

Each receipt lookup or password check costs tens of milliseconds of Argon2id on a core.
Per-client limits do not bound the total: 400 addresses within their limits still take
every core, and a normal page then waits seconds. Routes that run Argon2 for an
anonymous or not yet logged-in caller are decorated with ``argon2_bounded``: the request
takes one of ``OZVISE_ARGON2_CONCURRENCY`` slots (default half the cores) for its whole
handling, waiting at most ``OZVISE_ARGON2_WAIT_MS`` (and only if no more than that many
requests wait already); without a slot it is answered 503
"busy, try again" at once — no Argon2 runs, the worker thread is free again, and the other
pages keep their cores. The busy page re-posts the form's fields (all but passwords) with
one button, so nothing typed is lost and no JavaScript is needed. ``0`` turns the cap off
(the benchmark's baseline).

The cap is per server process: with several processes, set it so that processes × slots
stays below the cores of the host.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, current_app, make_response, render_template, request

from ozvise.errors import error_response

EXTENSION = "ozvise.argon2_gate"
RETRY_AFTER_SECONDS = 2
BUSY_MESSAGE = ("Server je právě vytížený ověřováním kódů a hesel. Nic z toho, co jste "
                "vyplnili, se neztratilo (kromě hesla): zkuste to prosím za chvíli znovu.")


class Argon2Gate:
    """A counting semaphore with a bounded wait and a bounded queue (``slots`` ≤ 0: no cap).

    At most ``slots`` requests wait for a slot; any further one is refused at once. A
    waiting request holds a server thread, so without this bound a flood would park every
    thread in the queue and the other pages would wait behind it all the same.
    """

    def __init__(self, slots: int, wait_seconds: float) -> None:
        self.slots = slots
        self.wait_seconds = wait_seconds
        self._semaphore = threading.BoundedSemaphore(slots) if slots > 0 else None
        self._waiting = 0
        self._lock = threading.Lock()

    def acquire(self) -> bool:
        if self._semaphore is None or self._semaphore.acquire(blocking=False):
            return True
        with self._lock:
            if self._waiting >= self.slots:
                return False
            self._waiting += 1
        try:
            return self._semaphore.acquire(timeout=self.wait_seconds)
        finally:
            with self._lock:
                self._waiting -= 1

    def release(self) -> None:
        if self._semaphore is not None:
            self._semaphore.release()


def install_argon2_gate(app: Flask) -> None:
    config = app.config["OZVISE_SETTINGS"]
    app.extensions[EXTENSION] = Argon2Gate(config.argon2_concurrency,
                                           config.argon2_wait_ms / 1000)


def gate() -> Argon2Gate:
    return current_app.extensions[EXTENSION]


def argon2_bounded(methods: tuple[str, ...] = ("POST",)) -> Callable:
    """Run the view for ``methods`` only with an Argon2 slot (others run freely)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any):
            if request.method not in methods:
                return view(*args, **kwargs)
            if not gate().acquire():
                return busy_response()
            try:
                return view(*args, **kwargs)
            finally:
                gate().release()

        return wrapper

    return decorator


def busy_response():
    """503 with Retry-After; for a form, a page that re-posts the fields (not passwords)."""
    if request.path.startswith("/api/") or request.method != "POST" or not request.form:
        response = error_response(503, "busy", BUSY_MESSAGE)
    else:
        fields = [(name, value) for name, value in request.form.items(multi=True)
                  if "password" not in name.lower()]
        response = render_template("busy.html", message=BUSY_MESSAGE, action=request.path,
                                   fields=fields, retry=RETRY_AFTER_SECONDS), 503
    reply = make_response(*response)
    reply.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return reply
