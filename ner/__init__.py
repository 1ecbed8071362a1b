"""Czech personal-data detection and pseudonymisation for "Ozvi se".

Standalone: needs spaCy + cs_core_news_sm and the gazetteers in ner/data/, nothing of the web app.

    >>> from ner import get_detector, pseudonymise
    >>> d = get_detector()
    >>> pseudonymise(text, d.detect(text, victim_name="Petr Novák", victim_class="7.B")).text
"""

from .detector import Detector, get_detector
from .placeholders import PLACEHOLDER_RE, placeholder_for
from .pseudonymise import Pseudonymised, RedactedItem, pseudonymise
from .span import LABELS, Span

__all__ = [
    "Detector",
    "get_detector",
    "Span",
    "LABELS",
    "pseudonymise",
    "Pseudonymised",
    "RedactedItem",
    "PLACEHOLDER_RE",
    "placeholder_for",
]
