"""Accessors for the current app's settings (keeps ``current_app.config`` keys in one place)."""

from flask import current_app

from ozvise.config import Settings


def settings() -> Settings:
    return current_app.config["OZVISE_SETTINGS"]
