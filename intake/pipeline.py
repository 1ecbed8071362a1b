"""validate → detect → pseudonymise → encrypt → store (one transaction) → moderation queue.

Plaintext lives only in this request's memory. What is stored: the redacted text with
numbered placeholders, sealed for the moderators only (``crypto.moderation_copy``), and
ciphertexts sealed under a fresh per-report data key (the
name and class fields, the full text, and the original of every hidden span, each bound
to the report id and its field). The data key is stored only wrapped: to the school's
key, or to the offline onboarding key for a school that has none yet. The report then
waits as ``PENDING_MODERATION``; the moderator's "not spam" hands it over
(``delivery.handover.hand_over``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from crypto.aead import new_data_key
from crypto.envelope import FIELD_CLASS, FIELD_NAME, FIELD_TEXT, redaction_field, seal, wrap_for
from crypto.moderation_copy import NoModerationKey, seal_report_copy
from crypto.onboarding import read_public_key
from crypto.receipts import new_receipt, receipt_digest, reporter_keypair
from evidence.sealing import seal_attachments
from intake.followup_seeds import seal_followup_seeds
from intake.redaction import redact, seeds_for
from intake.urgency import flag_if_urgent
from intake.validation import Submission, unknown_school
from models import (
    KeyRecipient,
    Redaction,
    RedactionSource,
    Report,
    ReportStatus,
    School,
    new_id,
)
from models.audit import record
from models.trust import trusted_key
from ner import Pseudonymised
from ozvise.config import Settings


class IntakeUnavailable(RuntimeError):
    """The installation cannot accept reports for this school (no key to encrypt to)."""


@dataclass(frozen=True)
class Receipt:
    code: str
    report_id: str
    urgent: bool = False


def _recipient(school: School, settings: Settings) -> tuple[KeyRecipient, int, bytes]:
    """Who the data key is wrapped to: the school's key once its registration is verified
    (``models.trust``), else the onboarding key (unregistered or pending school)."""
    school_key = trusted_key(school)
    if school_key is not None:
        return KeyRecipient.SCHOOL, school_key.id, school_key.public_key
    onboarding_public = read_public_key(settings.onboarding_public_key_path)
    if onboarding_public is None:
        raise IntakeUnavailable("no school key and no onboarding public key configured")
    return KeyRecipient.ONBOARDING, 0, onboarding_public


def _prepare_pdf_delivery(session: Session, settings: Settings, school: School, report: Report,
                          submission: Submission, redacted: Pseudonymised) -> None:
    """The one place where a school without portal access gets its PDF prepared.

    Called for every report; it decides itself whether ``school`` needs a PDF (plan
    none/basic, or no active key: see ``delivery.handover``). Such schools receive
    reports as password-protected PDFs. The PDF must be rendered here, inside the intake
    transaction, because this is the only moment the plaintext exists; it is stored only
    encrypted. Delivery itself waits for the moderator (``delivery.handover``).
    """
    from delivery.pdf_intake import prepare_pdf

    prepare_pdf(session, settings, school, report, victim_name=submission.victim_name,
                victim_class=submission.victim_class, text=submission.text,
                attachments=submission.attachments)


def submit_report(session: Session, settings: Settings, submission: Submission) -> Receipt:
    """Store one report durably; commits, so a returned receipt is never lost."""
    school = session.get(School, submission.school_id)
    if school is None:
        raise unknown_school()
    recipient, recipient_id, public_key = _recipient(school, settings)
    redacted = redact(submission.text, submission.victim_name, submission.victim_class)

    receipt = new_receipt()
    data_key = new_data_key()
    report = Report(id=new_id(), school_id=school.id,
                    text_length=len(submission.text), receipt_digest=receipt_digest(receipt),
                    reporter_public_key=reporter_keypair(receipt).public,
                    status=ReportStatus.PENDING_MODERATION)
    flag_if_urgent(report, submission.text)
    report.text_ct = seal(report.id, data_key, FIELD_TEXT, submission.text)
    if submission.victim_name:
        report.victim_name_ct = seal(report.id, data_key, FIELD_NAME, submission.victim_name)
    if submission.victim_class:
        report.victim_class_ct = seal(report.id, data_key, FIELD_CLASS, submission.victim_class)
    for item in redacted.items:
        report.redactions.append(Redaction(
            placeholder=item.placeholder, label=item.label, source=RedactionSource.DETECTOR,
            original_ct=seal(report.id, data_key, redaction_field(item.placeholder),
                             item.original)))
    seal_followup_seeds(report, seeds_for(submission.victim_name, submission.victim_class,
                                          redacted))
    wrap_for(report, data_key, recipient, recipient_id, public_key)
    try:
        seal_report_copy(session, report, redacted.text)
    except NoModerationKey as exc:
        raise IntakeUnavailable("no moderation key configured") from exc
    session.add(report)
    seal_attachments(session, report.id, data_key, submission.attachments)
    _prepare_pdf_delivery(session, settings, school, report, submission, redacted)
    del data_key
    record(session, "reporter", "report.submitted", f"report:{report.id}", school_id=school.id,
           length=len(submission.text), redactions=len(redacted.items),
           recipient=recipient.value, attachments=len(submission.attachments))
    session.commit()
    return Receipt(code=receipt, report_id=report.id, urgent=bool(report.urgent))
