"""``ozvise schools pending|show|verify|resend|approve-recovery|revoke|unregister``: the operator's
side of the school-trust rule (``ozvise.registrations``). Every change is audited with
the operator's name (``--by``, default the login name) and their evidence or reason."""

from __future__ import annotations

import getpass

import click
from sqlalchemy import select


def _session():  # noqa: ANN202
    from ozvise.cli import session_for, settings_from_env

    return session_for(settings_from_env())


def _operator(by: str | None) -> str:
    name = (by or getpass.getuser() or "operator").strip()
    return f"operator:{name}"[:64]


def _school(session, red_izo: str):  # noqa: ANN001, ANN202
    from ozvise.registrations import RegistrationError, school_by_red_izo

    try:
        return school_by_red_izo(session, red_izo)
    except RegistrationError as exc:
        raise click.ClickException(str(exc)) from exc


def _apply(red_izo: str, step):  # noqa: ANN001, ANN202
    """Run one registration step on the school in its own transaction; Czech errors."""
    from ozvise.registrations import RegistrationError

    session = _session()
    school = _school(session, red_izo)
    try:
        result = step(session, school)
    except RegistrationError as exc:
        session.rollback()
        raise click.ClickException(str(exc)) from exc
    session.commit()
    return result


def _when(moment) -> str:  # noqa: ANN001
    """The one date format, in Prague time (``ozvise.localtime``), or a dash."""
    from ozvise.localtime import cs_datetime

    return cs_datetime(moment) if moment else "—"


BY_OPTION = click.option("--by", help="Kdo krok provádí (do auditu); výchozí je jméno "
                                      "přihlášeného uživatele.")


@click.command("pending", help="Vypíše registrace čekající na ověření (nejstarší první).")
def schools_pending() -> None:
    from models import School, Verification
    from ozvise.registrations import active_members

    session = _session()
    rows = session.scalars(select(School).where(School.verification == Verification.PENDING)
                           .order_by(School.claimed_at)).all()
    if not rows:
        click.echo("Žádná registrace nečeká na ověření.")
        return
    for school in rows:
        people = ", ".join(f"{m.name} <{m.email}>" for m in active_members(session, school))
        click.echo(f"{school.red_izo}  {school.name}\n    právnická osoba: "
                   f"{school.legal_entity_name or '—'}\n    podáno: {_when(school.claimed_at)}"
                   f"   adresa v rejstříku: {school.director_email or '— (ověřit jinak)'}\n"
                   f"    registrující: {people}")


@click.command("show", help="Ukáže stav registrace školy: kdo a na základě čeho ji ověřil, "
                            "členy, potvrzovací e-maily a počet hlášení zabalených klíčem školy.")
@click.argument("red_izo", metavar="RED-IZO")
def schools_show(red_izo: str) -> None:
    from models import AuditEvent, SchoolConfirmation, SchoolMember
    from ozvise.registrations import reports_wrapped_to

    session = _session()
    school = _school(session, red_izo)
    state = school.verification.value if school.verification else "neregistrovaná"
    click.echo(f"{school.red_izo}  {school.name}\n  stav: {state}   tarif: {school.plan.value}"
               f"\n  právnická osoba: {school.legal_entity_name or '—'}"
               f"\n  adresa v rejstříku: {school.director_email or '—'}"
               f"\n  podáno: {_when(school.claimed_at)}   ověřeno: {_when(school.verified_at)}"
               f" ({school.verified_by or '—'})\n  doložení: {school.verification_evidence or '—'}"
               f"\n  registrována od: {_when(school.registered_at)}   ukončeno: "
               f"{_when(school.unregistered_at)}   zrušeno: {_when(school.revoked_at)}"
               f"\n  hlášení zabalená aktivním klíčem školy: {reports_wrapped_to(session, school)}")
    for member in session.scalars(select(SchoolMember).where(
            SchoolMember.school_id == school.id).order_by(SchoolMember.id)):
        click.echo(f"  člen {member.id}: {member.name} <{member.email}> {member.role.value}"
                   f"{'' if member.active else ' (bez přístupu)'}")
    for event in session.scalars(select(AuditEvent).where(
            AuditEvent.action == "school.revoked", AuditEvent.target == f"school:{school.id}")
            .order_by(AuditEvent.id)):
        disclosed = event.details.get("disclosed_reports") or []
        click.echo(f"  zrušeno {_when(event.created_at)} ({event.actor}): vyzrazená hlášení "
                   f"{len(disclosed)}" + "".join(f"\n    {r}" for r in disclosed))
    for row in session.scalars(select(SchoolConfirmation).where(
            SchoolConfirmation.school_id == school.id).order_by(SchoolConfirmation.id)):
        click.echo(f"  potvrzení {row.id} ({row.purpose.value}) na {row.sent_to}: "
                   f"odesláno {_when(row.created_at)}, platí do {_when(row.expires_at)}, "
                   f"výsledek {row.outcome or 'čeká'}")


