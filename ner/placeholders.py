"""Placeholder syntax shared by the pseudonymiser, the moderator UI and the detector."""

from __future__ import annotations

import re

PLACEHOLDER_NAMES = {"PERSON": "OSOBA", "CLASS": "TŘÍDA", "CONTACT": "KONTAKT", "ID": "ÚDAJ"}
PLACEHOLDER_RE = re.compile(r"\[(?:OSOBA|TŘÍDA|KONTAKT|ÚDAJ)(?: \d+)?\]")


def placeholder_for(label: str, n: int) -> str:
    """``placeholder_for("PERSON", 1)`` → ``"[OSOBA 1]"``."""
    return f"[{PLACEHOLDER_NAMES[label]} {n}]"
