"""The operators' delivery commands behind ``ozvise onboarding ...`` and ``ozvise outbox ...``.

Kept out of ``ozvise.cli`` so the command line stays a thin list of commands.
"""

from __future__ import annotations

import os
import signal
import threading
from datetime import timedelta
from pathlib import Path

import click

from crypto.errors import DecryptionError
from crypto.onboarding import (
    new_onboarding_keypair,
    read_private_key,
    read_public_key,
    write_private_key,
    write_public_key,
)
from models import make_engine, make_session_factory
from ozvise.audit_key import audit_key
from ozvise.config import Settings

PASSPHRASE_ENV = "OZVISE_ONBOARDING_PASSPHRASE"  # noqa: S105 - a variable name
MIN_PASSPHRASE_CHARS = 12


def keygen(settings: Settings, private_path: Path, public_path: Path | None) -> None:
    """Create the pair; the private half only ever touches ``private_path``, encrypted."""
    public_path = public_path or settings.onboarding_public_key_path
    if private_path.exists():
        raise click.ClickException(f"Soubor {private_path} už existuje; nepřepisujeme ho.")
    if public_path.exists():
        raise click.ClickException(
            f"Veřejný klíč {public_path} už existuje. Nový klíč by znemožnil zpřístupnit "
            "hlášení zašifrovaná tím starým; starý soubor nejdřív přesuňte (a starý soukromý "
            "klíč si ponechte).")
    passphrase = click.prompt("Heslo k soukromému klíči", hide_input=True,
                              confirmation_prompt="Heslo znovu pro kontrolu")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise click.ClickException(f"Heslo musí mít aspoň {MIN_PASSPHRASE_CHARS} znaků.")
    pair = new_onboarding_keypair()
    write_private_key(private_path, pair, passphrase, settings.kdf)
    write_public_key(public_path, pair.public)
    click.echo(f"Soukromý klíč: {private_path} – uložte ho offline (a zálohu jinam). "
               "Na server nepatří.")
    click.echo(f"Veřejný klíč:  {public_path}")
    click.echo(f"Nastavení serveru: export OZVISE_ONBOARDING_PUBLIC_KEY={public_path.resolve()}")


def _passphrase(passphrase_file: Path | None) -> str:
    if passphrase_file is not None:
        return passphrase_file.read_text(encoding="utf-8").rstrip("\n")
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    return click.prompt("Heslo k onboardingovému klíči", hide_input=True)


def release(settings: Settings, red_izo: str, key_file: Path,
            passphrase_file: Path | None) -> None:
    from delivery.release import ReleaseError, release_school

    try:
        pair = read_private_key(key_file, _passphrase(passphrase_file))
    except DecryptionError as exc:
        raise click.ClickException("Nesprávné heslo ke klíči (nebo poškozený soubor).") from exc
    except (ValueError, KeyError) as exc:
        raise click.ClickException(f"{key_file} není onboardingový klíč Ozvi se.") from exc
    configured = read_public_key(settings.onboarding_public_key_path)
    if configured is not None and configured != pair.public:
        raise click.ClickException("Tento soukromý klíč nepatří k veřejnému klíči serveru "
                                   "(OZVISE_ONBOARDING_PUBLIC_KEY).")
    session = make_session_factory(make_engine(settings.database_url), audit_key(settings))()
    try:
        summary = release_school(session, settings, red_izo.strip(), pair.private)
    except ReleaseError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        session.close()
        del pair
    click.echo(f"Zpřístupněno hlášení: {summary.rewrapped}, přesunuto do portálu: "
               f"{summary.moved_to_portal}, hesel k PDF v portálu: "
               f"{summary.passwords_released}, "
               f"upozorněno kontaktů: {summary.notified}.")


def run_outbox(settings: Settings, *, once: bool, interval: float, lease_seconds: float) -> None:
    from delivery.worker import WorkerPolicy, run_forever, run_once

    factory = make_session_factory(make_engine(settings.database_url, pool_pre_ping=True),
                                   audit_key(settings))
    policy = WorkerPolicy(lease=timedelta(seconds=lease_seconds))
    if once:
        stats = run_once(factory, settings, policy)
        click.echo(f"Odesláno {stats.sent}, k opakování {stats.retried}, vzdáno {stats.failed}.")
        return
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    click.echo("Odesílání e-mailů běží (Ctrl+C ukončí).")
    try:
        run_forever(factory, settings, stop, interval, policy)
    except KeyboardInterrupt:
        stop.set()


def show_outbox_status(settings: Settings, *, check: bool) -> None:
    from delivery.outbox_status import outbox_overview
    from ozvise.localtime import cs_datetime

    session = make_session_factory(make_engine(settings.database_url))()
    try:
        overview = outbox_overview(session)
    finally:
        session.close()
    counts = overview.counts
    click.echo(f"Fronta e-mailů: odesláno {counts['sent']}, čeká {counts['pending']}, "
               f"odesílá se {counts['sending']}, vzdáno {counts['failed']}.")
    if not overview.problems:
        click.echo("Vše, co mělo odejít, odešlo nebo čeká na řadě.")
        return
    final = overview.undeliverable
    click.echo(f"Nedoručitelné: {len(final)}, opakuje se: {len(overview.problems) - len(final)}.")
    for problem in overview.problems:
        school = f" (škola {problem.school})" if problem.school else ""
        mark = "NEDORUČENO" if problem.final else "opakuje se"
        click.echo(f"  {mark}: {problem.what}{school}, od {cs_datetime(problem.since)}: "
                   f"{problem.reason}")
    if check and final:
        raise SystemExit(1)
