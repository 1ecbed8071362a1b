"""``ozvise moderators ...``: accounts and the moderation key (``review_ui.moderation.keys``).

Kept out of ``ozvise.cli`` so the command line stays a thin list of commands. Secrets
(passwords, the recovery key) are always asked for hidden, never taken as arguments.
"""

from __future__ import annotations

import click

_UNLOCK_HELP = ("Klíč odemkne buď heslo stávajícího moderátora (--grantor JMÉNO), nebo "
                "obnovovací klíč (--recovery); obojí se zadává skrytě.")


def _session_and_settings():  # noqa: ANN202
    from ozvise.cli import session_for, settings_from_env

    settings = settings_from_env()
    return session_for(settings), settings


def _unlock(session, grantor: str | None, recovery: bool):  # noqa: ANN001, ANN202
    """The unlocked key, and the grantor's password (None with the recovery key)."""
    from review_ui.moderation.keys import KeyUnavailable, unlock

    if bool(grantor) == recovery:
        raise click.UsageError("Zvolte, čím moderační klíč odemknout: --grantor JMÉNO, nebo "
                               "--recovery.")
    try:
        if recovery:
            secret = click.prompt("Obnovovací klíč moderačního klíče", hide_input=True)
            return unlock(session, recovery_key=secret), None
        password = click.prompt(f"Heslo moderátora {grantor}", hide_input=True)
        return unlock(session, moderator=grantor, password=password), password
    except KeyUnavailable as exc:
        raise click.ClickException(str(exc)) from exc


def _show_recovery_key(recovery: str) -> None:
    click.echo("")
    click.echo("OBNOVOVACÍ KLÍČ MODERAČNÍHO KLÍČE (zobrazí se jen teď, nikde se neukládá):")
    click.echo(f"    {recovery}")
    click.echo("Vytiskněte ho nebo uložte offline. Kdyby všichni moderátoři zapomněli heslo, "
               "jen s ním lze založit nového moderátora (ozvise moderators create JMÉNO "
               "--recovery); bez něj nepůjdou čekající hlášení přečíst.")
    click.echo("")


def _seal_legacy(session, unlocked) -> None:  # noqa: ANN001
    from review_ui.moderation.keys import seal_legacy

    def progress(reports):  # noqa: ANN001, ANN202
        if not reports:
            return
        with click.progressbar(reports, label="Zapečeťuji kopie pro moderátory",
                               show_pos=True) as bar:
            yield from bar

    sealed = seal_legacy(session, unlocked, progress)
    click.echo(f"Zapečetěno hlášení: {sealed.reports}, navazujících zpráv: {sealed.followups}; "
               f"smazáno nepotřebných čitelných kopií: {sealed.cleared}.")


def _print_enrolment(moderator) -> None:  # noqa: ANN001
    from review_ui.second_factor import provisioning_uri

    click.echo(f"Moderátor {moderator.username} založen a má přístup k moderačnímu klíči.")
    click.echo("Druhý krok přihlášení (TOTP) je povinný: při prvním přihlášení na "
               "/moderace/prihlaseni se zobrazí QR kód k naskenování.")
    click.echo("Nebo předejte moderátorovi tento odkaz pro ověřovací aplikaci (jen bezpečnou "
               "cestou, je to tajemství):")
    click.echo(f"  {provisioning_uri(moderator.totp_secret, moderator.username)}")


@click.command("init-key", help="Vytvoří moderační klíč (jednou za instalaci), vypíše jeho "
                                "obnovovací klíč a zapečetí čitelné kopie čekajících hlášení "
                                "z dřívějších verzí.")
def init_key_command() -> None:
    from review_ui.moderation.keys import KeyUnavailable, init_key

    session, _settings = _session_and_settings()
    try:
        unlocked, recovery = init_key(session)
    except KeyUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    _seal_legacy(session, unlocked)
    session.commit()
    click.echo("Moderační klíč vytvořen.")
    _show_recovery_key(recovery)


@click.command("create", help="Založí moderátora, dá mu moderační klíč a vypíše odkaz pro "
                              "ověřovací aplikaci (TOTP). U prvního moderátora klíč vytvoří "
                              "(a vypíše obnovovací klíč). " + _UNLOCK_HELP)
