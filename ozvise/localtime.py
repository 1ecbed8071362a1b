"""Stored moments (UTC) as Czech local time on every page, like the moderator and the PDF."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PRAGUE = ZoneInfo("Europe/Prague")


def in_prague(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes, PostgreSQL aware ones."""
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment).astimezone(PRAGUE)


def cs_date(moment: datetime | None) -> str:
    """``2. 11. 2026`` in Prague: the one Czech date format (ČSN 01 6910, no leading zeros),
    the same as Babel's medium Czech date, which the pupil pages use (``pupil_date``)."""
    if not moment:
        return ""
    local = in_prague(moment)
    return f"{local.day}. {local.month}. {local.year}"


def cs_datetime(moment: datetime | None) -> str:
    """``2. 11. 2026 00:30`` in Prague."""
    return f"{cs_date(moment)} {in_prague(moment).strftime('%H:%M')}" if moment else ""


def pupil_date(moment: datetime | None) -> str:
    """The date in the pupil's language (Czech: exactly ``cs_date``), Prague time."""
    from flask_babel import format_date

    return format_date(in_prague(moment).date(), "medium") if moment else ""
