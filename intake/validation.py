"""Validation at the edge: every rejection carries a machine code and a message for the pupil.

Messages address the pupil with "ty" (the voice of every pupil page) and are translated
with the page (``flask_babel``; outside a request they stay Czech). The web form shows
every problem at once next to its field (``InvalidSubmission.errors``); the JSON API
reports the first one, as its error format has one ``field``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flask_babel import format_number, gettext, ngettext

from evidence.sandbox import CleanFile

MAX_NAME_CHARS = 200
MAX_CLASS_CHARS = 40
MAX_SCHOOL_ID = 2**31 - 1  # INTEGER primary keys on PostgreSQL
#: Werkzeug leaves bytes that are not UTF-8 in a urlencoded form as literal "%FF" escapes.
_UNDECODED_ESCAPE = re.compile(r"%[89A-F][0-9A-F]")
_T = TypeVar("_T")


class InvalidSubmission(ValueError):
    """A submission the reporter must correct; ``field`` names the form field at fault.

    ``errors`` holds every problem found, by field (the first one is this exception's own
    ``code``/``message``/``field``), so a form can mark them all at once.
    """

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.field = code, message, field
        self.errors: dict[str, InvalidSubmission] = {field or "form": self}


@dataclass(frozen=True)
class Submission:
    school_id: int
    victim_name: str
    victim_class: str
    text: str
    #: sanitised evidence files (``intake.uploads``), sealed with the report
    attachments: tuple[CleanFile, ...] = ()


def _invalid_encoding(field: str) -> InvalidSubmission:
    return InvalidSubmission("invalid_encoding", gettext(
        "Text obsahuje neplatné znaky (není v kódování UTF-8). Napiš ho prosím znovu."), field)


def unknown_school() -> InvalidSubmission:
    return InvalidSubmission("school_unknown", gettext(
        "Vybraná škola neexistuje. Vyber ji prosím znovu ze seznamu."), "school_id")


def clean_text(value: object, field: str, limit: int, *, multiline: bool) -> str:
    """Strip, normalise to NFC and refuse control characters other than line breaks/tabs."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidSubmission("invalid_type", gettext("Hodnota musí být text."), field)
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > limit:  # the limit counts what was typed; NFC may change the length a bit
        raise InvalidSubmission("too_long", ngettext(
            "Text je příliš dlouhý: může mít nejvýše %(limit)s znak, teď jich má %(typed)s.",
            "Text je příliš dlouhý: může mít nejvýše %(limit)s znaků, teď jich má %(typed)s.",
            limit, limit=format_number(limit), typed=format_number(len(text))), field)
    text = unicodedata.normalize("NFC", text)
    if "\ufffd" in text:  # what a form decoder leaves of bytes that were not UTF-8
        raise _invalid_encoding(field)
    allowed = {"\n", "\t"} if multiline else {"\t"}
    if any(unicodedata.category(ch) in {"Cc", "Cs"} and ch not in allowed for ch in text):
        raise InvalidSubmission("control_characters", gettext(
            "Text obsahuje neplatné řídicí znaky (třeba zalomení řádku v jednořádkovém poli). "
            "Odstraň je prosím."), field)
    return text


def parse_school_id(value: object) -> int:
    if isinstance(value, bool):
        value = None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip()) if len(value.strip()) < 12 else None
    if isinstance(value, int) and 0 < value <= MAX_SCHOOL_ID:
        return value
    if isinstance(value, int) and value > MAX_SCHOOL_ID:
        raise unknown_school()
    raise InvalidSubmission("school_missing", gettext(
        "Vyber prosím školu ze seznamu. Když tam není, vyhledej ji podle obce."), "school_id")


def refuse_undecoded_form_bytes(data: dict[str, str]) -> None:
    """A urlencoded form whose bytes were not UTF-8 (e.g. ``text=%FF``) is refused, not stored."""
    for field, value in data.items():
        if _UNDECODED_ESCAPE.search(value):
            raise _invalid_encoding(field)


def _description(value: object, max_description_chars: int) -> str:
    text = clean_text(value, "text", max_description_chars, multiline=True)
    if not text:
        raise InvalidSubmission("text_missing", gettext(
            "Popiš prosím, co se děje. Popis nesmí být prázdný."), "text")
    return text


def validate_submission(data: dict[str, object], max_description_chars: int) -> Submission:
    """The checked submission, or ``InvalidSubmission`` listing every field at fault."""
    errors: list[InvalidSubmission] = []

    def check(step: Callable[[], _T]) -> _T | None:
        try:
            return step()
        except InvalidSubmission as exc:
            errors.append(exc)
            return None

    school_id = check(lambda: parse_school_id(data.get("school_id")))
    name = check(lambda: clean_text(data.get("victim_name"), "victim_name", MAX_NAME_CHARS,
                                    multiline=False))
    klass = check(lambda: clean_text(data.get("victim_class"), "victim_class", MAX_CLASS_CHARS,
                                     multiline=False))
    text = check(lambda: _description(data.get("text"), max_description_chars))
    if errors:
        first = errors[0]
        first.errors = {exc.field or "form": exc for exc in errors}
        raise first
    return Submission(school_id=school_id, victim_name=name, victim_class=klass, text=text)
