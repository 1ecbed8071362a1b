"""The moderator review screen (spam decisions, missed-redaction marking)."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("moderation", __name__, template_folder="templates")
