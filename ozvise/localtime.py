"""Stored moments (UTC) as Czech local time on every page, like the moderator and the PDF."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PRAGUE = ZoneInfo("Europe/Prague")


def in_prague(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes, PostgreSQL aware ones."""
    return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment).astimezone(PRAGUE)


def cs_date(moment: datetime | None) -> str:
    """``22. 11. 2026`` in Prague."""
    return in_prague(moment).strftime("%d. %m. %Y") if moment else ""


def cs_datetime(moment: datetime | None) -> str:
    """``22. 11. 2026 00:30`` in Prague."""
    return in_prague(moment).strftime("%d. %m. %Y %H:%M") if moment else ""
