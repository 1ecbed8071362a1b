"""School registration: pick the school, name the legal entity, two or more contacts, plan.

What happens on a valid form (one transaction): the school's key pair is created; the
registering person (contact 1) gets the key under the password they chose; every further
contact gets a one-time invitation (link by e-mail + code shown here, see
``invitations``); the registering person gets an e-mail confirmation link; the school's
address from the public register gets the one-time link + code that verifies the
registration (``ozvise.registrations``). Until then the registration is only a claim:
no report is wrapped to the new key (``models.trust``). The registering person
then enrols TOTP and sees the recovery key and the invitation codes exactly once.
Those secrets wait in the key ring (memory, or sealed in Redis), never in the cookie or the DB.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import render_template, request, session, url_for
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from crypto.school_keys import create_school_key, grant_member
from intake.schools import MAX_QUERY_CHARS, search_schools
from models import ConfirmationPurpose, MemberRole, Plan, School, SchoolMember, Verification
from models.audit import record
from ozvise.context import settings
from ozvise.db import db
from ozvise.extensions import limiter
from ozvise.registrations import (
    can_register,
    issue_confirmation,
    mark_claimed,
    release_stale_claim,
)
from review_ui.auth import keyring, require
from review_ui.portal import bp
from review_ui.portal.fields import (
    FieldError,
    FieldErrors,
    email,
    new_password,
    person_name,
    phone,
)
from review_ui.portal.invitations import issue
from review_ui.portal.login import begin_second_step
from review_ui.portal.mail import send_confirmation, send_invitation

CONTACT_SLOTS = 3
MIN_CONTACTS = 2
PLANS = {"extended": Plan.EXTENDED, "basic": Plan.BASIC}


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


def _registration_owner(member_id: int) -> str:
    return f"registration:member:{member_id}"


def _contacts(form, errors: FieldErrors) -> list[Contact]:  # noqa: ANN001
    """The filled contact slots; every invalid field goes to ``errors``."""
    contacts = []
    for slot in range(1, CONTACT_SLOTS + 1):
        raw = [form.get(f"c{slot}_{part}", "").strip() for part in ("name", "email", "phone")]
        if slot > MIN_CONTACTS and not any(raw):
            continue
        name = errors.check(person_name, raw[0], f"c{slot}_name")
        address = errors.check(email, raw[1], f"c{slot}_email")
        number = errors.check(phone, raw[2], f"c{slot}_phone")
        if address and address in {c.email for c in contacts}:
            errors.setdefault(f"c{slot}_email", "Každá kontaktní osoba musí mít jiný e-mail.")
        elif name and address and number:
            contacts.append(Contact(name, address, number))
    return contacts


def _school(form) -> School:  # noqa: ANN001
    red_izo = "".join(ch for ch in form.get("red_izo", "") if ch.isdigit())
    if len(red_izo) != 9:
        raise FieldError("red_izo", "Vyberte školu ze seznamu nebo zadejte její RED-IZO "
                                    "(9 číslic).")
    school = db().scalars(select(School).where(School.red_izo == red_izo)).first()
    if school is None:
        raise FieldError("red_izo", "Škola s tímto RED-IZO není v rejstříku. Zkontrolujte číslo "
                                    "nebo školu vyhledejte.")
    if school.verification == Verification.PENDING and not release_stale_claim(db(), school):
        raise FieldError("red_izo", "Registrace této školy už čeká na ověření adresou školy "
                                    "z rejstříku. Pokud ji škola neprovedla, zvolte v e-mailu "
                                    "na této adrese „Tohle nejsme my“.")
    if not can_register(school):
        raise FieldError("red_izo", "Tato škola už je zaregistrovaná. O přístup požádejte "
                                    "jejího správce v portálu.")
    return school


def _plan(form) -> Plan:  # noqa: ANN001
    plan = PLANS.get(form.get("plan", ""))
    if plan is None:
        raise FieldError("plan", "Vyberte tarif.")
    return plan


def _legal_name(form) -> str:  # noqa: ANN001
    legal = " ".join(form.get("legal_entity_name", "").split())
    if not 3 <= len(legal) <= 300:
        raise FieldError("legal_entity_name", "Vyplňte název právnické osoby (zřizovatelem "
                                              "zapsaný název školy), 3 až 300 znaků.")
    return legal


def _validate(form, errors: FieldErrors):  # noqa: ANN001, ANN202
    """The registration's values, with every invalid field in ``errors`` (then None)."""
    school = errors.check(_school, form)
    legal = errors.check(_legal_name, form)
    plan = errors.check(_plan, form)
    contacts = _contacts(form, errors)
    first_email = form.get("c1_email", "").strip().lower()
    password = errors.check(lambda: new_password(form.get("password"), form.get("password2"),
                                                 "password", not_equal=first_email))
    taken = db().scalars(select(SchoolMember.email).where(
        func.lower(SchoolMember.email).in_([c.email for c in contacts]))).first()
    if taken:
        slot = next(i for i in range(1, CONTACT_SLOTS + 1)
                    if form.get(f"c{i}_email", "").strip().lower() == taken.lower())
        errors.setdefault(f"c{slot}_email", "Tento e-mail už má účet v Ozvi se. Použijte "
                                            "prosím jiný.")
    if not form.get("understood"):
        errors["understood"] = ("Potvrďte prosím, že rozumíte, co znamená ztráta hesel a "
                                "záchranného klíče.")
    if errors:
        return None
    return school, legal, plan, contacts, password


