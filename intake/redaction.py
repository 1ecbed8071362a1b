"""Pseudonymise one submission before anything is stored.

What is hidden is decided in one place, ``ner.redaction`` (normalisation, detection with the
form fields as seeds, field masking, propagation, placeholders), which the follow-ups and
the moderator's marking call too. Intake only passes the form fields as seeds, and keeps the
seed list (fields + every hidden original) so follow-ups can be redacted with the same names.
"""

from __future__ import annotations

from ner import Pseudonymised
from ner.redaction import Seeds, field_spans, warm_up
from ner.redaction import redact as redact_with_seeds

__all__ = ["field_spans", "redact", "redact_with_seeds", "seeds_for", "warm_up"]


def redact(text: str, victim_name: str, victim_class: str) -> Pseudonymised:
    """Redacted text with numbered placeholders, and every hidden original (in memory only)."""
    return redact_with_seeds(text, Seeds(victim_name or "", victim_class or ""))


def seeds_for(victim_name: str, victim_class: str, redacted: Pseudonymised) -> Seeds:
    """The report's seed list: the form fields and every original hidden in its text."""
    return Seeds(victim_name or "", victim_class or "").with_found(redacted)
