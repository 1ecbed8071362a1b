"""A throwaway Redis server on loopback, started from Debian's ``redis-server``.

No persistence (``save ""``, ``appendonly no``) and a temporary working directory, so a
test run leaves nothing behind; ``redis-server`` runs as the current user (root is fine).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from tests.pg import _free_port

REDIS_SERVER = Path("/usr/bin/redis-server")


class RedisServer:
    def __init__(self, password: str | None = None) -> None:
        self.password = password
        self.root = Path(tempfile.mkdtemp(prefix="ozvise-redis-"))
        self.port = _free_port()
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            [str(REDIS_SERVER), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.root),
             "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning",
             *(["--requirepass", self.password] if self.password else [])],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("redis-server exited: "
                                   + self._process.stderr.read().decode(errors="replace"))
            try:
                self.client().ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def url(self, db: int = 0) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 0) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, db=db, password=self.password)

    def stop(self) -> None:
        try:
            if self._process is not None:
                self._process.terminate()
                self._process.wait(timeout=10)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
