"""Find a report by its receipt (the receipt is the reporter's only credential).

The receipt has 83 bits of entropy and each lookup costs an Argon2id evaluation, so
guessing is hopeless; the per-client limit (a keyed hash of the address, in memory only)
also keeps lookups from being used to burn the server's CPU.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.receipts import normalise_receipt, receipt_digest
from intake.status import status_label
from models import Report

RECEIPT_LOOKUP_LIMIT = "10 per minute"


def report_for_receipt(session: Session, text: str) -> Report | None:
    receipt = normalise_receipt(text or "")
    if receipt is None:
        return None
    return session.scalars(select(Report).where(Report.receipt_digest == receipt_digest(receipt))
                           ).first()


def receipt_groups(receipt: str) -> list[str]:
    """``12345-67890-…`` as its groups, so a page can break lines only between them."""
    return receipt.split("-")


def status_summary(session: Session, report_id: str) -> dict[str, str | bool]:
    """What a reporter may know about their report: status, day of submission, and whether
    it is urgent (the app then shows where to get help now, prominently)."""
    report = session.get(Report, report_id)
    if report is None:
        raise LookupError(report_id)
    return {"status": report.status.value, "status_label": status_label(session, report),
            "submitted_on": report.created_at.date().isoformat(), "urgent": bool(report.urgent)}
