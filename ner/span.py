"""The span type every layer returns, and the label set shared with the rest of the app."""

from __future__ import annotations

from dataclasses import dataclass

LABELS: tuple[str, ...] = ("PERSON", "CLASS", "CONTACT", "ID")
# When spans of different labels overlap, the merged span keeps the stronger label:
# a handle such as "@kuba2011" is one CONTACT, not a PERSON inside a CONTACT.
LABEL_PRIORITY = {"CONTACT": 4, "ID": 3, "CLASS": 2, "PERSON": 1}


@dataclass(frozen=True, order=True)
class Span:
    """A detected piece of personal data: ``text[start:end]`` (end exclusive)."""

    start: int
    end: int
    label: str
    score: float = 1.0
    cluster: str | None = None

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "score": round(self.score, 3),
            "cluster": self.cluster,
        }
