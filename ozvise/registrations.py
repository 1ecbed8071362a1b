"""A school's registration over its life: claim, verification, dispute, revocation, leaving.

The rule (README, "Registrace a ověření školy"): a registration is a *claim*
(``Verification.PENDING``) until one of two things verifies it:

- the school's official address from the public register (``School.director_email`` of
  the imported register row) confirms a one-time link + code (``SchoolConfirmation``),
  with a POST on the page the link opens; or
- the operator, on evidence they record (``ozvise schools verify RED-IZO --evidence``).

Nothing the registrant typed can verify the claim. Until it is verified no data key is
wrapped to the school's key (``models.trust``). The same register channel confirms a
new admin restored with the recovery key (``ozvise.access_recovery``).

A dispute from the register address ("this is not us") or the operator revokes the
registration: members lose access and their key wraps, every wrap of a report's data key
to the revoked school key is deleted (those reports are reported as *disclosed*), and the
school is unregistered again, free for the real school to register. Leaving (an admin or
the operator) ends the registration: ``unregistered_at`` starts retention's 3 years.

No Flask here: the portal and the command line call the same functions. Each function
audits and leaves the commit to the caller.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from delivery.outbox import enqueue
from models import (
    ConfirmationPurpose,
    CounsellorShare,
    KeyRecipient,
    Message,
    Plan,
    Report,
    ReportKey,
    ReportPdfPassword,
    School,
    SchoolConfirmation,
    SchoolMember,
    Verification,
    utcnow,
)
from models.audit import record
from ozvise.config import Settings
from review_ui.counsellor_shares import revoke_share

CONFIRMATION_VALIDITY = timedelta(days=14)
MAX_CODE_ATTEMPTS = 5
CONFIRM_PATH = "/skola/potvrzeni-skoly/"
#: states in which nobody else can register the school
HELD = (Verification.PENDING, Verification.VERIFIED)
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 8


class RegistrationError(RuntimeError):
    """The step cannot be taken; the message is Czech (operator or portal user)."""


class WrongCode(RegistrationError):
    """The short code from the e-mail does not match (the attempt is counted)."""


@dataclass(frozen=True)
class IssuedConfirmation:
    """What is mailed (and only mailed): the link token and the short code."""

    token: str
    code: str
    confirmation: SchoolConfirmation


@dataclass(frozen=True)
class Revocation:
    members: list[int]
    disclosed_reports: list[str]


def digest(value: str) -> str:
    """Lookup digest of a one-time secret (only this is stored)."""
    return hashlib.sha256(value.encode()).hexdigest()


def _normalise_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:32]


def _code_digest(token: str, code: str) -> str:
    return digest(f"{token}\x00{_normalise_code(code)}")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def school_by_red_izo(session: Session, red_izo: str) -> School:
    school = session.scalars(select(School).where(School.red_izo == red_izo.strip())).first()
    if school is None:
        raise RegistrationError(f"Škola s RED-IZO {red_izo} v rejstříku není.")
    return school


def active_members(session: Session, school: School) -> list[SchoolMember]:
    return list(session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.active.is_(True))
        .order_by(SchoolMember.id)))


# --- the claim -------------------------------------------------------------------------


def can_register(school: School) -> bool:
    """A school can be registered unless a registration holds it (pending or verified)."""
    return school.verification not in HELD


def release_stale_claim(session: Session, school: School) -> bool:
    """A pending claim whose register-address confirmation expired unanswered no longer
    blocks the school: it is revoked (audited) and True is returned. Claims that wait for
    the operator (no register address) do not expire on their own."""
    if school.verification != Verification.PENDING or not school.director_email:
        return False
    rows = session.scalars(select(SchoolConfirmation).where(
        SchoolConfirmation.school_id == school.id,
        SchoolConfirmation.purpose == ConfirmationPurpose.REGISTRATION)).all()
    if not rows or any(r.used_at is None and _aware(r.expires_at) > utcnow() for r in rows):
        return False
    revoke(session, school, actor="system", reason="potvrzení adresou školy vypršelo")
    return True


def mark_claimed(school: School) -> None:
    """A new registration: a claim until verified (``registered_at`` waits for that)."""
    school.verification, school.claimed_at = Verification.PENDING, utcnow()
    school.verified_at = school.verified_by = school.verification_evidence = None
    school.revoked_at = None


def verify(session: Session, school: School, *, by: str, evidence: str,
           actor: str = "operator") -> None:
    """Make a pending registration verified (``by``: who, ``evidence``: on what)."""
    if school.verification != Verification.PENDING:
        state = school.verification.value if school.verification else "neregistrovaná"
        raise RegistrationError(f"Škola {school.red_izo} nečeká na ověření (stav: {state}).")
    evidence = " ".join((evidence or "").split())
    if len(evidence) < 5:
        raise RegistrationError("Uveďte, na základě čeho registraci ověřujete (--evidence).")
    now = utcnow()
    school.verification, school.verified_at = Verification.VERIFIED, now
    school.verified_by, school.verification_evidence = by[:300], evidence
    school.registered_at, school.unregistered_at = now, None
    void_open(session, school, ConfirmationPurpose.REGISTRATION, "superseded")
    record(session, actor, "school.verified", f"school:{school.id}", by=by[:300],
           evidence=evidence[:500], school_key_id=getattr(school.active_key(), "id", None))


# --- register-channel confirmations ----------------------------------------------------


def void_open(session: Session, school: School, purpose: ConfirmationPurpose,
               outcome: str) -> None:
    for row in session.scalars(select(SchoolConfirmation).where(
            SchoolConfirmation.school_id == school.id, SchoolConfirmation.purpose == purpose,
            SchoolConfirmation.used_at.is_(None))):
        row.used_at, row.outcome = utcnow(), outcome


def issue_confirmation(session: Session, settings: Settings, school: School,
                       purpose: ConfirmationPurpose,
                       member: SchoolMember | None = None) -> IssuedConfirmation | None:
    """Mail a fresh link + code to the register address; None if the register has none
    (then only the operator can verify). Earlier open confirmations of the same kind stop
    working."""
    if not school.director_email:
        record(session, "system", "school.confirmation_impossible", f"school:{school.id}",
               purpose=purpose.value)
        return None
    void_open(session, school, purpose, "superseded")
    token = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    row = SchoolConfirmation(school_id=school.id, purpose=purpose,
                             member_id=member.id if member else None,
                             sent_to=school.director_email, token_hash=digest(token),
                             code_hash=_code_digest(token, code),
                             expires_at=utcnow() + CONFIRMATION_VALIDITY)
    session.add(row)
    session.flush()
    from ozvise.registration_mail import confirmation_mail

    subject, body = confirmation_mail(settings, school, purpose, session,
                                      settings.base_url + CONFIRM_PATH + token,
                                      f"{code[:4]}-{code[4:]}", row.expires_at, member)
    enqueue(session, kind=f"school_confirmation_{purpose.value}", recipient=school.director_email,
            dedupe_key=f"school-confirmation:{row.id}", subject=subject, body=body)
    record(session, "system", "school.confirmation_sent", f"school:{school.id}",
           purpose=purpose.value, confirmation_id=row.id)
    return IssuedConfirmation(token=token, code=code, confirmation=row)


def resend_registration_confirmation(session: Session, settings: Settings, school: School,
                                     *, actor: str) -> SchoolConfirmation:
    """A fresh link + code to the register address for a claim still waiting (the mail was
    lost, deleted or expired); the earlier link stops working. Only the operator does this:
    it still goes to the register's address, never to anyone the registrant named."""
    if school.verification != Verification.PENDING:
        raise RegistrationError(f"Registrace školy {school.red_izo} nečeká na ověření.")
    issued = issue_confirmation(session, settings, school, ConfirmationPurpose.REGISTRATION)
    if issued is None:
        raise RegistrationError(
            f"Škola {school.red_izo} nemá v rejstříku e-mail; ověřte ji na základě doložení "
            "(ozvise schools verify RED-IZO --evidence „…“).")
    record(session, actor, "school.confirmation_resent", f"school:{school.id}",
           confirmation_id=issued.confirmation.id)
    return issued.confirmation


