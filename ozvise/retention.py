"""Retention and anonymisation of reports (MISSION item 6), run by ``ozvise retention run``.

Periods, computed from metadata only (no decryption):

- a school that has registered (``School.registered_at`` set, even if it registered only
  after the report came in): the report is kept while the school is registered and
  3 years after it unregisters, and never longer than 9 years from the report's creation;
  a report that came in after the school unregistered is kept 3 years from creation;
- a school that never registered: 3 years from the report's creation.

When the period has ended the report is anonymised irreversibly, one transaction per
report: every ciphertext sealed under its data key and every wrap of that key is deleted
(so nothing of it can be decrypted again, by anyone, with any key), and so is every row
that only exists for it (redacted spans, notes, conversation, counsellor shares, the
encrypted PDF and its wrapped password, unsent mail, every ``.eml`` copy of its mail in
the outbox folder, sent or not, the moderators' sealed copies and the sealed redacted
version, and every sealed attachment of the report and its follow-ups). The receipt digest
is overwritten with random bytes (the column is unique and required, so no migration is
needed, and random bytes never match a receipt's Argon2id digest), and the status becomes
``ANONYMISED``. What stays is metadata for statistics: id, school, creation time, last
status change, the status before anonymisation (``status_before_anonymisation``, so the
school's statistics keep counting the report), read and resolution times, moderation
decisions (ids and labels only).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from crypto.moderation_copy import discard_all_copies
from evidence.sealing import delete_attachments
from models import (
    CounsellorShare,
    EncryptedPdf,
    LoginAttempt,
    Message,
    Note,
    OutboxMessage,
    OutboxStatus,
    Redaction,
    Report,
    ReportKey,
    ReportStatus,
    School,
)
from models.audit import record

#: kept after a registered school unregisters, and for a school that never registered
YEARS_AFTER = 3
#: the absolute cap for a registered school's reports
YEARS_MAX = 9

RULE_UNREGISTERED = "unregistered_3y"
RULE_AFTER_UNREGISTERING = "after_unregistering_3y"
RULE_CAP = "cap_9y"


def aware(moment: datetime) -> datetime:
    """SQLite hands timestamps back naive; they are UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_years(moment: datetime, years: int) -> datetime:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def retention_end(created_at: datetime, registered_at: datetime | None,
                  unregistered_at: datetime | None) -> tuple[datetime, str]:
    """When a report's retention period ends, and which rule set the end."""
    created = aware(created_at)
    if registered_at is None:
        return add_years(created, YEARS_AFTER), RULE_UNREGISTERED
    cap = add_years(created, YEARS_MAX)
    if unregistered_at is None:
        return cap, RULE_CAP
    after = add_years(max(aware(unregistered_at), created), YEARS_AFTER)
    return (after, RULE_AFTER_UNREGISTERING) if after < cap else (cap, RULE_CAP)


@dataclass(frozen=True)
class Due:
    report_id: str
    school_id: int
    rule: str


@dataclass
class RetentionSummary:
    due: list[Due] = field(default_factory=list)
    anonymised: int = 0
    login_records: int = 0


def due_reports(session: Session, now: datetime) -> list[Due]:
    """Reports whose period has ended at ``now`` and that are not anonymised yet."""
    now = aware(now)
    # No period is shorter than YEARS_AFTER, so younger reports need not be looked at
    # (one day of slack for 29 February; the exact check follows in Python).
    cutoff = add_years(now, -YEARS_AFTER) + timedelta(days=1)
    rows = session.execute(
        select(Report.id, Report.school_id, Report.created_at, School.registered_at,
               School.unregistered_at)
        .join(School, School.id == Report.school_id)
        .where(Report.status != ReportStatus.ANONYMISED, Report.created_at < cutoff)
        .order_by(Report.created_at, Report.id)).all()
    due = []
    for report_id, school_id, created, registered, unregistered in rows:
        end, rule = retention_end(created, registered, unregistered)
        if end <= now:
            due.append(Due(report_id, school_id, rule))
    return due


def _report_outbox(report_id: str):  # noqa: ANN202
    """Outbox rows queued for this report (``report-pdf:<id>:…``, ``report-delivered:<id>:…``)."""
    return OutboxMessage.dedupe_key.contains(f":{report_id}:", autoescape=True)


