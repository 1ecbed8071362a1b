"""The moderator review screen (/moderace): login with TOTP, queue, review, statistics.

Moderators see only redacted text, sealed to the platform moderation key that their
login unlocks (``review_ui.moderation.unlocked``); they hold no report key. They decide
spam / not spam / second look and hide what the detector missed. Modules: ``login``
(password + TOTP), ``views`` (queue, review, decisions, marking), ``stats``/``chart``
(figures), ``text`` (placeholder logic), ``marking`` and ``decisions`` (the database
side), ``accounts`` (creation), ``team`` (a logged-in moderator adds a colleague),
``keys`` (the moderation key's operator side), ``unlocked`` (the key held for this login).
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("moderation", __name__, template_folder="../templates",
               static_folder="../static/moderation", static_url_path="/static")

from review_ui.moderation import login, password, team, views  # noqa: E402,F401  (routes on bp)
