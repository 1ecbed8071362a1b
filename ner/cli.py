"""Command line: ``detect`` (JSON lines, the shared scorer protocol), ``redact``, ``bench detect``.

The lead registers these in the ``ozvise`` console script; standalone use:
``python -m ner.cli detect`` or ``python -m ner detect``.
"""

from __future__ import annotations

import json
import sys

import click

from .bench import bench_detect
from .urgency_bench import bench_urgency

BATCH = 32


def _emit(pending: list[tuple[object, str, str | None, str | None, str | None]], detector) -> None:
    from .redaction import Seeds, detect_spans_many

    ok = [p for p in pending if p[4] is None]
    results = iter(detect_spans_many([(p[1], Seeds(p[2] or "", p[3] or "")) for p in ok]))
    for rid, _text, _n, _c, err in pending:
        if err is not None:
            obj = {"id": rid, "spans": [], "error": err}
        else:
            obj = {"id": rid, "spans": [s.to_json() for s in next(results)]}
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@click.command("detect")
@click.option("--batch", default=BATCH, show_default=True, help="texts per spaCy batch")
def detect(batch: int) -> None:
    """Read {"id","text","fields"?} JSON lines on stdin, write {"id","spans"} lines on stdout."""
    from . import get_detector

    detector = get_detector()
    pending: list = []
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("text", ""), str):
                raise ValueError("expected an object with a string 'text'")
            fields = obj.get("fields") or {}
            fields = fields if isinstance(fields, dict) else {}
            pending.append(
                (
                    obj.get("id"),
                    obj.get("text") or "",
                    _str(fields.get("victim_name")),
                    _str(fields.get("victim_class")),
                    None,
                )
            )
        except ValueError as e:
            pending.append((None, "", None, None, f"neplatný vstup / invalid input: {e}"))
        if len(pending) >= batch:
            _emit(pending, detector)
            pending = []
    if pending:
        _emit(pending, detector)


def _str(v) -> str | None:
    return v if isinstance(v, str) and v else None


@click.command("redact")
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--name", "victim_name", default=None, help="victim's name from the form")
@click.option("--class", "victim_class", default=None, help="victim's class from the form")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="also print the redacted items (with originals!) as JSON",
)
def redact(file, victim_name: str | None, victim_class: str | None, as_json: bool) -> None:
    """Print the text (FILE or stdin) with personal data replaced by placeholders."""
    from .redaction import Seeds
    from .redaction import redact as redact_text

    text = file.read()
    res = redact_text(text, Seeds(victim_name or "", victim_class or ""))
    if as_json:
        click.echo(
            json.dumps(
                {"text": res.text, "items": [i.__dict__ for i in res.items]}, ensure_ascii=False
            )
        )
    else:
        click.echo(res.text, nl=not res.text.endswith("\n"))


@click.group("bench")
def bench() -> None:
    """Benchmarks."""


bench.add_command(bench_detect)
bench.add_command(bench_urgency)


@click.group()
def main() -> None:
    """Czech personal-data detector (ner)."""


main.add_command(detect)
main.add_command(redact)
main.add_command(bench)

if __name__ == "__main__":
    main()
