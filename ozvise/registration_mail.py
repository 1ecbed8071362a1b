"""Texts of the mails to a school's register address, and where replies go.

Every mail the outbox sends ends with ``reply_note`` (added when the mail is built,
``delivery.transport``), and carries ``Reply-To: OZVISE_CONTACT_EMAIL`` when it is set,
so no mail asks for a reply that lands at a no-reply sender.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ConfirmationPurpose, School, SchoolMember
from ozvise.config import Settings
from ozvise.localtime import cs_date


def reply_note(settings: Settings) -> str:
    """The honest last line of every mail: where a reply goes."""
    if settings.contact_email:
        return (f"Odpověď na tento e-mail dostane provozovatel Ozvi se ({settings.contact_email}); "
                "můžete mu psát i přímo na tuto adresu.")
    return ("Tento e-mail byl odeslán automaticky a odpovědi na něj nikdo nečte. Provozovatel "
            "této instalace neuvedl kontaktní adresu.")


def _registrants(session: Session, school: School) -> str:
    members = session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.active.is_(True))
        .order_by(SchoolMember.id)).all()
    return "\n".join(f"  - {m.name} ({m.email}, {m.phone or 'bez telefonu'})" for m in members)


def confirmation_mail(settings: Settings, school: School, purpose: ConfirmationPurpose,
                      session: Session, link: str, code: str, expires_at: datetime,
                      member: SchoolMember | None) -> tuple[str, str]:
    """(subject, body) of the one-time confirmation sent to the register address."""
    until = cs_date(expires_at)
    steps = (f"Otevřete odkaz:\n\n  {link}\n\na na stránce opište tento kód: {code}\n"
             f"(Odkaz a kód platí do {until} a jen jednou. Samotné otevření odkazu nic "
             "nezmění; rozhodnete až tlačítkem na stránce.)")
    if purpose == ConfirmationPurpose.REGISTRATION:
        subject = "Potvrďte prosím registraci vaší školy v Ozvi se"
        body = (
            f"Dobrý den,\n\nškolu {school.name} (RED-IZO {school.red_izo}) někdo zaregistroval "
            "v Ozvi se, službě pro anonymní hlášení šikany. Píšeme na adresu školy z rejstříku "
            "škol, abychom ověřili, že registraci provedla opravdu škola.\n\n"
            f"Právnická osoba uvedená při registraci: {school.legal_entity_name or '—'}\n"
            f"Kontaktní osoby, které školu zaregistrovaly:\n{_registrants(session, school)}\n\n"
            "Dokud registraci nepotvrdíte, nikdo z nich žádné hlášení vaší školy nepřečte; "
            "hlášení chodí na tuto adresu jako PDF chráněné heslem.\n\n"
            f"{steps}\n\nNa stránce zvolte „Ano, registrace je naše“, nebo „Tohle nejsme my“: "
            "pak registraci zrušíme, uvedeným osobám zanikne přístup a škola se může "
            "zaregistrovat znovu sama.\n\nOzvi se")
        return subject, body
    subject = "Potvrďte prosím obnovení přístupu vaší školy v Ozvi se"
    who = f"{member.name} ({member.email}, {member.phone or 'bez telefonu'})" if member else "—"
    body = (
        f"Dobrý den,\n\nve škole {school.name} (RED-IZO {school.red_izo}) někdo použil "
        "záchranný klíč školy a žádá o přístup k hlášením jako nový správce:\n\n"
        f"  {who}\n\nPřístup dostane, až ho potvrdíte z této adresy školy z rejstříku.\n\n"
        f"{steps}\n\nPokud o tom nevíte, zvolte „Tohle nejsme my“ a zvažte, kdo má "
        "záchranný klíč k dispozici.\n\nOzvi se")
    return subject, body
