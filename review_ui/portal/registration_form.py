"""The registration form never loses what was typed (issue 17, item 1).

The school search is part of the registration form: its button (the form's first, so
Enter in a one-line field searches instead of registering) posts everything to
``register_search``, which shows the form again, filled. An expired CSRF token (on either)
and the rate limit on ``register`` answer with the same filled form and a fresh token
instead of an error page. Passwords are never sent back into a page, so only they must be
typed again.
"""

from __future__ import annotations

from flask import request
from flask_wtf.csrf import CSRFError

from ozvise.errors import error_response
from review_ui.portal import bp
from review_ui.portal.fields import FieldError
from review_ui.portal.registration import _render


@bp.post("/registrace/hledat")
def register_search():
    return _render()


@bp.errorhandler(CSRFError)
def _expired(_exc: CSRFError):
    if request.endpoint in ("portal.register", "portal.register_search"):
        return _render(400, FieldError("form", "Formulář vypršel (po 30 minutách nečinnosti). "
                                               "Vyplněné údaje zůstaly; zadejte prosím znovu "
                                               "jen heslo a odešlete."))
    return error_response(400, "csrf_failed", "Formulář vypršel nebo nebyl odeslán z této "
                                              "stránky. Načtěte ji prosím znovu a odešlete "
                                              "formulář ještě jednou.")


@bp.errorhandler(429)
def _too_many(_exc):  # noqa: ANN001
    if request.endpoint == "portal.register":
        return _render(429, FieldError("form", "Příliš mnoho registrací z tohoto připojení. "
                                               "Vyplněné údaje zůstaly; zkuste to prosím znovu "
                                               "za hodinu."))
    return error_response(429)
