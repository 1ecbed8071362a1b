"""A confirmation step for staff actions that cannot be undone or that disclose data.

The action's own form posts as before; without ``potvrzeno=1`` the route answers with a
page that says exactly what will happen and carries the same form fields again, plus the
confirmation, to the same address. It is plain HTML, so it works without JavaScript,
and a cancelled step changes nothing. The route decides what to ask (``Confirmation``)
after its own checks, so the page never promises an action that would then be refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template, request

CONFIRM_FIELD = "potvrzeno"
#: form fields that are never carried over (the page adds its own)
_NOT_CARRIED = {"csrf_token", CONFIRM_FIELD}


@dataclass(frozen=True)
class Confirmation:
    """What the page says: a question, each consequence in one sentence, the buttons."""

    question: str
    consequences: tuple[str, ...]
    button: str
    cancel_url: str
    #: the navigation of the surface the action belongs to (``portal/_nav.html``)
    nav: str = "portal/_nav.html"


def confirmed() -> bool:
    """Whether this POST carries the confirmation from the confirmation page."""
    return request.form.get(CONFIRM_FIELD) == "1"


def ask(confirmation: Confirmation):
    """The confirmation page for this POST: the same fields, to the same address."""
    fields = [(name, value) for name, value in request.form.items(multi=True)
              if name not in _NOT_CARRIED]
    return render_template("staff/confirm.html", confirmation=confirmation, fields=fields,
                           action=request.path, confirm_field=CONFIRM_FIELD)
