"""The school portal (``/skola``): registration, login, reports, people, statistics.

One blueprint; each module below registers its own routes on it:
``login`` (password + TOTP, e-mail confirmation, invitations), ``registration``,
``members`` (admin), ``reports`` (list, decrypted report, notes, status), ``stats``,
``recovery_pdf``. The rules on which reports a member sees and how the data key is
obtained live in ``review_ui.school_session``.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("portal", __name__, template_folder="../templates")

from review_ui.portal import (  # noqa: E402,F401  (route registration)
    handlers,
    login,
    members,
    notices,
    recovery_pdf,
    registration,
    registration_form,
    reports,
    school_trust,
    stats,
)
from review_ui.school_session import VISIBLE_TO_SCHOOL  # noqa: E402,F401
