"""Validation of what school staff type in: names, e-mails, phones, passwords (Czech errors)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

MIN_PASSWORD = 10
MAX_PASSWORD = 200
_EMAIL = re.compile(r"^[^@\s,;<>\"]{1,64}@[A-Za-z0-9.-]{1,188}\.[A-Za-z]{2,24}$")
_PHONE = re.compile(r"^\+?\d{9,15}$")


T = TypeVar("T")


class FieldError(ValueError):
    """One invalid field: ``field`` is the form field name, ``message`` the Czech text."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def person_name(value: str | None, field: str) -> str:
    name = " ".join((value or "").split())
    if len(name) < 3 or len(name) > 200 or not any(ch.isalpha() for ch in name):
        raise FieldError(field, "Vyplňte prosím jméno a příjmení (3 až 200 znaků).")
    return name


def email(value: str | None, field: str) -> str:
    address = (value or "").strip().lower()
    if len(address) > 254 or not _EMAIL.match(address) or ".." in address:
        raise FieldError(field, "E-mail nemá platný tvar (například jana.novakova@skola.cz).")
    return address


def phone(value: str | None, field: str) -> str:
    """Czech numbers may be written without +420; stored as +420… or +<country>…."""
    raw = re.sub(r"[\s().-]", "", value or "")
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    if not _PHONE.match(raw):
        raise FieldError(field, "Telefon zadejte jako 9 číslic, případně s předvolbou "
                                "(+420 123 456 789).")
    if not raw.startswith("+"):
        if len(raw) != 9:
            raise FieldError(field, "Český telefon má 9 číslic; zahraniční pište s + a předvolbou.")
        raw = "+420" + raw
    return raw


def new_password(value: str | None, again: str | None, field: str, *, not_equal: str = "") -> str:
    password = value or ""
    if len(password) < MIN_PASSWORD:
        raise FieldError(field, f"Heslo musí mít alespoň {MIN_PASSWORD} znaků. Dobré heslo je "
                                "několik slov za sebou.")
    if len(password) > MAX_PASSWORD:
        raise FieldError(field, f"Heslo může mít nejvýše {MAX_PASSWORD} znaků.")
    if not_equal and password.strip().lower() == not_equal.strip().lower():
        raise FieldError(field, "Heslo nesmí být stejné jako e-mail.")
    if password != (again or ""):
        raise FieldError(field + "2", "Hesla se neshodují. Zadejte je prosím znovu.")
    return password


class FieldErrors(dict[str, str]):
    """Every invalid field of a form (field -> Czech message), so that the form shows all
    its errors at once, each next to its field, instead of one per attempt."""

    def check(self, validate: Callable[..., T], *args: object) -> T | None:
        """``validate(*args)``, or None with its ``FieldError`` kept (the first per field)."""
        try:
            return validate(*args)
        except FieldError as exc:
            self.setdefault(exc.field, exc.message)
            return None
