"""Portal pages of the school-trust rule (``ozvise.registrations``, ``models.trust``).

- ``/skola/cekame-na-overeni``: what a member of a school whose registration is not
  verified sees instead of any report page (the gate below sends them there);
- ``/skola/potvrzeni-skoly/<token>``: the register address confirms or disputes, only by
  POST with the code from the mail (a GET, e.g. a mail scanner's, changes nothing);
- ``/skola/ukoncit-registraci``: an admin ends the registration (the school leaves);
- ``/skola/obnova-pristupu``: the recovery key gives the school key to a new admin, who
  gets in after the register address confirms them.
"""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, session, url_for
from flask_login import current_user, logout_user
from sqlalchemy import func, select

from crypto.errors import DecryptionError
from models import ConfirmationPurpose, School, SchoolConfirmation, SchoolMember, Verification
from models.audit import record
from models.trust import is_verified
from ozvise import access_recovery, registrations
from ozvise.context import settings
from ozvise.db import db
from ozvise.extensions import limiter
from review_ui.auth import ALL_MEMBERS, keyring, require
from review_ui.portal import bp
from review_ui.portal.fields import (
    FieldError,
    FieldErrors,
    email,
    new_password,
    person_name,
    phone,
)
from review_ui.portal.mail import send_confirmation

#: member pages a member of an unverified school may still open (no report data on them)
OPEN_WHILE_UNVERIFIED = {"portal.pending", "portal.registration_done", "portal.recovery_pdf",
                         "portal.leave", "portal.logout"}


@bp.before_app_request
def _unverified_schools_reach_no_report_page():
    """Any member route (every blueprint) except the few above sends a member of a school
    whose registration is not verified to the page that explains why."""
    if not current_user.is_authenticated or current_user.kind != "member":
        return None
    view = current_app.view_functions.get(request.endpoint or "")
    roles = getattr(view, "required_roles", ())
    if current_user.role not in roles or request.endpoint in OPEN_WHILE_UNVERIFIED:
        return None
    if is_verified(current_user.account.school):
        return None
    return redirect(url_for("portal.pending"))


@bp.get("/cekame-na-overeni")
@require(*ALL_MEMBERS)
def pending():
    school: School = current_user.account.school
    if is_verified(school):
        return redirect(url_for("portal.reports"))
    sent = db().scalars(select(SchoolConfirmation).where(
        SchoolConfirmation.school_id == school.id,
        SchoolConfirmation.purpose == ConfirmationPurpose.REGISTRATION)
        .order_by(SchoolConfirmation.id.desc())).first()
    return render_template("portal/pending.html", school=school, sent=sent,
                           contact=settings().contact_email)


def _subject(row: SchoolConfirmation) -> tuple[School, list[SchoolMember]]:
    school = db().get(School, row.school_id)
    if row.purpose == ConfirmationPurpose.RECOVERY:
        people = [m for m in [db().get(SchoolMember, row.member_id)] if m is not None]
    else:
        people = registrations.active_members(db(), school)
    return school, people


def _invalid_link():
    return render_template("portal/message.html", title="Odkaz neplatí",
                           message="Tento odkaz neplatí: vypršel, byl už použit, nebo byl "
                                   "nahrazen novějším."), 404