def open_confirmation(session: Session, token: str) -> SchoolConfirmation | None:
    """The unused, unexpired confirmation this link token belongs to, if any."""
    if not token or len(token) > 100:
        return None
    row = session.scalars(select(SchoolConfirmation).where(
        SchoolConfirmation.token_hash == digest(token))).first()
    if row is None or row.used_at is not None or _aware(row.expires_at) <= utcnow():
        return None
    return row


def _check_code(row: SchoolConfirmation, token: str, code: str) -> None:
    if secrets.compare_digest(row.code_hash, _code_digest(token, code)):
        return
    row.failed_attempts += 1
    if row.failed_attempts >= MAX_CODE_ATTEMPTS:
        row.used_at, row.outcome = utcnow(), "void"
    raise WrongCode("Kód nesouhlasí. Opište prosím kód z e-mailu (8 znaků).")


def answer_confirmation(session: Session, row: SchoolConfirmation, token: str, code: str,
                        confirmed: bool) -> str:
    """The register address answered on the page (POST): confirm or dispute.

    Returns the outcome (``confirmed``/``disputed``); raises ``WrongCode`` (counted; the
    caller commits so the count sticks) or ``RegistrationError``.
    """
    _check_code(row, token, code)
    school = session.get(School, row.school_id)
    actor = f"register:{row.sent_to}"[:64]
    row.used_at, row.outcome = utcnow(), "confirmed" if confirmed else "disputed"
    if row.purpose == ConfirmationPurpose.REGISTRATION:
        if confirmed:
            verify(session, school, by=f"register:{row.sent_to}", actor=actor,
                   evidence=f"odkaz a kód potvrzeny z adresy školy v rejstříku ({row.sent_to})")
        else:
            revoke(session, school, actor=actor, reason="adresa školy v rejstříku: "
                                                        "„registraci neprovedli my“")
        return row.outcome
    member = session.get(SchoolMember, row.member_id) if row.member_id else None
    if member is None or member.school_id != school.id:
        raise RegistrationError("Tato žádost o obnovení přístupu už neplatí.")
    if confirmed:
        member.active = True
        record(session, actor, "school.recovery_confirmed", f"member:{member.id}",
               school_id=school.id)
    else:
        retire_member(member)
        record(session, actor, "school.recovery_disputed", f"member:{member.id}",
               school_id=school.id)
    return row.outcome


