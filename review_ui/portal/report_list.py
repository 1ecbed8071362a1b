"""The school's report list, built per request from the reports decrypted in memory.

A school with many reports tells them apart by what only it may read: the victim's name
and class and the first line of the text. These are decrypted for this one request with
the school key unlocked in the member's session and dropped with the response: nothing
decrypted is stored, cached or logged (the search folding below is deliberately not the
cached ``ner.textutil.fold``, whose cache would keep plaintext in the process). The rest
of a row is metadata: urgency, unread follow-ups, who handles it, the last activity.

Only what is needed is decrypted: the page shown, or every report that passes the
metadata filters when the member searches by content or sorts by name or class. The
audit event says how many reports were decrypted, never what.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from crypto.envelope import FIELD_CLASS, FIELD_NAME, FIELD_TEXT, find_key, unseal, unwrap_from
from crypto.errors import DecryptionError
from models import KeyRecipient, Message, MessageAuthor, Note, Report, ReportStatus
from ozvise.localtime import in_prague

PAGE_SIZE = 25
FIRST_LINE_CHARS = 120
#: filter value in the URL -> statuses (``vse``: all the school sees)
STATUS_FILTERS = {"nove": (ReportStatus.DELIVERED,), "resi-se": (ReportStatus.IN_PROGRESS,),
                  "vyreseno": (ReportStatus.RESOLVED,)}
#: sort value in the URL -> Czech label; the first is the default
SORTS = {"aktivita": "poslední aktivity", "nejnovejsi": "nejnovějších",
         "nejstarsi": "nejstarších", "jmeno": "jména oběti", "trida": "třídy",
         "nalehavost": "naléhavosti"}
NOBODY = "nikdo"


@dataclass(frozen=True)
class ListQuery:
    """What the member asked for, read from the URL (unknown values fall back)."""

    status: str = "vse"
    unread_only: bool = False
    new_messages_only: bool = False
    urgent_only: bool = False
    handler: str = ""          # "", "nikdo" or a member id
    search: str = ""
    sort: str = "aktivita"
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> ListQuery:
        status = args.get("stav", "vse")
        sort = args.get("razeni", "aktivita")
        handler = args.get("resitel", "")
        try:
            page = max(1, min(int(args.get("strana", 1)), 10_000))
        except ValueError:
            page = 1
        return cls(status=status if status in STATUS_FILTERS else "vse",
                   unread_only=args.get("neprectene") == "1",
                   new_messages_only=args.get("nove-zpravy") == "1",
                   urgent_only=args.get("nalehave") == "1",
                   handler=handler if handler == NOBODY or handler.isdigit() else "",
                   search=" ".join(args.get("hledat", "").split())[:100],
                   sort=sort if sort in SORTS else "aktivita", page=page)

    def url_args(self, **changes: object) -> dict[str, object]:
        """The query as URL parameters (for paging and sorting links), minus defaults."""
        values = {"stav": self.status, "neprectene": "1" if self.unread_only else None,
                  "nove-zpravy": "1" if self.new_messages_only else None,
                  "nalehave": "1" if self.urgent_only else None,
                  "resitel": self.handler or None, "hledat": self.search or None,
                  "razeni": self.sort, "strana": self.page}
        values.update(changes)
        return {k: v for k, v in values.items()
                if v not in (None, "") and (k, v) not in (("stav", "vse"), ("strana", 1))}

    @property
    def needs_all_decrypted(self) -> bool:
        return bool(self.search) or self.sort in ("jmeno", "trida")


@dataclass
class ListRow:
    report: Report
    new_messages: int
    last_activity: datetime
    handler_name: str | None
    victim_name: str = ""
    victim_class: str = ""
    first_line: str = ""
    #: False if the report's key is not wrapped to the key this member holds
    readable: bool = True
    #: name, class and the whole text folded for the search; only while the request runs
    haystack: str = ""


@dataclass
class ReportList:
    rows: list[ListRow]
    total: int
    page: int
    pages: int
    decrypted: int
    unread: int
    handlers: dict[int, str] = field(default_factory=dict)


def searchable(text: str) -> str:
    """Lowercase without diacritics (``Matěj`` → ``matej``), computed afresh every time."""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def first_line(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= FIRST_LINE_CHARS else line[:FIRST_LINE_CHARS - 1].rstrip() + "…"


def unread_followups(session: Session, report_ids: list[str]) -> dict[str, int]:
    """Reporters' follow-ups the school may read and nobody at the school opened yet."""
    if not report_ids:
        return {}
    return dict(session.execute(
        select(Message.report_id, func.count(Message.id))
        .where(Message.report_id.in_(report_ids), Message.author == MessageAuthor.REPORTER,
               Message.moderated_at.is_not(None), Message.withheld_at.is_(None),
               Message.read_at.is_(None))
        .group_by(Message.report_id)).all())


