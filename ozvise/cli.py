"""The ``ozvise`` command line: serve, database, register, operators' tasks, detection."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ozvise.config import Settings


@click.group(help="Ozvi se – anonymní hlášení šikany pro školy. Nastavení: proměnné OZVISE_* "
                  "(viz README).")
@click.pass_context
def main(ctx: click.Context) -> None:
    ctx.ensure_object(dict)


def settings_from_env() -> Settings:
    return Settings.from_env()


def waitress_options(app) -> dict[str, object]:  # noqa: ANN001
    """Options for waitress, shared by ``ozvise serve`` and the tests' live server.

    waitress refuses a body over ``max_request_body_size`` itself, in English plain text,
    before the application sees it. Its cap is therefore well above the application's
    ``MAX_CONTENT_LENGTH`` (1 MB), so an oversized body up to the cap gets the
    application's Czech 413 (JSON on the API); only absurd bodies meet waitress's own.
    """
    from ozvise.uploads import UPLOAD_BODY_BYTES

    body_cap = max(8 * app.config["MAX_CONTENT_LENGTH"], UPLOAD_BODY_BYTES + 1024 * 1024)
    # inbuf_overflow: waitress buffers a body past this size in a temporary *file*; evidence
    # files must never rest on disk in clear, so every body it accepts stays in memory.
    return {"ident": "ozvise", "clear_untrusted_proxy_headers": True,
            "max_request_body_size": body_cap, "inbuf_overflow": body_cap}


def session_for(settings: Settings):  # noqa: ANN201
    from models import make_engine, make_session_factory

    return make_session_factory(make_engine(settings.database_url), checked_audit_key(settings))()


def checked_audit_key(settings: Settings) -> bytes:
    """The audit key, or a Czech error (not a traceback) when the setting is unusable."""
    from ozvise.audit_key import AuditKeyError, audit_key

    try:
        return audit_key(settings)
    except AuditKeyError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command(help="Spustí server (waitress, produkční WSGI server; bez přístupového logu).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@click.option("--no-outbox", is_flag=True,
              help="Nespouštět odesílání e-mailů v pozadí (běží-li zvlášť `ozvise outbox run`).")
@click.option("--no-housekeeping", is_flag=True,
              help="Nespouštět plánovanou údržbu (anonymizace, mazání záznamů o přihlášení, "
                   "pošta); pak ji spouštějte z cronu: `ozvise housekeeping run`.")
def serve(host: str, port: int, threads: int, no_outbox: bool, no_housekeeping: bool) -> None:
    from waitress import serve as waitress_serve

    from ozvise.app import create_app
    from ozvise.redis_store import StoreConfigError

    settings = settings_from_env()
    checked_audit_key(settings)
    try:
        app = create_app(settings)
    except StoreConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    from intake.redaction import warm_up

    warm_up()  # load the detector once, before the first pupil waits for it
    click.echo(f"Ozvi se běží na http://{host}:{port}/  (formulář pro žáky)")
    click.echo(f"  portál školy:  http://{host}:{port}/skola/")
    click.echo(f"  moderace:      http://{host}:{port}/moderace/")
    if not no_housekeeping:
        from ozvise.db import session_factory
        from ozvise.housekeeping import JOB_NAMES, start_background

        jobs = tuple(name for name in JOB_NAMES if not (no_outbox and name == "outbox"))
        start_background(session_factory(app), app.config["OZVISE_SETTINGS"], only=jobs)
        click.echo(f"  údržba v pozadí: {', '.join(jobs)} (vypnete volbou --no-housekeeping)")
    click.echo("Ukončíte klávesami Ctrl+C.")
    sys.stdout.flush()
    # No access log: waitress writes none unless wrapped in TransLogger, and we never do,
    # because an access log would record reporters' IP addresses.
    waitress_serve(app, host=host, port=port, threads=threads, **waitress_options(app))


@main.group(help="Databáze.")
def db() -> None:
    pass


@db.command("upgrade", help="Převede schéma databáze na nejnovější verzi (idempotentní).")
def db_upgrade() -> None:
    from models.migrate import upgrade
    from ozvise.audit_cli import seal_after_upgrade
    from ozvise.file_modes import secure_instance_folder

    settings = settings_from_env()
    secure_instance_folder(settings)
    upgrade(settings.database_url)
    seal_after_upgrade(session_for(settings))
    click.echo("Databáze je aktuální.")


@main.group(help="Rejstřík škol.")
def schools() -> None:
    pass


@schools.command("import", help="Načte školy z CSV (red_izo,name,street,town,postcode,region,"
                                "director_email). FILE = 'demo' načte ukázkové školy.")
@click.argument("file")
@click.option("--quiet", is_flag=True, help="Bez ukazatele průběhu.")
def schools_import(file: str, quiet: bool) -> None:
    from tqdm import tqdm

    from intake.schools import DEMO_FILE, demo_csv_path, import_rows, read_rows

    path = demo_csv_path() if file == DEMO_FILE else Path(file)
    if not path.exists():
        raise click.ClickException(f"Soubor {file} neexistuje.")
    rows, missing = read_rows(path)
    if missing:
        raise click.ClickException("V záhlaví CSV chybí sloupce: " + ", ".join(missing))
    session = session_for(settings_from_env())
    with tqdm(total=len(rows), unit="škol", disable=quiet, desc="Import") as bar:
        summary = import_rows(session, rows, progress=bar.update)
    session.commit()
    for line_no, reason in summary.rejected:
        click.echo(f"  řádek {line_no}: odmítnut – {reason}", err=True)
    click.echo(f"Školy: {summary.created} nových, {summary.updated} aktualizovaných, "
               f"{summary.unchanged} beze změny, {len(summary.rejected)} odmítnutých.")


@schools.command("set-plan", help="Nastaví tarif registrované školy (extended: hlášení v "
                                  "portálu, basic: hlášení jako PDF). Při přechodu na "
                                  "extended se hlášení čekající na PDF, jejichž klíč už je "
                                  "zabalen klíčem školy, přesunou do portálu.")
@click.argument("red_izo", metavar="RED-IZO")
@click.argument("plan", type=click.Choice(["extended", "basic"]))
@click.option("--yes", is_flag=True, help="Nepotvrzovat (pro skripty).")
def schools_set_plan(red_izo: str, plan: str, yes: bool) -> None:
    from delivery.plan_change import PlanError, plan_change_summary, set_plan
    from models import Plan

    session = session_for(settings_from_env())
    try:
        if not yes:  # a dry run says what would happen; nothing is held while asking
            preview = set_plan(session, red_izo, Plan(plan))
            session.rollback()
            click.echo(plan_change_summary(red_izo, preview))
            click.confirm("Změnit tarif?", abort=True)
        change = set_plan(session, red_izo, Plan(plan))
    except PlanError as exc:
        session.rollback()
        raise click.ClickException(str(exc)) from exc
    session.commit()
    click.echo(f"Škola {red_izo}: tarif {change.previous.value} → {change.plan.value}. "
               f"Do portálu přesunuto hlášení: {change.moved_to_portal}.")
    if change.waiting_for_release:
        click.echo(f"Na onboardingový klíč čeká hlášení: {change.waiting_for_release} "
                   "(zpřístupní je ozvise onboarding release).")


@main.group(help="Ukázková data pro vyzkoušení.")
def demo() -> None:
    pass


@demo.command("seed", help="Založí ukázkovou registrovanou školu se dvěma členy a vypíše "
                           "jejich přihlašovací údaje (idempotentní).")
def demo_seed() -> None:
    from ozvise.demo import seed

    settings = settings_from_env()
    for line in seed(session_for(settings), settings):
        click.echo(line)


@main.group(help="Moderátoři platformy a moderační klíč (otevírá jen kopie pro moderaci).")
def moderators() -> None:
    pass


def _add_moderator_commands() -> None:
    from ozvise.moderators_cli import COMMANDS

    for command in COMMANDS:
        moderators.add_command(command)


_add_moderator_commands()


@main.group(help="Poradci platformy (vidí jen hlášení, která s nimi škola sdílí).")
def counsellors() -> None:
    pass


@counsellors.command("create", help="Založí poradce s vlastním klíčem a vypíše odkaz pro "
                                    "ověřovací aplikaci (TOTP). Heslo se zadává skrytě, dvakrát.")
@click.option("--username", required=True, help="Přihlašovací jméno (malá písmena, číslice).")
@click.option("--name", required=True, help="Jméno poradce, jak ho uvidí školy.")
def counsellors_create(username: str, name: str) -> None:
    from review_ui.counsellor_accounts import create_counsellor
    from review_ui.moderation.accounts import AccountError
    from review_ui.second_factor import provisioning_uri

    password = click.prompt("Heslo poradce", hide_input=True, confirmation_prompt=True)
    settings = settings_from_env()
    session = session_for(settings)
    try:
        counsellor = create_counsellor(session, username, name, password, settings.kdf)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    session.commit()
    click.echo(f"Poradce {counsellor.username} založen. Přihlašuje se na /poradce/prihlaseni "
               "jménem, heslem a kódem z ověřovací aplikace.")
    click.echo("Předejte poradci tento odkaz pro ověřovací aplikaci (jen bezpečnou cestou, "
               "je to tajemství):")
    click.echo(f"  {provisioning_uri(counsellor.totp_secret, counsellor.username)}")
    click.echo("Zapomenuté heslo nelze obnovit: poradce dostane nový účet a školy s ním "
               "sdílejí znovu.")


@main.group(help="Offline onboardingový klíč pro školy, které ještě nemají vlastní klíč.")
def onboarding() -> None:
    pass


@onboarding.command("keygen", help="Vytvoří onboardingový klíčový pár: soukromý klíč (chráněný "
                                   "heslem) uloží do souboru, který držíte offline; veřejný "
                                   "klíč zapíše pro server.")
@click.option("--private-key", "private_key", required=True, type=click.Path(dir_okay=False),
              help="Kam uložit soukromý klíč (např. na šifrovaný USB disk). Nesmí existovat.")
@click.option("--public-key", "public_key", type=click.Path(dir_okay=False), default=None,
              help="Kam zapsat veřejný klíč; výchozí je OZVISE_ONBOARDING_PUBLIC_KEY.")
def onboarding_keygen(private_key: str, public_key: str | None) -> None:
    from delivery.onboarding_cli import keygen

    keygen(settings_from_env(), Path(private_key), Path(public_key) if public_key else None)


@onboarding.command("release", help="Po registraci školy zpřístupní její dřívější hlášení "
                                    "a heslo k PDF (potřebuje offline soukromý klíč).")
@click.option("--school", "red_izo", required=True, help="RED-IZO školy.")
@click.option("--key", "key_file", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Soubor s offline soukromým klíčem.")
@click.option("--passphrase-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Heslo ke klíči ze souboru (jinak OZVISE_ONBOARDING_PASSPHRASE, "
                   "jinak se zeptáme).")
def onboarding_release(red_izo: str, key_file: str, passphrase_file: str | None) -> None:
    from delivery.onboarding_cli import release

    release(settings_from_env(), red_izo, Path(key_file),
            Path(passphrase_file) if passphrase_file else None)


@main.group(help="Odchozí pošta (transakční outbox).")
def outbox() -> None:
    pass


@outbox.command("run", help="Odesílá frontu e-mailů: opakuje s rostoucím odstupem, po pádu "
                            "převezme rozpracované zprávy. Bez --once běží, dokud ho neukončíte.")
@click.option("--once", is_flag=True, help="Odeslat, co je na řadě, a skončit.")
@click.option("--interval", default=5.0, show_default=True, type=float,
              help="Po kolika sekundách znovu zkontrolovat frontu.")
@click.option("--lease", default=300.0, show_default=True, type=float,
              help="Po kolika sekundách převzít zprávu, kterou spadlý proces rozeslal jen "
                   "napůl.")
def outbox_run(once: bool, interval: float, lease: float) -> None:
    from delivery.onboarding_cli import run_outbox

    run_outbox(settings_from_env(), once=once, interval=interval, lease_seconds=lease)


@outbox.command("status", help="Ukáže, co se nepodařilo doručit: hlášení, jejichž PDF nejde "
                               "odeslat, e-maily vzdané po posledním pokusu a e-maily, které "
                               "se zatím opakují. Vypisuje jen čísla hlášení, RED-IZO a typ "
                               "chyby, nikdy obsah.")
@click.option("--check", is_flag=True,
              help="Skončit s kódem 1, je-li něco nedoručitelné (pro cron a monitoring).")
def outbox_status(check: bool) -> None:
    from delivery.onboarding_cli import show_outbox_status

    show_outbox_status(settings_from_env(), check=check)


@outbox.command("retry", help="Znovu zařadí e-maily, jejichž odesílání bylo vzdáno (čísla "
                              "vypíše `ozvise outbox status`), až je příčina odstraněná. "
                              "Odeslané ani čekající zprávy nemění, nic tedy neodejde dvakrát.")
@click.argument("message_ids", nargs=-1, type=int)
@click.option("--all-failed", is_flag=True, help="Znovu zařadit všechny vzdané e-maily.")
@click.option("--by", default="operator", show_default=True,
              help="Kdo zásah provádí (zapíše se do auditního záznamu).")
def outbox_retry(message_ids: tuple[int, ...], all_failed: bool, by: str) -> None:
    from delivery.outbox_retry import requeue_failed

    if bool(message_ids) == all_failed:
        raise click.UsageError("Zadejte čísla zpráv, nebo --all-failed (ne obojí).")
    session = session_for(settings_from_env())
    try:
        queued = requeue_failed(session, None if all_failed else message_ids,
                                actor=f"operator:{by[:80]}")
        session.commit()
    finally:
        session.close()
    missing = sorted(set(message_ids) - set(queued))
    if queued:
        click.echo(f"Znovu zařazeno: {', '.join(f'#{i}' for i in queued)}; odejdou při "
                   "příštím běhu odesílání.")
    if missing:
        click.echo(f"Tyto zprávy nejsou vzdané (nebo neexistují), nic se nezměnilo: "
                   f"{', '.join(f'#{i}' for i in missing)}.", err=True)
    if not queued:
        raise SystemExit(1)


@main.group(help="Záznamy o přihlášení (uchovávají se nejvýše 7 dní).")
def logins() -> None:
    pass


@logins.command("purge", help="Smaže záznamy o přihlášení starší 7 dní (děje se i při "
                              "každém přihlášení).")
def logins_purge() -> None:
    from review_ui.auth import purge_login_attempts

    session = session_for(settings_from_env())
    removed = purge_login_attempts(session)
    session.commit()
    click.echo(f"Smazáno záznamů o přihlášení: {removed}.")


@main.group(help="Lhůty uchování hlášení a jejich nevratná anonymizace.")
def retention() -> None:
    pass


@retention.command("run", help="Anonymizuje hlášení po uplynutí lhůty (registrovaná škola: "
                               "po dobu registrace a 3 roky po ní, nejvýše 9 let; "
                               "neregistrovaná: 3 roky) a smaže záznamy o přihlášení "
                               "starší 7 dní.")
@click.option("--dry-run", is_flag=True, help="Jen spočítat, nic neměnit.")
@click.option("--now", "now_text", default=None, metavar="ISO-DATUM",
              help="Počítat lhůty k tomuto okamžiku (např. 2030-01-31) místo k dnešku.")
@click.option("--quiet", is_flag=True, help="Bez ukazatele průběhu.")
def retention_run(dry_run: bool, now_text: str | None, quiet: bool) -> None:
    from datetime import UTC, datetime

    from tqdm import tqdm

    from ozvise.retention import run

    now = None
    if now_text:
        try:
            now = datetime.fromisoformat(now_text)
        except ValueError as exc:
            raise click.ClickException(f"--now: neplatné datum {now_text!r} "
                                       "(čekám ISO 8601, např. 2030-01-31).") from exc
        now = now if now.tzinfo else now.replace(tzinfo=UTC)

    def progress(items):  # noqa: ANN001, ANN202
        return tqdm(items, unit="hlášení", desc="Anonymizace", disable=quiet or len(items) < 50)

    settings = settings_from_env()
    summary = run(session_for(settings), now, dry_run=dry_run, progress=progress,
                  outbox_dir=settings.outbox_dir)
    if dry_run:
        click.echo(f"Zkušební běh, nic se nezměnilo: k anonymizaci {len(summary.due)} hlášení, "
                   f"ke smazání {summary.login_records} záznamů o přihlášení.")
    else:
        click.echo(f"Anonymizováno hlášení: {summary.anonymised} (po lhůtě jich bylo "
                   f"{len(summary.due)}). Smazáno záznamů o přihlášení: "
                   f"{summary.login_records}.")


@demo.command("code", help="Vypíše aktuální ověřovací kód (TOTP) ukázkového účtu: e-mail "
                           "člena ukázkové školy nebo 'moderator'. Jen pro ukázková data.")
@click.argument("account")
def demo_code_command(account: str) -> None:
    from ozvise.demo import demo_code

    code = demo_code(session_for(settings_from_env()), account)
    if code is None:
        raise click.ClickException("To není ukázkový účet (nebo ještě nemá ověřování).")
    click.echo(code)


def _register_detection_commands() -> None:
    from ner.cli import bench, detect, redact

    main.add_command(detect)
    main.add_command(redact)
    main.add_command(bench)


def _register_operations_commands() -> None:
    from ozvise.audit_cli import audit
    from ozvise.housekeeping_cli import housekeeping

    main.add_command(audit)
    main.add_command(housekeeping)


_register_detection_commands()


def _register_school_trust_commands() -> None:
    from ozvise.schools_cli import COMMANDS

    for command in COMMANDS:
        schools.add_command(command)


_register_school_trust_commands()
_register_operations_commands()
