"""E-mails of the portal (invitation, e-mail confirmation).

The mail to the school's register address is ``ozvise.registration_mail``.

All go through the transactional outbox. None carries key material on its own: an
invitation link needs the code told in person (see ``invitations``).
"""

from __future__ import annotations

import secrets

from flask import url_for

from delivery.mail_names import mail_safe_name
from delivery.outbox import enqueue
from models import SchoolMember
from ozvise.context import settings
from ozvise.db import db
from ozvise.localtime import cs_date
from review_ui.portal.invitations import Invitation, token_hash


def absolute(endpoint: str, **values: object) -> str:
    return settings().base_url + url_for(endpoint, **values)


def send_invitation(member: SchoolMember, invitation: Invitation, inviter: str) -> None:
    """``inviter`` is the inviting member's name as typed: it goes into the mail only as
    ``delivery.mail_names.mail_safe_name`` leaves it (one line, no markup, no links)."""
    link = absolute("portal.invitation", token=invitation.token)
    expires = cs_date(member.invite_expires_at)
    inviter = mail_safe_name(inviter)
    body = (
        f"Dobrý den,\n\n{inviter} vás zve do školy {member.school.name} v portálu Ozvi se, "
        "kde škola přijímá anonymní hlášení šikany.\n"
        f"Heslo si nastavíte na této adrese:\n\n{link}\n\n"
        f"Budete potřebovat také kód, který vám {inviter} sdělí osobně nebo telefonem. "
        "Z bezpečnostních důvodů v tomto e-mailu není.\n"
        f"Odkaz platí do {expires} a lze ho použít jen jednou.\n\n"
        "Pokud pozvánku nečekáte, e-mail prosím smažte.\n\nOzvi se"
    )
    enqueue(db(), kind="member_invitation", recipient=member.email,
            dedupe_key=f"invitation:{member.id}:{token_hash(invitation.token)[:24]}",
            subject=f"{inviter} vás zve do portálu Ozvi se", body=body)


def send_confirmation(member: SchoolMember) -> None:
    """Ask the member to confirm their e-mail; the token is stored only hashed."""
    token = secrets.token_urlsafe(32)
    member.email_token_hash = token_hash(token)
    body = (
        f"Dobrý den,\n\npotvrďte prosím, že tato adresa patří vám, otevřením odkazu:\n\n"
        f"{absolute('portal.confirm_email', token=token)}\n\n"
        "Bez potvrzení se do portálu Ozvi se znovu nepřihlásíte.\n\nOzvi se"
    )
    enqueue(db(), kind="email_confirmation", recipient=member.email,
            dedupe_key=f"confirm:{member.id}:{member.email_token_hash[:24]}",
            subject="Potvrzení e-mailu – Ozvi se", body=body)
