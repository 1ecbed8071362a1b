"""Portal pages ``/skola/heslo-pdf/``: each report PDF's password, for the school's readers.

Every PDF has its own password, stored only wrapped to the school key (basic plan from
the start; any plan after ``ozvise onboarding release``). The list shows each report's
number (printed in the PDF and in the e-mail) and when it came; a password is unwrapped
only when a member opens it, with the key the member unlocked at login, shown, never
stored in clear, and every view is audited (``pdf_password.viewed``, per report).
"""

from __future__ import annotations

import math
import re

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from crypto.errors import DecryptionError
from delivery.pdf_passwords import school_password, school_passwords
from models import SchoolMember
from models.audit import record
from ozvise.db import db
from review_ui.auth import MEMBER_READERS, require
from review_ui.school_session import school_private_key

bp = Blueprint("pdf_password", __name__, template_folder="templates")

PER_PAGE = 50
NO_STORE = {"Cache-Control": "no-store"}


def _reference_filter(text: str) -> str:
    """A report number as typed or pasted from the PDF: hex digits only, lowercase."""
    return re.sub(r"[^0-9a-f]", "", text.lower())[:32]


@bp.get("/")
@require(*MEMBER_READERS)
def index():
    member: SchoolMember = current_user.account
    wanted = _reference_filter(request.args.get("cislo", ""))
    items = school_passwords(db(), member.school)
    total = len(items)
    if wanted:
        items = [item for item in items if item.report_id.startswith(wanted)]
    pages = max(1, math.ceil(len(items) / PER_PAGE))
    page = min(max(request.args.get("strana", 1, type=int) or 1, 1), pages)
    shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
    return render_template("delivery/pdf_passwords.html", items=shown, total=total,
                           wanted=request.args.get("cislo", ""), page=page, pages=pages,
                           school=member.school), 200, NO_STORE


@bp.get("/<report_id>")
@require(*MEMBER_READERS)
def show(report_id: str):
    member: SchoolMember = current_user.account
    private_key = school_private_key()
    try:
        password = school_password(db(), member.school, report_id, private_key)
    except DecryptionError:
        password = None
    if password is None:
        abort(404)  # not this school's report, or its password is not the school's (yet)
    record(db(), current_user.get_id(), "pdf_password.viewed", f"report:{report_id}",
           school_id=member.school_id)
    db().commit()
    return render_template("delivery/pdf_password.html", password=password,
                           report_id=report_id, school=member.school), 200, NO_STORE
