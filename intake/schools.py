"""The school register: import from CSV (idempotent upsert) and search for the picker."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from intake.email_address import is_valid_address
from models import School
from ner.textutil import search_key as fold

REQUIRED_COLUMNS = ("red_izo", "name", "street", "town", "postcode", "region", "director_email")
_RED_IZO = re.compile(r"^\d{9}$")
_POSTCODE = re.compile(r"^\d{3} ?\d{2}$")
DEMO_FILE = "demo"
MAX_QUERY_CHARS = 100
#: Up to this many schools, the picker lists them all before any search (small installs).
FULL_LIST_MAX = 200


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, Czech reason)


def demo_csv_path() -> Path:
    return Path(str(resources.files("intake") / "data" / "demo_schools.csv"))


def search_text_for(name: str, street: str, town: str) -> str:
    return f" {fold(name)} {fold(street)} {fold(town)} "


def _row_problem(row: dict[str, str]) -> str | None:
    if not _RED_IZO.match(row["red_izo"]):
        return f"RED-IZO „{row['red_izo']}“ musí mít přesně 9 číslic"
    if not row["name"]:
        return "chybí název školy"
    if not row["town"]:
        return "chybí obec"
    if row["postcode"] and not _POSTCODE.match(row["postcode"]):
        return f"PSČ „{row['postcode']}“ má mít tvar 123 45"
    if row["director_email"] and not is_valid_address(row["director_email"]):
        return f"e-mail ředitele „{row['director_email']}“ není platný"
    return None


def read_rows(path: Path) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Rows with their line numbers, and the required columns the header lacks."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip().lower().replace("-", "_") for h in (reader.fieldnames or [])]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        rows = []
        for line_no, raw in enumerate(reader, start=2):
            values = list(raw.values())
            row = {h: (str(v).strip() if v is not None else "") for h, v in zip(header, values,
                                                                                 strict=False)}
            rows.append((line_no, row))
    return rows, missing


def import_rows(session: Session, rows: Iterable[tuple[int, dict[str, str]]],
                progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Upsert schools by RED-IZO; the caller commits."""
    summary = ImportSummary()
    existing = {s.red_izo: s for s in session.scalars(select(School))}
    seen: set[str] = set()
    for line_no, row in rows:
        if progress:
            progress(1)
        problem = _row_problem(row)
        if problem is None and row["red_izo"] in seen:
            problem = f"RED-IZO {row['red_izo']} je v souboru vícekrát"
        if problem:
            summary.rejected.append((line_no, problem))
            continue
        seen.add(row["red_izo"])
        values = {key: row[key] for key in REQUIRED_COLUMNS if key != "red_izo"}
        values["search_text"] = search_text_for(row["name"], row["street"], row["town"])
        school = existing.get(row["red_izo"])
        if school is None:
            school = School(red_izo=row["red_izo"], **values)
            session.add(school)
            existing[school.red_izo] = school
            summary.created += 1
        elif any(getattr(school, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(school, key, value)
            summary.updated += 1
        else:
            summary.unchanged += 1
    return summary


def search_schools(session: Session, query: str, limit: int = 20) -> list[School]:
    """Every word of the query must start a word of the name, street or town (folded)."""
    words = fold(query).split()[:6]
    if not words:
        return []
    conditions = [School.search_text.contains(f" {word}", autoescape=True) for word in words]
    stmt = select(School).where(and_(*conditions)).order_by(School.search_text).limit(limit)
    return list(session.scalars(stmt))


def full_list(session: Session) -> list[School]:
    """Every school for the picker when the register is small, else none (search first)."""
    if (session.scalar(select(func.count(School.id))) or 0) > FULL_LIST_MAX:
        return []
    return list(session.scalars(select(School).order_by(School.search_text)))
