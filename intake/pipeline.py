"""validate → pseudonymise → encrypt → store, in one transaction.

Plaintext lives only in this request's memory. What is stored: the redacted text, the
sealed originals (name, class, full text, each hidden span) and the data key wrapped to
whoever may read the report: the school's key, or the offline onboarding key for a
school that has none yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from crypto.aead import new_data_key
from crypto.envelope import FIELD_CLASS, FIELD_NAME, FIELD_TEXT, seal, wrap_for
from crypto.onboarding import read_public_key
from crypto.receipts import new_receipt, receipt_digest, reporter_keypair
from intake.validation import InvalidSubmission, Submission
from models import KeyRecipient, Report, ReportStatus, School, new_id
from models.audit import record
from ozvise.config import Settings

#: Until the detector is wired in, the moderator sees no free text at all.
WHOLE_TEXT_PLACEHOLDER = "[POPIS SKRYT]"


class IntakeUnavailable(RuntimeError):
    """The installation cannot accept reports for this school (no key to encrypt to)."""


@dataclass(frozen=True)
class Receipt:
    code: str
    report_id: str


def submit_report(session: Session, settings: Settings, submission: Submission) -> Receipt:
    """Store one report durably; commits, so a returned receipt is never lost."""
    school = session.get(School, submission.school_id)
    if school is None:
        raise InvalidSubmission("school_unknown", "Vybraná škola neexistuje. Vyberte ji prosím "
                                                  "znovu ze seznamu.", "school_id")
    school_key = school.active_key()
    onboarding_public = None if school_key else read_public_key(
        settings.onboarding_public_key_path)
    if school_key is None and onboarding_public is None:
        raise IntakeUnavailable("no school key and no onboarding public key configured")

    receipt = new_receipt()
    data_key = new_data_key()
    report = Report(id=new_id(), school_id=school.id, redacted_text=WHOLE_TEXT_PLACEHOLDER,
                    text_length=len(submission.text), receipt_digest=receipt_digest(receipt),
                    reporter_public_key=reporter_keypair(receipt).public)
    report.text_ct = seal(report.id, data_key, FIELD_TEXT, submission.text)
    if submission.victim_name:
        report.victim_name_ct = seal(report.id, data_key, FIELD_NAME, submission.victim_name)
    if submission.victim_class:
        report.victim_class_ct = seal(report.id, data_key, FIELD_CLASS, submission.victim_class)
    if school_key is not None:
        wrap_for(report, data_key, KeyRecipient.SCHOOL, school_key.id, school_key.public_key)
        report.status = ReportStatus.DELIVERED
    else:
        wrap_for(report, data_key, KeyRecipient.ONBOARDING, 0, onboarding_public)
        report.status = ReportStatus.AWAITING_PDF
    del data_key
    session.add(report)
    record(session, "reporter", "report.submitted", f"report:{report.id}", school_id=school.id,
           length=len(submission.text))
    session.commit()
    return Receipt(code=receipt, report_id=report.id)