@bp.route("/potvrzeni-skoly/<token>", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def school_confirmation(token: str):
    row = registrations.open_confirmation(db(), token)
    if row is None:
        return _invalid_link()
    school, people = _subject(row)
    context = {"row": row, "school": school, "people": people, "token": token,
               "recovery": row.purpose == ConfirmationPurpose.RECOVERY}
    if request.method != "POST":  # GET and HEAD (mail scanners) change nothing
        return render_template("portal/school_confirmation.html", **context)
    answer = request.form.get("answer")
    if answer not in ("yes", "no"):
        return render_template("portal/school_confirmation.html", **context,
                               error="Zvolte prosím jedno z tlačítek."), 400
    try:
        outcome = registrations.answer_confirmation(db(), row, token,
                                                    request.form.get("code", ""), answer == "yes")
    except registrations.WrongCode as exc:
        db().commit()  # the failed attempt counts
        return render_template("portal/school_confirmation.html", **context,
                               error=exc.args[0]), 400
    except registrations.RegistrationError as exc:
        db().rollback()
        return render_template("portal/message.html", title="Nelze provést",
                               message=exc.args[0]), 409
    db().commit()
    texts = {
        (False, "confirmed"): ("Registrace potvrzena", "Děkujeme. Registrace školy je ověřená: "
                               "nová hlášení uvidí kontaktní osoby v portálu školy."),
        (False, "disputed"): ("Registrace zrušena", "Registraci jsme zrušili a uvedeným osobám "
                              "zanikl přístup. Škola se může zaregistrovat sama na "
                              + url_for("portal.register", _external=False) + "."),
        (True, "confirmed"): ("Obnovení potvrzeno", "Nový správce se teď může přihlásit "
                              "(po potvrzení svého e-mailu)."),
        (True, "disputed"): ("Obnovení odmítnuto", "Žádost jsme zrušili; nový správce "
                             "přístup nedostane."),
    }
    title, message = texts[(context["recovery"], outcome)]
    return render_template("portal/message.html", title=title, message=message)


@bp.route("/ukoncit-registraci", methods=["GET", "POST"])
@require("admin")
def leave():
    school: School = current_user.account.school
    if request.method != "POST":
        return render_template("portal/leave.html", school=school)
    if (request.form.get("red_izo") or "").strip() != school.red_izo:
        return render_template("portal/leave.html", school=school, error="Pro potvrzení opište "
                               f"RED-IZO školy ({school.red_izo})."), 400
    was_verified = is_verified(school)
    try:
        registrations.end_registration(db(), school, actor=current_user.get_id())
    except registrations.RegistrationError as exc:
        return render_template("portal/leave.html", school=school, error=exc.args[0]), 400
    db().commit()
    keyring().drop(session.get("key_handle"))
    logout_user()
    session.clear()
    kept = ("Hlášení školy uchováme ještě 3 roky (nejdéle 9 let od přijetí), pak je "
            "anonymizujeme. " if was_verified else "")
    return render_template("portal/message.html", title="Registrace ukončena",
                           message="Registrace školy je ukončená a přístup do portálu zanikl. "
                                   f"{kept}Nová hlášení přijdou na adresu školy z rejstříku "
                                   "jako PDF.")


def _recovery_school(form) -> School:  # noqa: ANN001
    red_izo = "".join(ch for ch in form.get("red_izo", "") if ch.isdigit())
    school = db().scalars(select(School).where(School.red_izo == red_izo)).first()
    if school is None:
        raise FieldError("red_izo", "Škola s tímto RED-IZO není v rejstříku.")
    if school.verification != Verification.VERIFIED:
        raise FieldError("red_izo", "Tato škola nemá ověřenou registraci; přístup obnovit nelze.")
    return school


def _recovery_fields(form, errors: FieldErrors):  # noqa: ANN001, ANN202
    """(school, person, password), or None with every invalid field in ``errors``."""
    school = errors.check(_recovery_school, form)
    person = {"name": errors.check(person_name, form.get("name"), "name"),
              "email": errors.check(email, form.get("email"), "email"),
              "phone": errors.check(phone, form.get("phone"), "phone")}
    if person["email"] and db().scalars(select(SchoolMember.id).where(
            func.lower(SchoolMember.email) == person["email"])).first() is not None:
        errors["email"] = ("Tento e-mail už má účet v Ozvi se (i nefunkční). Uveďte prosím "
                           "jinou adresu.")
    password = errors.check(lambda: new_password(form.get("password"), form.get("password2"),
                                                 "password", not_equal=person["email"] or ""))
    return None if errors else (school, person, password)


@bp.route("/obnova-pristupu", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def recovery():
    if request.method != "POST":
        return render_template("portal/recovery.html", form={})
    form, errors = request.form, FieldErrors()
    fields = _recovery_fields(form, errors)
    if fields is None:
        return render_template("portal/recovery.html", form=form, errors=errors), 400
    school, person, password = fields
    try:
        member, issued = access_recovery.start_recovery(
            db(), settings(), school, (form.get("recovery_key") or "").strip()[:80],
            password=password, cost=settings().kdf, **person)
    except FieldError as exc:
        return render_template("portal/recovery.html", form=form,
                               errors=FieldErrors({exc.field: exc.message})), 400
    except DecryptionError:
        db().rollback()
        record(db(), "system", "school.recovery_key_refused", f"school:{school.id}")
        db().commit()
        return render_template("portal/recovery.html", form=form, errors=FieldErrors(
            recovery_key="Záchranný klíč k této škole nepatří. Opište ho prosím přesně z "
                         "vytištěného listu.")), 400
    send_confirmation(member)
    db().commit()
    return render_template("portal/recovery_sent.html", school=school, member=member,
                           issued=issued, contact=settings().contact_email)
