"""Find a report by its receipt (the receipt is the reporter's only credential)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.receipts import normalise_receipt, receipt_digest
from models import Report


def report_for_receipt(session: Session, text: str) -> Report | None:
    receipt = normalise_receipt(text or "")
    if receipt is None:
        return None
    return session.scalars(select(Report).where(Report.receipt_digest == receipt_digest(receipt))
                           ).first()
