"""``ozvise housekeeping run``: the scheduled jobs once, for cron (same locks as ``serve``)."""

from __future__ import annotations

import click

from ozvise.housekeeping import JOB_NAMES


@click.group(help="Plánovaná údržba (běží i uvnitř `ozvise serve`): anonymizace po lhůtě "
                  "(denně), mazání záznamů o přihlášení (každou hodinu), odesílání pošty.")
def housekeeping() -> None:
    pass


@housekeeping.command("run", help="Spustí úlohy, na které přišla řada (pro cron). Úlohu, "
                                  "která právě běží v jiném procesu, přeskočí.")
@click.option("--job", "jobs", multiple=True, type=click.Choice(JOB_NAMES),
              help="Jen tato úloha (lze opakovat); výchozí jsou všechny.")
@click.option("--force", is_flag=True,
              help="Spustit i úlohu, na kterou ještě nepřišla řada (nikdy ne souběžně).")
def housekeeping_run(jobs: tuple[str, ...], force: bool) -> None:
    from models import make_engine, make_session_factory
    from ozvise.cli import checked_audit_key, settings_from_env
    from ozvise.housekeeping import run_due

    settings = settings_from_env()
    factory = make_session_factory(make_engine(settings.database_url),
                                   checked_audit_key(settings))
    for name, outcome in run_due(factory, settings, only=jobs or JOB_NAMES, force=force):
        click.echo(f"{name}: {outcome}")
