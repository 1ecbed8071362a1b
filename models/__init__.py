"""The one schema every part of Ozvi se shares (SQLAlchemy 2.x typed declarative)."""

from models.abuse import JobLock, LoginThrottle, TotpStep
from models.audit import AuditEvent
from models.base import Base, make_engine, make_session_factory, new_id, utcnow
from models.counsellors import Counsellor, CounsellorShare
from models.moderation import Decision, MissedRedaction, ModerationDecision, Moderator
from models.outbox import OutboxMessage, OutboxStatus
from models.pdf import EncryptedPdf, PdfKeySlot, SchoolPdfPassword
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
from models.schools import MemberRole, Plan, School, SchoolKey, SchoolMember
from models.security import LoginAttempt

__all__ = [
    "AuditEvent", "Base", "Counsellor", "CounsellorShare", "Decision", "EncryptedPdf",
    "JobLock", "KeyRecipient", "LoginAttempt", "LoginThrottle", "MemberRole", "Message",
    "MessageAuthor",
    "MissedRedaction", "ModerationDecision", "Moderator", "Note", "OutboxMessage",
    "OutboxStatus", "PdfKeySlot", "Plan", "Redaction", "RedactionSource", "Report", "ReportKey",
    "ReportStatus", "School", "SchoolKey", "SchoolMember", "SchoolPdfPassword", "TotpStep",
    "make_engine", "make_session_factory", "new_id", "utcnow",
]
