"""The one schema every part of Ozvi se shares (SQLAlchemy 2.x typed declarative)."""

from models.abuse import JobLock, LoginThrottle, TotpStep
from models.attachments import Attachment
from models.audit import AuditEvent
from models.base import Base, make_engine, make_session_factory, new_id, utcnow
from models.counsellors import Counsellor, CounsellorShare
from models.moderation import (
    Decision,
    MissedRedaction,
    ModerationCopy,
    ModerationDecision,
    ModerationKey,
    Moderator,
)
from models.outbox import OutboxMessage, OutboxStatus
from models.pdf import EncryptedPdf, ReportPdfPassword
from models.reports import (
    KeyRecipient,
    Message,
    MessageAuthor,
    Note,
    Redaction,
    RedactionSource,
    Report,
    ReportKey,
    ReportStatus,
)
from models.school_confirmations import ConfirmationPurpose, SchoolConfirmation
from models.schools import MemberRole, Plan, School, SchoolKey, SchoolMember, Verification
from models.security import LoginAttempt

__all__ = [
    "Attachment", "AuditEvent", "Base", "ConfirmationPurpose", "SchoolConfirmation", "Verification",
    "Counsellor", "CounsellorShare", "Decision", "EncryptedPdf", "JobLock",
    "KeyRecipient", "LoginAttempt", "LoginThrottle", "MemberRole", "Message", "MessageAuthor",
    "MissedRedaction", "ModerationCopy", "ModerationDecision", "ModerationKey", "Moderator",
    "Note", "OutboxMessage", "OutboxStatus", "Plan", "Redaction", "RedactionSource", "Report",
    "ReportKey", "ReportPdfPassword", "ReportStatus", "School", "SchoolKey", "SchoolMember",
    "TotpStep",
    "make_engine", "make_session_factory", "new_id", "utcnow",
]
