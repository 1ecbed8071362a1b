"""Speed of the report PDF (intake's PDF step for schools without portal access).

Renders the same report with fonts parsed anew for every document (the old path,
``reuse_parsed_fonts=False``) and with the fonts parsed once per process (the default),
interleaved in rounds so both see the same machine load; then the full PDF step (render
and AES-256 encryption under a fresh per-report password). Prints renders per second
and the median time.

    .venv/bin/python scripts/bench_pdf.py [--rounds 10] [--per-round 10] [--chars 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime

from crypto.pdf_password import new_pdf_password
from delivery.pdf_encryption import encrypt_pdf
from delivery.pdf_report import ReportPdfContent, render_report_pdf

SENTENCE = ("Tomáše Veselého ze 7.B každý den po tělocviku zamykají v šatně a berou mu "
            "svačinu; paní učitelka Kubíčková o tom ví, ale nic nedělá. ")


def _content(chars: int) -> ReportPdfContent:
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    return ReportPdfContent(
        report_id="0123456789abcdef0123456789abcdef", received_at=datetime.now(UTC),
        school_name="Základní škola Testov, Školní 1", school_address="Školní 1, 123 45 Testov",
        red_izo="700000001", victim_name="Tomáš Veselý", victim_class="7.B", text=text,
        registration_url="http://127.0.0.1:5000/skola/registrace")


def _timed(function, count: int) -> list[float]:
    times = []
    for _ in range(count):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--per-round", type=int, default=10)
    parser.add_argument("--chars", type=int, default=2000, help="length of the report text")
    args = parser.parse_args()
    content = _content(args.chars)
    cases = {
        "render, fonts parsed per document (before)":
            lambda: render_report_pdf(content, reuse_parsed_fonts=False),
        "render, fonts parsed once (after)": lambda: render_report_pdf(content),
        "render + encrypt (before)":
            lambda: encrypt_pdf(render_report_pdf(content, reuse_parsed_fonts=False),
                                new_pdf_password()),
        "render + encrypt (after)":
            lambda: encrypt_pdf(render_report_pdf(content), new_pdf_password()),
    }
    for function in cases.values():  # warm up: imports, font files, the template
        function()
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, function in cases.items():
            samples[name] += _timed(function, args.per_round)
    print(f"report text {args.chars} characters, {args.rounds} x {args.per_round} per case")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"  {name:45s} {1 / median:7.1f} renders/s   median {median * 1000:6.1f} ms")
    before = statistics.median(samples["render, fonts parsed per document (before)"])
    after = statistics.median(samples["render, fonts parsed once (after)"])
    print(f"render speed-up: {before / after:.2f}x")


if __name__ == "__main__":
    main()
