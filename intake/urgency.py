"""The report's urgency flag, raised from the plaintext while it is in memory.

Computed at intake and again for every follow-up of the reporter (a follow-up can make a
report urgent; nothing makes it calm again: a moderator or the school reads the report
and judges). Only the flag is stored, not the category or the words that raised it:
the category would tell a reader of the database more about a child's report than the
queue order needs, and everyone who acts on the flag reads the report itself.
"""

from __future__ import annotations

from models import Report
from ner.urgency import classify_urgency


def flag_if_urgent(report: Report, text: str) -> bool:
    """Set ``report.urgent`` if ``text`` points to a risk to life or health; True only when
    this call raised the flag (so a caller can tell whoever should know, once)."""
    if report.urgent or not classify_urgency(text).urgent:
        return False
    report.urgent = True
    return True