@click.argument("username")
@click.password_option("--password", help="Heslo (aspoň 12 znaků); bez volby se zeptá.",
                       prompt="Heslo nového moderátora")
@click.option("--grantor", help="Stávající moderátor, jehož heslo klíč odemkne.")
@click.option("--recovery", is_flag=True, help="Odemknout klíč obnovovacím klíčem.")
def create_command(username: str, password: str, grantor: str | None, recovery: bool) -> None:
    from crypto.moderation_keys import active_moderation_key
    from review_ui.moderation.accounts import AccountError, create_moderator
    from review_ui.moderation.keys import init_key

    session, settings = _session_and_settings()
    new_recovery = None
    if active_moderation_key(session) is None:
        unlocked, new_recovery = init_key(session)
    else:
        unlocked, _password = _unlock(session, grantor, recovery)
    try:
        moderator = create_moderator(session, username, password, settings.kdf,
                                     key=unlocked.key, private_key=unlocked.private_key)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    if new_recovery is not None:
        _seal_legacy(session, unlocked)
    session.commit()
    if new_recovery is not None:
        click.echo("Moderační klíč vytvořen (první moderátor).")
        _show_recovery_key(new_recovery)
    _print_enrolment(moderator)


@click.command("grant", help="Dá stávajícímu moderátorovi moderační klíč pod nové heslo "
                             "(zapomenuté heslo, účet z dřívější verze). " + _UNLOCK_HELP)
@click.argument("username")
@click.option("--grantor", help="Jiný moderátor, jehož heslo klíč odemkne.")
@click.option("--recovery", is_flag=True, help="Odemknout klíč obnovovacím klíčem.")
def grant_command(username: str, grantor: str | None, recovery: bool) -> None:
    from review_ui.moderation.accounts import AccountError
    from review_ui.moderation.keys import grant

    session, settings = _session_and_settings()
    unlocked, _password = _unlock(session, grantor, recovery)
    password = click.prompt(f"Nové heslo moderátora {username}", hide_input=True,
                            confirmation_prompt=True)
    try:
        grant(session, unlocked, username, password, settings.kdf)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    session.commit()
    click.echo(f"Moderátor {username} má moderační klíč pod novým heslem.")


@click.command("rotate-key", help="Zavede nový moderační klíč a převede na něj kopie všech "
                                  "čekajících hlášení; vypíše nový obnovovací klíč. Ostatní "
                                  "moderátoři přejdou na nový klíč při příštím přihlášení, "
                                  "s --revoke-others ho musí dostat znovu (grant). "
                                  + _UNLOCK_HELP)
@click.option("--grantor", help="Moderátor, jehož heslo odemkne stávající klíč.")
@click.option("--recovery", is_flag=True, help="Odemknout stávající klíč obnovovacím klíčem.")
@click.option("--revoke-others", is_flag=True,
              help="Starý klíč mohl uniknout: nikdo s ním na nový klíč nepřejde.")
def rotate_command(grantor: str | None, recovery: bool, revoke_others: bool) -> None:
    from review_ui.moderation.keys import rotate

    session, settings = _session_and_settings()
    unlocked, password = _unlock(session, grantor, recovery)
    click.echo("Převádím kopie čekajících hlášení na nový klíč…")
    _new, new_recovery, count = rotate(session, unlocked, carry_over=not revoke_others,
                                       password=password, kdf=settings.kdf)
    session.commit()
    click.echo(f"Nový moderační klíč zaveden; převedeno kopií: {count}.")
    _show_recovery_key(new_recovery)


@click.command("seal-pending", help="Zapečetí čitelné kopie čekajících hlášení a zpráv "
                                    "z dřívějších verzí a smaže ty nepotřebné. "
                                    + _UNLOCK_HELP)
@click.option("--grantor", help="Moderátor, jehož heslo klíč odemkne.")
@click.option("--recovery", is_flag=True, help="Odemknout klíč obnovovacím klíčem.")
def seal_pending_command(grantor: str | None, recovery: bool) -> None:
    session, _settings = _session_and_settings()
    unlocked, _password = _unlock(session, grantor, recovery)
    _seal_legacy(session, unlocked)
    session.commit()


COMMANDS = (init_key_command, create_command, grant_command, rotate_command,
            seal_pending_command)
