"""Real ``ozvise serve`` processes behind a tiny round-robin TCP proxy, for tests.

The proxy hands each incoming connection to the next server in turn, like a load
balancer without sticky sessions; a server that refuses the connection (it was killed)
is skipped, as a load balancer's health check would. Clients send ``Connection: close``
so that every request is its own connection and thus its own round-robin turn.
"""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from tests.pg import _free_port

OZVISE = Path(sys.executable).parent / "ozvise"


class ServerProcess:
    """One ``ozvise serve`` on a loopback port, with its output in a log file."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [str(OZVISE), "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--threads", "4", "--no-outbox"],
            env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self.log_path = log

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ozvise serve exited:\n{self.log_path.read_text()}")
            try:
                if requests.get(self.url + "/", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"ozvise serve did not start:\n{self.log_path.read_text()}")

    def kill_9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()


class RoundRobinProxy:
    """Forwards each connection to the next live backend; records who served it."""

    def __init__(self, backend_ports: list[int]) -> None:
        self.backend_ports = backend_ports
        self.served: list[int] = []  # backend index per forwarded connection, in order
        self._turn = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._forward, args=(client,), daemon=True).start()

    def _connect(self) -> tuple[int, socket.socket] | None:
        for _ in range(len(self.backend_ports)):
            with self._lock:
                index = self._turn
                self._turn = (self._turn + 1) % len(self.backend_ports)
            try:
                upstream = socket.create_connection(("127.0.0.1", self.backend_ports[index]),
                                                    timeout=5)
            except OSError:
                continue  # that backend is down: the next one takes the request
            with self._lock:
                self.served.append(index)
            return index, upstream
        return None

    def _forward(self, client: socket.socket) -> None:
        picked = self._connect()
        if picked is None:
            client.close()
            return
        _, upstream = picked
        upstream.settimeout(None)
        back = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
        back.start()
        _pipe(client, upstream)
        back.join(timeout=60)
        client.close()
        upstream.close()

    def last(self) -> int:
        """Index of the backend that served the latest connection."""
        with self._lock:
            return self.served[-1]

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()


def _pipe(source: socket.socket, target: socket.socket) -> None:
    try:
        while chunk := source.recv(65536):
            target.sendall(chunk)
    except OSError:
        pass
    try:
        target.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def server_env(base: dict[str, str], **settings: str) -> dict[str, str]:
    """The environment of a server process: ours without any OZVISE_*, plus ``settings``."""
    env = {k: v for k, v in base.items() if not k.startswith("OZVISE_")}
    env.update(settings)
    return env


def browser_session() -> requests.Session:
    """A cookie-keeping client whose every request is a new connection (a new turn)."""
    client = requests.Session()
    client.headers["Connection"] = "close"
    return client


def form_token(client: requests.Session, url: str) -> str:
    response = client.get(url, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


def post_form(client: requests.Session, url: str, data: dict[str, str],
              token_from: str | None = None) -> requests.Response:
    """POST a form to ``url`` with a CSRF token fetched from ``token_from`` (default: ``url``)."""
    token = form_token(client, token_from or url)
    return client.post(url, data={"csrf_token": token, **data}, allow_redirects=False,
                       timeout=60)
