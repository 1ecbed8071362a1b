"""The admin's page of people: invite, change role, re-grant access, remove.

Re-granting wraps the school key that the admin has unlocked in this session for the
member again, through a one-time invitation; no report is re-encrypted. An analyst
never holds the school key: demoting a reader to analyst deletes their wrap, and
promoting an analyst needs a fresh invitation that carries the key.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from models import MemberRole, SchoolKey, SchoolMember
from models.audit import record
from ozvise.context import settings
from ozvise.db import db
from review_ui.auth import require, unlocked_key_or_relogin
from review_ui.confirmation import ask, confirmed
from review_ui.portal import bp
from review_ui.portal.fields import FieldError, FieldErrors, email, person_name, phone
from review_ui.portal.invitations import READER_ROLES, issue, wipe_credentials
from review_ui.portal.mail import send_invitation
from review_ui.staff_confirmations import removal_confirmation

ROLE_LABELS = {MemberRole.ADMIN: "správce", MemberRole.HANDLER: "řešitel",
               MemberRole.ANALYST: "analytik"}


def removed_address(member: SchoolMember) -> str:
    """The tombstone e-mail a removed member keeps: unique, never delivered, no person."""
    return f"removed-{member.id}@invalid"


def _school_members() -> list[SchoolMember]:
    return list(db().scalars(select(SchoolMember).where(
        SchoolMember.school_id == current_user.account.school_id,
        SchoolMember.active.is_(True)).order_by(SchoolMember.name)))


def _own_member(member_id: int) -> SchoolMember:
    member = db().get(SchoolMember, member_id)
    if (member is None or not member.active
            or member.school_id != current_user.account.school_id):
        abort(404)
    return member


def _render(status: int = 200, **context: object):
    context.setdefault("errors", {})
    return render_template("portal/members.html", members=_school_members(),
                           labels=ROLE_LABELS, me=current_user.account, form=request.form,
                           **context), status


def _admin_key_or_relogin() -> bytes:
    return unlocked_key_or_relogin(
        "portal.login", "Pro předání přístupu se prosím přihlaste znovu (klíč školy už není "
        "odemčený).", next=url_for("portal.members"))


def _invite(member: SchoolMember, action: str):
    """Issue an invitation, mail the link, show the code to the admin once."""
    private_key = _admin_key_or_relogin() if member.role in READER_ROLES else None
    school_key = db().get(SchoolKey, current_user.account.school_key_id)
    invitation = issue(member, school_key, private_key, settings().kdf)
    send_invitation(member, invitation, current_user.account.name)
    record(db(), current_user.get_id(), action, f"member:{member.id}",
           school_id=member.school_id, role=member.role.value)
    db().commit()
    return _render(invited=member, code=invitation.code)


def _parse_role(raw: str | None) -> MemberRole:
    try:
        return MemberRole(raw or "")
    except ValueError:
        raise FieldError("role", "Vyberte roli: správce, řešitel nebo analytik.") from None


def _other_admins(member: SchoolMember) -> int:
    return sum(1 for m in _school_members()
               if m.role == MemberRole.ADMIN and m.id != member.id and m.password_hash)


@bp.get("/clenove")
@require("admin")
def members():
    record(db(), current_user.get_id(), "members.viewed",
           f"school:{current_user.account.school_id}")
    db().commit()
    return _render()


@bp.post("/clenove/pozvat")
@require("admin")
def invite_member():
    form, errors = request.form, FieldErrors()
    name = errors.check(person_name, form.get("name"), "name")
    address = errors.check(email, form.get("email"), "email")
    number = errors.check(phone, form.get("phone"), "phone")
    role = errors.check(_parse_role, form.get("role"))
    if address and db().scalars(select(SchoolMember.id).where(
            func.lower(SchoolMember.email) == address)).first() is not None:
        errors["email"] = "Tento e-mail už má účet v Ozvi se."
    if errors:
        return _render(400, errors=errors)
    member = SchoolMember(school_id=current_user.account.school_id, name=name, email=address,
                          phone=number, role=role)
    db().add(member)
    db().flush()
    return _invite(member, "member.invited")


@bp.post("/clenove/<int:member_id>/obnovit")
@require("admin")
def regrant_member(member_id: int):
    member = _own_member(member_id)
    if member.id == current_user.account.id:
        return _render(400, error="Vlastní přístup si obnovit nemůžete; požádejte jiného "
                                  "správce.")
    return _invite(member, "member.access_regranted")


@bp.post("/clenove/<int:member_id>/role")
@require("admin")
def change_role(member_id: int):
    member = _own_member(member_id)
    try:
        role = _parse_role(request.form.get("role"))
    except FieldError as exc:
        return _render(400, error=exc.message)
    if role == member.role:
        return redirect(url_for("portal.members"))
    if member.role == MemberRole.ADMIN and role != MemberRole.ADMIN and not _other_admins(member):
        return _render(400, error="Škola musí mít alespoň jednoho dalšího správce s heslem.")
    old, member.role = member.role, role
    record(db(), current_user.get_id(), "member.role_changed", f"member:{member.id}",
           school_id=member.school_id, old=old.value, new=role.value)
    if role not in READER_ROLES:
        member.key_wrap = member.key_wrap_salt = member.key_wrap_kdf = None
    if role in READER_ROLES and member.key_wrap is None:
        return _invite(member, "member.access_regranted")  # the key travels with an invitation
    db().commit()
    flash(f"Role změněna: {member.name} je nyní {ROLE_LABELS[role]}.", "ok")
    return redirect(url_for("portal.members"))


@bp.post("/clenove/<int:member_id>/odebrat")
@require("admin")
def remove_member(member_id: int):
    member = _own_member(member_id)
    if member.id == current_user.account.id:
        return _render(400, error="Sami sebe odebrat nemůžete; požádejte jiného správce.")
    if member.role == MemberRole.ADMIN and not _other_admins(member):
        return _render(400, error="Škola musí mít alespoň jednoho dalšího správce s heslem.")
    if not confirmed():
        return ask(removal_confirmation(member))
    wipe_credentials(member)
    member.active = False
    # Free the address for a later invitation (the column is unique); the row, its id and
    # the audit events that name it stay. ``.invalid`` is reserved and never routable.
    member.email, member.email_token_hash = removed_address(member), None
    record(db(), current_user.get_id(), "member.removed", f"member:{member.id}",
           school_id=member.school_id)
    db().commit()
    flash(f"{member.name} už do portálu nemá přístup.", "ok")
    return redirect(url_for("portal.members"))
