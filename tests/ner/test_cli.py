"""The command line speaks the shared scorer protocol (one output line per input line)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ner.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_detect_protocol_with_fields_and_bad_lines():
    lines = [
        {
            "id": "a",
            "text": "Petrovi vzali mobil, volej 777 123 456.",
            "fields": {"victim_name": "Petr"},
        },
        {"id": "b", "text": "Nic tu není."},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n"
    p = run(["detect"], stdin)
    assert p.returncode == 0, p.stderr
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", None]
    labels = {(s["label"]) for s in out[0]["spans"]}
    assert labels == {"PERSON", "CONTACT"}
    assert set(out[0]["spans"][0]) == {"start", "end", "label", "score", "cluster"}
    assert out[1]["spans"] == [] and "error" in out[2]


def test_redact_stdin_with_fields():
    p = run(["redact", "--name", "Kuba", "--class", "7.B"], "kubo, ze 7.B tě všichni nesnáší\n")
    assert p.returncode == 0, p.stderr
    assert p.stdout == "[OSOBA 1], ze [TŘÍDA 1] tě všichni nesnáší\n"


def test_module_entry_point():
    p = subprocess.run(
        [sys.executable, "-m", "ner", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert p.returncode == 0 and "detect" in p.stdout and "bench" in p.stdout
