"""What has not been delivered, and why: the view behind ``ozvise outbox status``.

Nothing may fail silently. A report the moderator passed but that cannot reach its school
as a PDF shows up here (and was audited when it happened: ``pdf.not_prepared`` at
intake, ``pdf.not_sendable`` at hand-over, ``outbox.failed`` when the worker gave up), as
does every message that failed for good or is still being retried. Only ids, school
register numbers and error types are shown, never message content.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from delivery.pdf_mail import KIND_REPORT_PDF
from models import EncryptedPdf, OutboxMessage, OutboxStatus, Report, ReportStatus, School


def report_of_message(dedupe_key: str) -> str | None:
    """The report a queued message belongs to (``report-pdf:<id>:<recipient>``), if any."""
    prefix, _, rest = dedupe_key.partition(":")
    report_id = rest.partition(":")[0]
    return report_id if prefix.startswith("report-") and report_id else None


@dataclass(frozen=True)
class Problem:
    """One thing that did not reach its recipient."""

    what: str           # "hlášení <id>" or "zpráva <kind> #<id>"
    school: str         # RED-IZO, or "" for mail that is not about a school's report
    reason: str         # Czech, for the operator
    since: datetime
    final: bool         # True: nothing will retry it; False: still being retried


@dataclass
class OutboxOverview:
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def undeliverable(self) -> list[Problem]:
        return [p for p in self.problems if p.final]


def _school_of(session: Session, report_id: str | None) -> str:
    if report_id is None:
        return ""
    return session.scalar(select(School.red_izo).join(Report, Report.school_id == School.id)
                          .where(Report.id == report_id)) or ""


def _message_problems(session: Session) -> list[Problem]:
    rows = session.scalars(select(OutboxMessage).where(
        (OutboxMessage.status == OutboxStatus.FAILED)
        | ((OutboxMessage.status == OutboxStatus.PENDING) & (OutboxMessage.attempts > 0)))
        .order_by(OutboxMessage.created_at, OutboxMessage.id)).all()
    problems = []
    for message in rows:
        report_id = report_of_message(message.dedupe_key)
        what = (f"hlášení {report_id}" if report_id
                else f"zpráva {message.kind} #{message.id}")
        error = message.last_error or "neznámá chyba"
        if message.status == OutboxStatus.FAILED:
            reason = (f"odesílání vzdáno po {message.attempts} pokusech ({error}); po "
                      f"odstranění příčiny: ozvise outbox retry {message.id}")
        else:
            reason = (f"zatím neodešlo: {message.attempts}. pokus selhal ({error}), "
                      "zkusí se znovu")
        problems.append(Problem(what, _school_of(session, report_id), reason,
                                message.created_at, message.status == OutboxStatus.FAILED))
    return problems


def _unsendable_reports(session: Session) -> list[Problem]:
    """Reports waiting for PDF delivery that have no mail queued at all."""
    queued = {report_of_message(key) for key in session.scalars(
        select(OutboxMessage.dedupe_key).where(OutboxMessage.kind == KIND_REPORT_PDF))}
    rows = session.execute(
        select(Report.id, Report.status_changed_at, Report.created_at, School.red_izo,
               School.director_email, EncryptedPdf.id)
        .join(School, School.id == Report.school_id)
        .outerjoin(EncryptedPdf, EncryptedPdf.report_id == Report.id)
        .where(Report.status == ReportStatus.AWAITING_PDF)
        .order_by(Report.created_at, Report.id)).all()
    problems = []
    for report_id, changed, created, red_izo, email, pdf_id in rows:
        if report_id in queued:
            continue
        if pdf_id is None:
            reason = "PDF se při přijetí nepodařilo připravit (audit: pdf.not_prepared)"
        elif not email:
            reason = "škola nemá v rejstříku e-mail ředitele (audit: pdf.not_sendable)"
        else:
            reason = "e-mail s PDF není ve frontě (audit: pdf.not_sendable)"
        problems.append(Problem(f"hlášení {report_id}", red_izo, reason, changed or created,
                                True))
    return problems


def outbox_overview(session: Session) -> OutboxOverview:
    """Counts per message status, and every undelivered or retried item."""
    counts = {status.value: 0 for status in OutboxStatus}
    for status, count in session.execute(select(OutboxMessage.status, func.count())
                                         .group_by(OutboxMessage.status)):
        counts[OutboxStatus(status).value] = count
    problems = _unsendable_reports(session) + _message_problems(session)
    return OutboxOverview(counts, problems)