def anonymise(session: Session, report: Report, *, actor: str = "operator",
              rule: str = "", outbox_dir: Path | None = None) -> None:
    """Destroy everything of ``report`` that could be decrypted or linked to a person.

    Runs in the caller's transaction (the caller commits). ``outbox_dir``: where the
    local mail transport writes ``.eml`` files (their copies of the report are deleted).
    """
    from delivery.mail_files import delete_mail_files
    from delivery.pdf_passwords import delete_report_passwords

    report_id, previous = report.id, report.status
    counts = {
        "mail_files": delete_mail_files(outbox_dir, session.scalars(
            select(OutboxMessage.message_id).where(_report_outbox(report_id))))
        if outbox_dir is not None else 0,
        "pdf_passwords": delete_report_passwords(session, report_id),
        "keys": len(report.keys),
        "redactions": len(report.redactions),
        "notes": session.execute(delete(Note).where(Note.report_id == report_id)).rowcount,
        "attachments": delete_attachments(session, report_id),  # before their messages
        "messages": session.execute(
            delete(Message).where(Message.report_id == report_id)).rowcount,
        "shares": session.execute(
            delete(CounsellorShare).where(CounsellorShare.report_id == report_id)).rowcount,
        "pdfs": session.execute(
            delete(EncryptedPdf).where(EncryptedPdf.report_id == report_id)).rowcount,
        "mail_unsent": session.execute(
            delete(OutboxMessage).where(_report_outbox(report_id),
                                        OutboxMessage.status != OutboxStatus.SENT)
            .execution_options(synchronize_session=False)).rowcount,
    }
    # Sent mail stays as the record that prevents sending twice, without its attachment.
    session.execute(update(OutboxMessage).where(_report_outbox(report_id),
                                                OutboxMessage.attachment.is_not(None))
                    .values(attachment=None, attachment_name=None)
                    .execution_options(synchronize_session=False))
    report.keys.clear()         # delete-orphan: every wrapped data key is deleted
    report.redactions.clear()   # every sealed original span
    session.flush()
    # Belt and braces for rows the relationship did not load (concurrent writers).
    session.execute(delete(ReportKey).where(ReportKey.report_id == report_id))
    session.execute(delete(Redaction).where(Redaction.report_id == report_id))
    report.text_ct = b""
    report.victim_name_ct = None
    report.victim_class_ct = None
    counts["moderation_copies"] = discard_all_copies(session, report_id)
    report.legacy_redacted_text = None
    report.redacted_version_ct = None
    report.followup_seeds_ct = None  # the names sealed for redacting follow-ups
    report.text_length = 0
    report.receipt_digest = secrets.token_bytes(32)
    report.reporter_public_key = None
    report.mark_public_key = None
    report.mark_suite_id = None
    report.status_before_anonymisation = previous
    report.status = ReportStatus.ANONYMISED
    report.status_changed_at = datetime.now(UTC)
    record(session, actor, "report.anonymised", f"report:{report_id}",
           school_id=report.school_id, previous_status=previous.value, rule=rule, **counts)


def _scrub_copies(session: Session, outbox_dir: Path | None) -> None:
    """Leftover copies: orphaned ``.eml`` files, SQLite's write-ahead log of deleted rows."""
    from delivery.mail_files import sweep_orphan_mail_files
    from delivery.worker import scrub_sqlite_wal

    if outbox_dir is not None:
        sweep_orphan_mail_files(session, outbox_dir)
    session.rollback()
    scrub_sqlite_wal(session.get_bind())


def run(session: Session, now: datetime | None = None, *, dry_run: bool = False,
        progress: Callable[[Iterable[Due]], Iterable[Due]] = lambda items: items,
        purge_logins: bool = True, outbox_dir: Path | None = None) -> RetentionSummary:
    """Anonymise every report past its period (one transaction each); with ``dry_run``
    only count them. Also purges login records older than 7 days (``review_ui.auth``).
    ``outbox_dir``: the ``.eml`` folder to clean of anonymised reports' mail."""
    summary = RetentionSummary(due=due_reports(session, now or datetime.now(UTC)))
    session.rollback()  # end the read transaction; each report gets its own
    if not dry_run:
        for item in progress(summary.due):
            report = session.get(Report, item.report_id, with_for_update=True)
            if report is None or report.status == ReportStatus.ANONYMISED:
                session.rollback()
                continue
            anonymise(session, report, rule=item.rule, outbox_dir=outbox_dir)
            session.commit()
            summary.anonymised += 1
        _scrub_copies(session, outbox_dir)
    if purge_logins:
        from review_ui.auth import LOGIN_RECORD_RETENTION, purge_login_attempts

        if dry_run:
            cutoff = datetime.now(UTC) - LOGIN_RECORD_RETENTION
            summary.login_records = session.scalar(select(func.count(LoginAttempt.id)).where(
                LoginAttempt.created_at < cutoff)) or 0
        else:
            summary.login_records = purge_login_attempts(session)
            session.commit()
    return summary
