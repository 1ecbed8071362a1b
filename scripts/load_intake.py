"""Load check of the intake: the real server on loopback, many pupils at once.

Starts ``ozvise serve`` (waitress, loopback only) on a throwaway instance with the demo
register, the demo school (registered, two members) and the demo onboarding key; posts
``--reports`` reports through the JSON API from ``--clients`` concurrent clients, half to
the registered demo school, half to unregistered ones (onboarding key, encrypted PDF);
prints throughput, p50/p95 latency and errors. Then, with the server stopped, checks that
every acknowledged report is in the database and decrypts to exactly what was sent: with
the demo member's password, or with the demo onboarding key.

    .venv/bin/python scripts/load_intake.py [--reports 500] [--clients 20]
        [--postgres | --database-url URL]   # default: SQLite in the temp instance
        [--registered-only]                 # no PDF step: the intake pipeline alone

Bounded: at most ``--reports`` requests and ``--deadline`` seconds of load.
"""

from __future__ import annotations

import argparse
import json
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
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "reports_dev.jsonl"
OZVISE = [str(Path(sys.executable).with_name("ozvise"))]  # the venv's console script


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample_reports() -> list[dict[str, str]]:
    """The development corpus if it is there, else a few generated Czech reports."""
    if CORPUS.exists():
        rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
        return [{k: r[k] for k in ("victim_name", "victim_class", "text")} for r in rows]
    names = ["Petr Novák", "Eliška Malá", "Kuba", "Anna Dvořáková", "Nguyen Van An"]
    return [{"victim_name": n, "victim_class": f"{i % 9 + 1}.{'ABC'[i % 3]}",
             "text": f"{n.split()[0]} z naší třídy každý den dostává od Tomáše ránu do zad. "
                     f"Píšou mu na @tomas_{i} ošklivé zprávy."} for i, n in enumerate(names)]