# --- revocation and leaving ------------------------------------------------------------


def retire_member(member: SchoolMember) -> None:
    """No more access: credentials and key wrap wiped, address freed, row kept for audit."""
    from review_ui.portal.invitations import wipe_credentials
    from review_ui.portal.members import removed_address

    wipe_credentials(member)
    member.active, member.email_token_hash = False, None
    member.email = removed_address(member)


def _retire_all(session: Session, school: School) -> list[int]:
    members = list(session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.password_hash.is_not(None)
        | SchoolMember.active.is_(True) | SchoolMember.key_wrap.is_not(None))))
    for member in members:
        retire_member(member)
    return [m.id for m in members]


def _drop_report_wraps(session: Session, school_key_id: int) -> list[str]:
    """Delete every wrap to this school key (reports' data keys, the PDF passwords, the
    conversation's message keys); return the reports whose data key was wrapped to it."""
    report_ids = sorted(set(session.scalars(select(ReportKey.report_id).where(
        ReportKey.recipient == KeyRecipient.SCHOOL, ReportKey.recipient_id == school_key_id))))
    session.execute(delete(ReportKey).where(ReportKey.recipient == KeyRecipient.SCHOOL,
                                            ReportKey.recipient_id == school_key_id))
    session.execute(delete(ReportPdfPassword).where(
        ReportPdfPassword.recipient == KeyRecipient.SCHOOL.value,
        ReportPdfPassword.recipient_id == school_key_id))
    session.execute(update(Message).where(Message.school_key_id == school_key_id)
                    .values(key_for_school=b"").execution_options(synchronize_session=False))
    for report in session.scalars(select(Report).where(Report.id.in_(report_ids))):
        session.expire(report, ["keys"])
    return report_ids


def _revoke_shares_by(session: Session, member_ids: list[int]) -> list[int]:
    """End every counsellor share the revoked registration's members made: the counsellor's
    wrapped key goes too, so a counsellor chosen by an impostor reads nothing further."""
    shares = list(session.scalars(select(CounsellorShare).where(
        CounsellorShare.shared_by_member_id.in_(member_ids),
        CounsellorShare.revoked_at.is_(None))))
    for share in shares:
        revoke_share(session, session.get(Report, share.report_id), share)
    return [share.id for share in shares]


def revoke(session: Session, school: School, *, actor: str, reason: str) -> Revocation:
    """End a registration that was never the school's (dispute or operator); see module doc."""
    if school.verification not in HELD:
        raise RegistrationError(f"Škola {school.red_izo} nemá platnou registraci ke zrušení.")
    was_verified = school.verification == Verification.VERIFIED
    members = _retire_all(session, school)
    shares = _revoke_shares_by(session, members)
    disclosed: list[str] = []
    for key in school.keys:
        if key.active:
            disclosed += _drop_report_wraps(session, key.id)
            key.active, key.recovery_wrap = False, None
    void_open(session, school, ConfirmationPurpose.REGISTRATION, "void")
    void_open(session, school, ConfirmationPurpose.RECOVERY, "void")
    school.verification, school.revoked_at = Verification.REVOKED, utcnow()
    school.plan, school.legal_entity_name = Plan.NONE, None
    if was_verified:  # the registration was never the school's: no retention from it
        school.registered_at = None
    record(session, actor, "school.revoked", f"school:{school.id}", reason=reason[:300],
           members=members, disclosed_reports=disclosed, was_verified=was_verified,
           counsellor_shares_revoked=shares)
    return Revocation(members=members, disclosed_reports=disclosed)


def end_registration(session: Session, school: School, *, actor: str) -> list[int]:
    """The school leaves (admin or operator): access ends, retention counts from now.

    The school key stays (inactive) with its recovery wrap: the reports wrapped to it are
    kept until retention ends them, and only the school's recovery key opens them.
    """
    if school.verification not in HELD:
        raise RegistrationError(f"Škola {school.red_izo} nemá platnou registraci.")
    members = _retire_all(session, school)
    for key in school.keys:
        key.active = False
    void_open(session, school, ConfirmationPurpose.REGISTRATION, "void")
    void_open(session, school, ConfirmationPurpose.RECOVERY, "void")
    if school.registered_at is not None and school.unregistered_at is None:
        school.unregistered_at = utcnow()
    school.verification, school.plan = Verification.ENDED, Plan.NONE
    record(session, actor, "school.unregistered", f"school:{school.id}", members=members)
    return members


def reports_wrapped_to(session: Session, school: School) -> int:
    """How many reports the school's active key opens (for ``ozvise schools show``)."""
    key = school.active_key()
    if key is None:
        return 0
    return len(session.scalars(select(ReportKey.id).where(
        ReportKey.recipient == KeyRecipient.SCHOOL, ReportKey.recipient_id == key.id)).all())