def _latest(session: Session, column, report_column, report_ids: list[str],
            *conditions) -> dict[str, datetime]:
    if not report_ids:
        return {}
    return dict(session.execute(select(report_column, func.max(column))
                                .where(report_column.in_(report_ids), *conditions)
                                .group_by(report_column)).all())


def _last_activity(session: Session, reports: list[Report]) -> dict[str, datetime]:
    """The newest of: received, status changed, a message the school sees, a note."""
    ids = [r.id for r in reports]
    messages = _latest(session, Message.created_at, Message.report_id, ids,
                       or_(Message.author == MessageAuthor.SCHOOL,
                           Message.moderated_at.is_not(None) & Message.withheld_at.is_(None)))
    notes = _latest(session, Note.created_at, Note.report_id, ids)
    return {r.id: max(in_prague(m) for m in (r.created_at, r.status_changed_at,
                                             messages.get(r.id), notes.get(r.id)) if m)
            for r in reports}


def _open_row(row: ListRow, private_key: bytes, school_key_id: int,
              search: bool = False) -> None:
    """Decrypt name, class and first line into the row (in memory, for this response)."""
    report = row.report
    wrapped = find_key(report, KeyRecipient.SCHOOL, school_key_id)
    if wrapped is None:
        row.readable = False
        return
    try:
        data_key = unwrap_from(report, wrapped, private_key)
        row.victim_name = (unseal(report.id, data_key, FIELD_NAME, report.victim_name_ct)
                           if report.victim_name_ct else "")
        row.victim_class = (unseal(report.id, data_key, FIELD_CLASS, report.victim_class_ct)
                            if report.victim_class_ct else "")
        text = unseal(report.id, data_key, FIELD_TEXT, report.text_ct)
        row.first_line = first_line(text)
        if search:
            row.haystack = searchable(f"{row.victim_name} {row.victim_class} {text}")
    except DecryptionError:
        row.readable = False


_SORT_KEYS: dict[str, tuple[Callable[[ListRow], object], bool]] = {
    "aktivita": (lambda r: r.last_activity, True),
    "nejnovejsi": (lambda r: in_prague(r.report.created_at), True),
    "nejstarsi": (lambda r: in_prague(r.report.created_at), False),
    "jmeno": (lambda r: (not r.victim_name, searchable(r.victim_name)), False),
    "trida": (lambda r: (not r.victim_class, searchable(r.victim_class)), False),
    "nalehavost": (lambda r: (bool(r.report.urgent), r.last_activity), True),
}


def build_list(session: Session, school_id: int, visible: tuple[ReportStatus, ...],
               query: ListQuery, private_key: bytes, school_key_id: int,
               handlers: dict[int, str]) -> ReportList:
    """The rows of one page; decrypts with ``private_key`` only what the page needs."""
    statuses = STATUS_FILTERS.get(query.status, visible)
    sql = (select(Report).where(Report.school_id == school_id, Report.status.in_(statuses))
           .options(selectinload(Report.keys)))
    if query.unread_only:
        sql = sql.where(Report.read_by_school_at.is_(None))
    if query.urgent_only:
        sql = sql.where(Report.urgent.is_(True))
    if query.handler == NOBODY:
        sql = sql.where(Report.handler_member_id.is_(None))
    elif query.handler:
        sql = sql.where(Report.handler_member_id == int(query.handler))
    reports = list(session.scalars(sql))
    ids = [r.id for r in reports]
    new = unread_followups(session, ids)
    activity = _last_activity(session, reports)
    rows = [ListRow(r, new.get(r.id, 0), activity[r.id], handlers.get(r.handler_member_id))
            for r in reports]
    if query.new_messages_only:
        rows = [row for row in rows if row.new_messages]
    decrypted = 0
    if query.needs_all_decrypted:
        for row in rows:
            _open_row(row, private_key, school_key_id, search=bool(query.search))
        decrypted = len(rows)
        if query.search:
            needle = searchable(query.search)
            rows = [row for row in rows if needle in row.haystack]
            for row in rows:
                row.haystack = ""
    key, reverse = _SORT_KEYS[query.sort]
    rows.sort(key=lambda r: in_prague(r.report.created_at), reverse=True)  # ties: newest
    rows.sort(key=key, reverse=reverse)
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(query.page, pages)
    shown = rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    if not query.needs_all_decrypted:
        for row in shown:
            _open_row(row, private_key, school_key_id)
        decrypted = len(shown)
    unread = session.scalar(select(func.count(Report.id)).where(
        Report.school_id == school_id, Report.status.in_(visible),
        Report.read_by_school_at.is_(None))) or 0
    return ReportList(rows=shown, total=len(rows), page=page, pages=pages,
                      decrypted=decrypted, unread=unread, handlers=handlers)