def run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, env=env, check=True, cwd=REPO, stdout=subprocess.DEVNULL)


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen([*OZVISE, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, cwd=REPO, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read()[-2000:]}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return server
        except requests.ConnectionError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("server did not start within 120 s")


def school_ids(base: str) -> tuple[int, list[int]]:
    """The registered demo school and the unregistered schools of the demo register."""
    from ozvise.demo import DEMO_SCHOOL_RED_IZO

    found = []
    for query in ("zs", "gymnazium", "sos", "spš", "zakladni"):
        found += requests.get(f"{base}/api/v1/schools", params={"q": query},
                              timeout=10).json()["schools"]
    demo = next(s["id"] for s in requests.get(f"{base}/api/v1/schools", params={
        "q": "brno husova"}, timeout=10).json()["schools"] if s["red_izo"] == DEMO_SCHOOL_RED_IZO)
    others = sorted({s["id"] for s in found} - {demo})
    return demo, others


def load(base: str, jobs: list[dict], clients: int, deadline_s: float) -> list[dict]:
    """POST every job; returns one result per job (status, latency, receipt)."""
    local = threading.local()
    stop_at = time.monotonic() + deadline_s

    def post(job: dict) -> dict:
        if time.monotonic() > stop_at:
            return {**job, "status": "skipped (deadline)", "latency": 0.0}
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        started = time.perf_counter()
        try:
            response = session.post(f"{base}/api/v1/reports", json=job["body"], timeout=120)
            status = response.status_code
            receipt = response.json().get("receipt") if status == 201 else None
        except requests.RequestException as exc:
            status, receipt = type(exc).__name__, None
        return {**job, "status": status, "receipt": receipt,
                "latency": time.perf_counter() - started}

    with ThreadPoolExecutor(max_workers=clients) as pool:
        return list(pool.map(post, jobs))


def verify(env: dict[str, str], results: list[dict], demo_school_id: int) -> Counter:
    """Every acknowledged report: stored, and decrypts to what was sent."""
    from crypto.envelope import find_key, open_report, unwrap_from
    from crypto.onboarding import read_private_key
    from crypto.school_keys import unlock_for_member
    from intake.receipts import report_for_receipt
    from models import KeyRecipient, SchoolKey, SchoolMember, make_engine, make_session_factory
    from ozvise.demo import DEMO_MEMBERS, DEMO_ONBOARDING_PASSPHRASE

    instance = Path(env["OZVISE_INSTANCE_DIR"])
    session = make_session_factory(make_engine(env["OZVISE_DATABASE_URL"]))()
    _name, email, _role, password = DEMO_MEMBERS[1]
    member = session.query(SchoolMember).filter_by(email=email).one()
    school_key = session.get(SchoolKey, member.school_key_id)
    school_private = unlock_for_member(member, school_key, password)
    onboarding_private = read_private_key(instance / "demo-onboarding-private.key",
                                          DEMO_ONBOARDING_PASSPHRASE).private
    outcome: Counter = Counter()
    for result in results:
        if not result.get("receipt"):
            continue
        report = report_for_receipt(session, result["receipt"])
        if report is None:
            outcome["missing"] += 1
            continue
        if report.school_id == demo_school_id:
            wrapped, private = find_key(report, KeyRecipient.SCHOOL, school_key.id), \
                school_private
        else:
            wrapped, private = find_key(report, KeyRecipient.ONBOARDING, 0), onboarding_private
        try:
            opened = open_report(report, unwrap_from(report, wrapped, private))
        except Exception:  # noqa: BLE001 - any failure to open is what we count
            outcome["undecryptable"] += 1
            continue
        sent = tuple(unicodedata.normalize("NFC", result["body"][key].strip())
                     for key in ("text", "victim_name", "victim_class"))
        same = (opened.text, opened.victim_name, opened.victim_class) == sent
        outcome["verified" if same else "different"] += 1
    session.close()
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=900, help="seconds of load at most")
    parser.add_argument("--database-url", help="default: SQLite in the temporary instance")
    parser.add_argument("--postgres", action="store_true",
                        help="a throwaway PostgreSQL on loopback (Debian's server binaries)")
    parser.add_argument("--registered-only", action="store_true",
                        help="every report to the registered demo school (no PDF rendering)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary instance")
    args = parser.parse_args()

    instance = Path(tempfile.mkdtemp(prefix="ozvise-load-"))
    postgres = None
    if args.postgres:
        sys.path.insert(0, str(REPO))
        from tests.pg import PostgresServer, find_bindir

        postgres = PostgresServer(find_bindir())
        postgres.start()
        postgres.execute_autocommit("CREATE DATABASE ozvise_load")
        args.database_url = postgres.url("ozvise_load")
    env = {**os.environ, "OZVISE_INSTANCE_DIR": str(instance),
           "OZVISE_DATABASE_URL": args.database_url or f"sqlite:///{instance / 'ozvise.db'}",
           "OZVISE_SECRET_KEY": secrets.token_urlsafe(32),
           "OZVISE_RATE_LIMIT_REPORTS": f"{args.reports * 2} per hour"}
    server = None
    try:
        run([*OZVISE, "db", "upgrade"], env)
        run([*OZVISE, "schools", "import", "--quiet", "demo"], env)
        run([*OZVISE, "demo", "seed"], env)
        port = free_port()
        started = time.perf_counter()
        server = start_server(env, port)
        print(f"server up in {time.perf_counter() - started:.1f} s "
              f"({env['OZVISE_DATABASE_URL'].split(':')[0]})")
        base = f"http://127.0.0.1:{port}"
        demo, others = school_ids(base)
        samples = sample_reports()
        jobs = [{"body": {"school_id": demo if args.registered_only or i % 2 == 0
                          else others[i % len(others)],
                          **samples[i % len(samples)]}} for i in range(args.reports)]

        started = time.perf_counter()
        results = load(base, jobs, args.clients, args.deadline)
        elapsed = time.perf_counter() - started
        server.terminate()
        server.wait(timeout=30)
        server = None

        statuses = Counter(str(r["status"]) for r in results)
        latencies = sorted(r["latency"] for r in results if r["status"] == 201)
        ok = statuses.get("201", 0)
        print(f"{len(results)} reports from {args.clients} clients in {elapsed:.1f} s: "
              f"{ok / elapsed:.1f} reports/s")
        if latencies:
            p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
            print(f"latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
                  f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
        print("responses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
        outcome = verify(env, results, demo)
        print("acknowledged reports in the database: "
              + ", ".join(f"{k}: {v}" for k, v in sorted(outcome.items())))
        good = ok == len(results) and outcome["verified"] == ok
        print("OK" if good else "FAILED")
        return 0 if good else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if postgres is not None:
            postgres.stop()
        if args.keep:
            print(f"instance kept in {instance}")
        else:
            shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
