"""``ozvise audit``: verify the log (chain, MACs, optionally against a saved checkpoint)
and write a signed checkpoint to keep outside the server."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from sqlalchemy.orm import Session


@click.group(help="Auditní záznam: ověření řetězce a podpisů, kontrolní body.")
def audit() -> None:
    pass


def _session() -> Session:
    from ozvise.cli import session_for, settings_from_env

    return session_for(settings_from_env())


@audit.command("verify", help="Ověří hashový řetězec a podpis (HMAC) každého záznamu; "
                              "s --checkpoint také, že záznam navazuje na uložený kontrolní "
                              "bod (odhalí smazaný konec i přepočítaný řetězec).")
@click.option("--checkpoint", "checkpoint_file", type=click.Path(dir_okay=False), default=None,
              help="Soubor kontrolního bodu z `ozvise audit checkpoint`.")
def audit_verify(checkpoint_file: str | None) -> None:
    from models.audit import against_checkpoint, verify

    session = _session()
    saved = _read_checkpoint(Path(checkpoint_file)) if checkpoint_file else None
    count, broken = verify(session)
    failed = False
    if broken is not None:
        click.echo(f"PORUŠENO: první vadný záznam má id {broken.entry_id}: {broken.reason}.",
                   err=True)
        failed = True
    if saved is not None:
        problem = against_checkpoint(session, saved)
        if problem is not None:
            click.echo(f"PORUŠENO vůči kontrolnímu bodu: {problem}.", err=True)
            failed = True
    if failed:
        sys.exit(1)
    suffix = (f"; navazuje na kontrolní bod ({saved['count']} záznamů, "
              f"{saved.get('created_at', '?')})") if saved is not None else ""
    click.echo(f"Auditní záznam je neporušený ({count} záznamů){suffix}.")


@audit.command("checkpoint", help="Vypíše podepsaný kontrolní bod (počet záznamů a hash "
                                  "posledního) a s --output ho zapíše do souboru. Uložte ho "
                                  "mimo server (e-mail, tisk, jiný stroj).")
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="Kam bod zapsat (soubor se přepíše).")
def audit_checkpoint(output: str | None) -> None:
    from models.audit import checkpoint, verify

    session = _session()
    count, broken = verify(session)
    if broken is not None:
        click.echo(f"Kontrolní bod nevytvořím: záznam id {broken.entry_id} je porušen "
                   f"({broken.reason}).", err=True)
        sys.exit(1)
    head = checkpoint(session)
    text = json.dumps(head, ensure_ascii=False, indent=2) + "\n"
    if output:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        click.echo(f"Kontrolní bod ({count} záznamů) zapsán do {output}.", err=True)
    click.echo(text, nl=False)


def _read_checkpoint(path: Path) -> dict:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"Kontrolní bod {path} nelze přečíst: {exc}") from exc
    if not isinstance(data, dict):
        raise click.ClickException(f"{path} není kontrolní bod auditu.")
    return data


def seal_after_upgrade(session: Session) -> None:
    """Sign the entries written before the audit key existed (run by ``ozvise db upgrade``)."""
    from models.audit import seal_unsigned

    try:
        sealed = seal_unsigned(session)
    except ValueError as exc:
        session.rollback()
        raise click.ClickException(str(exc)) from exc
    session.commit()
    if sealed:
        click.echo(f"Podepsáno starších auditních záznamů: {sealed}.")
