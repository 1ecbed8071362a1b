"""The recovery key recovers: a school whose members all lost access gets a new admin.

The printed recovery key opens the school's private key (``crypto.school_keys``); it is
wrapped at once under the new admin's password, but the new admin stays inactive until
the school's register address confirms them (``ozvise.registrations``, the same one-time
link + code as for a registration) or, where the register has no usable address, the
operator approves on recorded evidence. No report is re-encrypted.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.passwords import KdfCost
from crypto.school_keys import grant_member, unlock_with_recovery
from models import ConfirmationPurpose, MemberRole, School, SchoolMember, Verification
from models.audit import record
from ozvise.config import Settings
from ozvise.registrations import (
    IssuedConfirmation,
    RegistrationError,
    issue_confirmation,
    void_open,
)


def start_recovery(session: Session, settings: Settings, school: School, recovery_key: str,
                   *, name: str, email: str, phone: str, password: str,
                   cost: KdfCost) -> tuple[SchoolMember, IssuedConfirmation | None]:
    """The recovery key opens the school key; a new admin gets it under their password,
    but stays inactive until the register address (or the operator) confirms them.

    Raises ``crypto.errors.DecryptionError`` for a key that is not this school's.
    """
    school_key = school.active_key()
    if school.verification != Verification.VERIFIED or school_key is None:
        raise RegistrationError("Přístup lze obnovit jen ověřené registrované škole.")
    private_key = unlock_with_recovery(school_key, recovery_key)
    member = SchoolMember(school=school, name=name, email=email, phone=phone,
                          role=MemberRole.ADMIN, active=False)
    session.add(member)
    session.flush()
    grant_member(member, school_key, private_key, password, cost)
    del private_key
    issued = issue_confirmation(session, settings, school, ConfirmationPurpose.RECOVERY, member)
    record(session, "system", "school.recovery_requested", f"member:{member.id}",
           school_id=school.id, register_confirmation=issued is not None)
    return member, issued


def approve_recovery(session: Session, school: School, *, by: str, evidence: str) -> SchoolMember:
    """The operator's path for a recovery when the register address is missing or wrong."""
    evidence = " ".join((evidence or "").split())
    if len(evidence) < 5:
        raise RegistrationError("Uveďte, na základě čeho obnovení schvalujete (--evidence).")
    member = session.scalars(select(SchoolMember).where(
        SchoolMember.school_id == school.id, SchoolMember.active.is_(False),
               SchoolMember.key_wrap.is_not(None), SchoolMember.role == MemberRole.ADMIN)
        .order_by(SchoolMember.id.desc())).first()
    if member is None:
        raise RegistrationError(f"Škola {school.red_izo} nemá žádost o obnovení přístupu.")
    member.active = True
    void_open(session, school, ConfirmationPurpose.RECOVERY, "superseded")
    record(session, "operator", "school.recovery_approved", f"member:{member.id}",
           school_id=school.id, by=by[:300], evidence=evidence[:500])
    return member
