"""Portal page ``/skola/heslo-pdf/``: the school's PDF password for its logged-in readers.

The password is stored only wrapped to the school key (basic plan from the start; any
plan after ``ozvise onboarding release``); it is unwrapped here with the key the member
unlocked at login, shown, and never stored in clear. Every view is audited.
"""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user

from crypto.errors import DecryptionError
from crypto.pdf_password import pdf_password_for_school
from models import SchoolMember
from models.audit import record
from ozvise.db import db
from review_ui.auth import MEMBER_READERS, require
from review_ui.school_session import school_private_key

bp = Blueprint("pdf_password", __name__, template_folder="templates")


@bp.get("/")
@require(*MEMBER_READERS)
def show():
    member: SchoolMember = current_user.account
    private_key = school_private_key()
    try:
        password = pdf_password_for_school(db(), member.school, private_key)
    except DecryptionError:
        password = None
    record(db(), current_user.get_id(), "pdf_password.viewed", f"school:{member.school_id}",
           available=password is not None)
    db().commit()
    response = render_template("delivery/pdf_password.html", password=password,
                               school=member.school)
    return response, 200, {"Cache-Control": "no-store"}
