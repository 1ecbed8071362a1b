"""Validation at the edge: every rejection carries a machine code and a Czech message."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_NAME_CHARS = 200
MAX_CLASS_CHARS = 40
MAX_SCHOOL_ID = 2**31 - 1  # INTEGER primary keys on PostgreSQL
#: Werkzeug leaves bytes that are not UTF-8 in a urlencoded form as literal "%FF" escapes.
_UNDECODED_ESCAPE = re.compile(r"%[89A-F][0-9A-F]")


class InvalidSubmission(ValueError):
    """A submission the reporter must correct; ``field`` names the form field at fault."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.field = code, message, field


@dataclass(frozen=True)
class Submission:
    school_id: int
    victim_name: str
    victim_class: str
    text: str


def clean_text(value: object, field: str, limit: int, *, multiline: bool) -> str:
    """Strip, normalise to NFC and refuse control characters other than line breaks/tabs."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidSubmission("invalid_type", "Hodnota musí být text.", field)
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > limit:  # the limit counts what was typed; NFC may change the length a bit
        raise InvalidSubmission("too_long", f"Text je příliš dlouhý (nejvýše {limit} znaků, "
                                            f"zadáno {len(text)}).", field)
    text = unicodedata.normalize("NFC", text)
    if "\ufffd" in text:  # what a form decoder leaves of bytes that were not UTF-8
        raise InvalidSubmission("invalid_encoding", "Text obsahuje neplatné znaky (není v "
                                                    "kódování UTF-8). Napište ho prosím znovu.",
                                field)
    allowed = {"\n", "\t"} if multiline else {"\t"}
    if any(unicodedata.category(ch) in {"Cc", "Cs"} and ch not in allowed for ch in text):
        raise InvalidSubmission("control_characters",
                                "Text obsahuje neplatné řídicí znaky. Odstraňte je prosím.", field)
    return text


def parse_school_id(value: object) -> int:
    if isinstance(value, bool):
        value = None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip()) if len(value.strip()) < 12 else None
    if isinstance(value, int) and 0 < value <= MAX_SCHOOL_ID:
        return value
    if isinstance(value, int) and value > MAX_SCHOOL_ID:
        raise InvalidSubmission("school_unknown", "Vybraná škola neexistuje. Vyberte ji prosím "
                                                  "znovu ze seznamu.", "school_id")
    raise InvalidSubmission("school_missing", "Vyberte prosím školu ze seznamu.", "school_id")


def refuse_undecoded_form_bytes(data: dict[str, str]) -> None:
    """A urlencoded form whose bytes were not UTF-8 (e.g. ``text=%FF``) is refused, not stored."""
    for field, value in data.items():
        if _UNDECODED_ESCAPE.search(value):
            raise InvalidSubmission("invalid_encoding", "Text obsahuje neplatné znaky (není v "
                                                        "kódování UTF-8). Napište ho prosím "
                                                        "znovu.", field)


def validate_submission(data: dict[str, object], max_description_chars: int) -> Submission:
    school_id = parse_school_id(data.get("school_id"))
    name = clean_text(data.get("victim_name"), "victim_name", MAX_NAME_CHARS, multiline=False)
    klass = clean_text(data.get("victim_class"), "victim_class", MAX_CLASS_CHARS, multiline=False)
    text = clean_text(data.get("text"), "text", max_description_chars, multiline=True)
    if not text:
        raise InvalidSubmission("text_missing", "Popište prosím, co se děje. Popis nesmí být "
                                                "prázdný.", "text")
    return Submission(school_id=school_id, victim_name=name, victim_class=klass, text=text)