def _render(status: int = 200, error: FieldError | None = None,
            errors: FieldErrors | None = None):
    """The form, filled as sent; ``error``: one message for the whole form (at the top),
    ``errors``: every invalid field's message, shown next to that field."""
    query = (request.values.get("q") or "").strip()[:MAX_QUERY_CHARS]
    found = search_schools(db(), query) if query else []
    return render_template("portal/register.html", query=query, found=found, form=request.form,
                           error=error.message if error else None,
                           errors=errors or {}), status


@bp.route("/registrace", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def register():
    if request.method == "GET":
        return _render()
    errors = FieldErrors()
    values = _validate(request.form, errors)
    if values is None:
        return _render(400, errors=errors)
    school, legal, plan, contacts, password = values
    session_db, cost = db(), settings().kdf
    school.plan, school.legal_entity_name = plan, legal
    mark_claimed(school)
    school_key, private_key, recovery = create_school_key(school, session_db)
    members = [SchoolMember(school=school, name=c.name, email=c.email, phone=c.phone,
                            role=MemberRole.ADMIN) for c in contacts]
    session_db.add_all(members)
    try:
        session_db.flush()
    except IntegrityError:
        session_db.rollback()
        return _render(400, errors=FieldErrors(c1_email="Některý z e-mailů už má účet v Ozvi se."))
    first, others = members[0], members[1:]
    grant_member(first, school_key, private_key, password, cost)
    send_confirmation(first)
    codes = []
    for member in others:
        invitation = issue(member, school_key, private_key, cost)
        send_invitation(member, invitation, first.name)
        codes.append({"name": member.name, "email": member.email, "code": invitation.code})
    issue_confirmation(session_db, settings(), school, ConfirmationPurpose.REGISTRATION)
    record(session_db, f"member:{first.id}", "school.registered", f"school:{school.id}",
           plan=plan.value, contacts=len(members))
    session_db.commit()
    secrets_once = json.dumps({"recovery": recovery, "codes": codes}).encode()
    session["registration_handle"] = keyring().put(_registration_owner(first.id), secrets_once)
    return begin_second_step(first, private_key, url_for("portal.registration_done"))


@bp.get("/registrace/hotovo")
@require("admin")
def registration_done():
    """The recovery key and invitation codes, shown exactly once after registration."""
    handle = session.pop("registration_handle", None)
    raw = keyring().get(handle, _registration_owner(current_user.account.id))
    keyring().drop(handle)
    if raw is None:
        return render_template(
            "portal/message.html", title="Záchranný klíč se zobrazuje jen jednou",
            message="Záchranný klíč a kódy pozvánek jsme ukázali jen jednou, hned po "
                    "registraci, a server si je nepamatuje. Pokud jste si klíč neuložili, "
                    "ukončete registraci v portálu a zaregistrujte školu znovu.",
            link=url_for("portal.pending")), 410
    shown = json.loads(raw)
    record(db(), current_user.get_id(), "school.recovery_key_shown",
           f"school:{current_user.account.school_id}", invitations=len(shown["codes"]))
    db().commit()
    return render_template("portal/registration_done.html", recovery=shown["recovery"],
                           codes=shown["codes"], school=current_user.account.school)

