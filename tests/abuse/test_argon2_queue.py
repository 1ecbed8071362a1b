"""The Argon2 cap's queue: no longer than the cap (no database involved)."""

from __future__ import annotations

import threading
import time

from ozvise.argon2_gate import Argon2Gate


def test_the_queue_is_as_short_as_the_cap():
    """Waiting requests hold server threads, so at most ``slots`` may wait: a flood cannot
    park every thread in the queue."""
    gate = Argon2Gate(slots=1, wait_seconds=2.0)
    assert gate.acquire()  # the running evaluation
    waiter_result: list[bool] = []
    waiter = threading.Thread(target=lambda: waiter_result.append(gate.acquire()))
    waiter.start()
    time.sleep(0.2)  # the waiter is now queued
    started = time.perf_counter()
    assert not gate.acquire()  # a third request: refused at once, not after 2 s
    assert time.perf_counter() - started < 0.5
    gate.release()  # the running one ends: the waiter gets the slot
    waiter.join(timeout=5)
    assert waiter_result == [True]
    gate.release()
    assert Argon2Gate(slots=0, wait_seconds=0).acquire()  # 0: no cap at all
