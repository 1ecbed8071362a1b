"""Benchmark: a normal page's latency while receipt guesses flood in from many addresses.

Starts a real ``ozvise serve`` (waitress, loopback only) on a throwaway instance with the
demo register, twice: once with the global Argon2 cap turned off
(``OZVISE_ARGON2_CONCURRENCY=0``, the behaviour before the cap) and once with the default
cap. In each run it measures the pupil's form page (``GET /``, a database query and a
template, no Argon2) first alone, then while ``--flooders`` threads send receipt guesses
(``GET /api/v1/reports/status`` with a random receipt, one Argon2id evaluation each on the
server) from ``--addresses`` different loopback source addresses (127.0.1.0 upwards, each
connection bound to its own address, so every address has its own rate limit as behind a
correctly configured proxy). Prints p50/p95 per phase, the flood's outcomes (401 = a guess
evaluated, 503 = refused by the cap, 429 = per-address limit) and the ratios.

    .venv/bin/python scripts/bench_lookup_flood.py [--seconds 20] [--addresses 400]
        [--flooders 24] [--threads 8] [--page-requests 300]

Bounded: each flood lasts at most ``--seconds`` and sends at most ``--max-guesses``
requests; every address is on the loopback interface (127.0.0.0/8) of this machine.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import itertools
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OZVISE = str(Path(sys.executable).with_name("ozvise"))  # the venv's console script
LOOPBACK = ipaddress.ip_network("127.0.0.0/8")
FIRST_FLOOD_ADDRESS = ipaddress.ip_address("127.0.1.0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flood_addresses(count: int) -> list[str]:
    addresses = [str(FIRST_FLOOD_ADDRESS + i) for i in range(count)]
    assert all(ipaddress.ip_address(a) in LOOPBACK for a in addresses), "loopback only"
    return addresses


def request(port: int, path: str, source: str = "127.0.0.1",
            headers: dict[str, str] | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                            source_address=(source, 0))
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def start_server(env: dict[str, str], port: int, threads: int) -> subprocess.Popen:
    server = subprocess.Popen([OZVISE, "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--threads", str(threads), "--no-housekeeping"],
                              env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read()[-2000:]}")
        try:
            if request(port, "/") == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("server did not start within 120 s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def page_latencies(port: int, count: int, stop: threading.Event | None = None,
                   errors: Counter | None = None) -> list[float]:
    """Sequential GET / from 127.0.0.1; stops early when ``stop`` is set. A page that
    fails (not 200, or a connection error) is counted in ``errors``, not timed."""
    latencies = []
    for _ in range(count):
        if stop is not None and stop.is_set():
            break
        started = time.perf_counter()
        try:
            status: int | str = request(port, "/")
        except OSError as exc:
            status = type(exc).__name__
        if status == 200:
            latencies.append(time.perf_counter() - started)
        elif errors is not None:
            errors[status] += 1
        else:
            raise SystemExit(f"normal page answered {status}")
    return latencies


def flood(port: int, addresses: list[str], flooders: int, seconds: float,
          max_guesses: int) -> tuple[Counter, float]:
    """Receipt guesses from many source addresses; returns outcomes and the duration."""
    outcomes: Counter = Counter()
    lock = threading.Lock()
    budget = itertools.count()
    cycle = itertools.cycle(addresses)
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        while time.monotonic() < stop_at and next(budget) < max_guesses:
            with lock:
                source = next(cycle)
            guess = "".join(secrets.choice("0123456789") for _ in range(25))
            try:
                status = request(port, "/api/v1/reports/status", source,
                                 {"Authorization": f"Bearer {guess}"})
            except OSError as exc:
                status = type(exc).__name__
            with lock:
                outcomes[status] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(flooders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return outcomes, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(env: dict[str, str], args: argparse.Namespace, label: str) -> dict[str, object]:
    port = free_port()
    server = start_server(env, port, args.threads)
    try:
        page_latencies(port, 20)  # warm-up
        alone = page_latencies(port, args.page_requests)
        stop = threading.Event()
        under: list[float] = []
        page_errors: Counter = Counter()
        prober = threading.Thread(target=lambda: under.extend(
            page_latencies(port, 10**6, stop, page_errors)), daemon=True)
        result: dict[str, object] = {}

        def run_flood() -> None:
            result["outcomes"], result["duration"] = flood(
                port, flood_addresses(args.addresses), args.flooders, args.seconds,
                args.max_guesses)

        flooder = threading.Thread(target=run_flood)
        flooder.start()
        time.sleep(1.0)  # let the flood build up before measuring
        prober.start()
        flooder.join()
        stop.set()
        prober.join(timeout=60)
    finally:
        stop_server(server)
    outcomes: Counter = result["outcomes"]  # type: ignore[assignment]
    duration: float = result["duration"]  # type: ignore[assignment]
    row = {"label": label, "alone_p50": statistics.median(alone) * 1000,
           "alone_p95": percentile(alone, 0.95) * 1000,
           "flood_p50": statistics.median(under) * 1000,
           "flood_p95": percentile(under, 0.95) * 1000, "samples": len(under),
           "page_errors": dict(page_errors),
           "evaluated_per_s": outcomes.get(401, 0) / duration, "outcomes": dict(outcomes)}
    print(f"{label}: page alone p50 {row['alone_p50']:.1f} ms, p95 {row['alone_p95']:.1f} ms; "
          f"under flood p50 {row['flood_p50']:.1f} ms, p95 {row['flood_p95']:.1f} ms "
          f"({len(under)} pages, failed: {dict(page_errors) or 0}); "
          f"guesses evaluated {row['evaluated_per_s']:.1f}/s, "
          f"outcomes {dict(sorted(outcomes.items(), key=str))}", flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="flood length per run")
    parser.add_argument("--addresses", type=int, default=400, help="loopback source addresses")
    parser.add_argument("--flooders", type=int, default=24, help="concurrent guessing threads")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument("--page-requests", type=int, default=300,
                        help="normal-page requests of the baseline")
    parser.add_argument("--max-guesses", type=int, default=20_000, help="cap on guesses/run")
    parser.add_argument("--cap", type=int, default=None,
                        help="OZVISE_ARGON2_CONCURRENCY of the capped run (default: the "
                             "server's default, half the cores)")
    args = parser.parse_args()
    if args.addresses > 60_000:
        raise SystemExit("--addresses: at most 60000")

    instance = Path(tempfile.mkdtemp(prefix="ozvise-bench-flood-"))
    env = {**os.environ, "OZVISE_INSTANCE_DIR": str(instance),
           "OZVISE_DATABASE_URL": f"sqlite:///{instance / 'ozvise.db'}"}
    env.pop("OZVISE_ARGON2_CONCURRENCY", None)
    try:
        subprocess.run([OZVISE, "db", "upgrade"], env=env, check=True, cwd=REPO,
                       stdout=subprocess.DEVNULL)
        subprocess.run([OZVISE, "schools", "import", "--quiet", "demo"], env=env, check=True,
                       cwd=REPO, stdout=subprocess.DEVNULL)
        print(f"{os.cpu_count()} cores; flood: {args.flooders} threads from {args.addresses} "
              f"loopback addresses for {args.seconds:.0f} s; server: {args.threads} threads",
              flush=True)
        before = measure({**env, "OZVISE_ARGON2_CONCURRENCY": "0"}, args, "no cap (before)")
        capped_env = dict(env)
        if args.cap is not None:
            capped_env["OZVISE_ARGON2_CONCURRENCY"] = str(args.cap)
        after = measure(capped_env, args, "with cap (after)")
    finally:
        shutil.rmtree(instance, ignore_errors=True)
    print()
    print("| run | page alone p50 / p95 | page under flood p50 / p95 | guesses evaluated/s |")
    print("|---|---|---|---|")
    for row in (before, after):
        print(f"| {row['label']} | {row['alone_p50']:.1f} / {row['alone_p95']:.1f} ms | "
              f"{row['flood_p50']:.1f} / {row['flood_p95']:.1f} ms | "
              f"{row['evaluated_per_s']:.1f} |")
    print()
    print(f"p95 under flood ÷ p95 alone: before {before['flood_p95'] / before['alone_p95']:.1f}×, "
          f"after {after['flood_p95'] / after['alone_p95']:.1f}×; "
          f"p95 under flood, before ÷ after: {before['flood_p95'] / after['flood_p95']:.1f}×")


if __name__ == "__main__":
    main()