@click.command("verify", help="Ověří čekající registraci školy na základě doložení, např. "
                              "když adresa v rejstříku chybí nebo je chybná. Zapíše do "
                              "auditu, kdo ověřil a na základě čeho.")
@click.argument("red_izo", metavar="RED-IZO")
@click.option("--evidence", required=True,
              help="Na základě čeho (např. „datová schránka školy, č. j. …“).")
@BY_OPTION
def schools_verify(red_izo: str, evidence: str, by: str | None) -> None:
    from ozvise.registrations import verify

    operator = _operator(by)
    _apply(red_izo, lambda session, school: verify(session, school, by=operator,
                                                    evidence=evidence, actor=operator))
    click.echo(f"Registrace školy {red_izo} je ověřená ({operator}). Nová hlášení půjdou do "
               "portálu školy; dřívější zpřístupní `ozvise onboarding release`.")


@click.command("resend", help="Pošle na adresu školy z rejstříku nový odkaz a kód k potvrzení "
                              "čekající registrace (když se e-mail ztratil nebo vypršel); "
                              "dřívější odkaz přestane platit.")
@click.argument("red_izo", metavar="RED-IZO")
@BY_OPTION
def schools_resend(red_izo: str, by: str | None) -> None:
    from ozvise.cli import settings_from_env
    from ozvise.registrations import resend_registration_confirmation

    operator = _operator(by)
    settings = settings_from_env()
    row = _apply(red_izo, lambda session, school: resend_registration_confirmation(
        session, settings, school, actor=operator))
    click.echo(f"Nový odkaz a kód jsou ve frontě k odeslání na {row.sent_to} "
               f"(platí do {_when(row.expires_at)}); dřívější odkaz už neplatí.")


@click.command("approve-recovery", help="Schválí nového správce, který použil záchranný klíč, "
                                        "když adresa školy v rejstříku chybí nebo je chybná.")
@click.argument("red_izo", metavar="RED-IZO")
@click.option("--evidence", required=True, help="Na základě čeho schvalujete.")
@BY_OPTION
def schools_approve_recovery(red_izo: str, evidence: str, by: str | None) -> None:
    from ozvise.access_recovery import approve_recovery

    member = _apply(red_izo, lambda session, school: approve_recovery(
        session, school, by=_operator(by), evidence=evidence))
    click.echo(f"Nový správce {member.name} <{member.email}> má přístup (po potvrzení e-mailu).")


@click.command("revoke", help="Zruší registraci, která nepatří škole: členům zanikne přístup "
                              "a jejich klíče, zabalení klíčů hlášení ke klíči školy se smažou "
                              "a škola je zase neregistrovaná. Vypíše hlášení, která je třeba "
                              "považovat za vyzrazená.")
@click.argument("red_izo", metavar="RED-IZO")
@click.option("--reason", required=True, help="Proč (do auditu).")
@BY_OPTION
def schools_revoke(red_izo: str, reason: str, by: str | None) -> None:
    from ozvise.registrations import revoke

    result = _apply(red_izo, lambda session, school: revoke(
        session, school, actor=_operator(by), reason=reason))
    click.echo(f"Registrace školy {red_izo} je zrušená; přístup ztratilo členů: "
               f"{len(result.members)}.")
    if result.disclosed_reports:
        click.echo(f"VYZRAZENÁ hlášení (byla zabalena ke zrušenému klíči, jednejte s nimi jako "
                   f"s vyzrazenými): {len(result.disclosed_reports)}")
        for report_id in result.disclosed_reports:
            click.echo(f"  {report_id}")
    else:
        click.echo("Žádné hlášení nebylo zabalené ke zrušenému klíči.")


@click.command("unregister", help="Ukončí registraci školy (např. škola zanikla): přístup do "
                                  "portálu zanikne a lhůta uchování hlášení (3 roky, nejvýše "
                                  "9 let) běží od teď.")
@click.argument("red_izo", metavar="RED-IZO")
@BY_OPTION
def schools_unregister(red_izo: str, by: str | None) -> None:
    from ozvise.registrations import end_registration

    members = _apply(red_izo, lambda session, school: end_registration(
        session, school, actor=_operator(by)))
    click.echo(f"Registrace školy {red_izo} je ukončená; přístup ztratilo členů: {len(members)}.")


COMMANDS = (schools_pending, schools_show, schools_verify, schools_resend,
            schools_approve_recovery, schools_revoke, schools_unregister)
