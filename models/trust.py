"""The one rule on whom a report's data key may be wrapped to, among school keys.

A registration is only a claim until it is verified through a channel bound to the
public register (the register's official address, or the operator on recorded evidence;
see ``ozvise.registrations``). Until then, and after a registration was revoked or
ended, the school is treated as unregistered: its reports go to the offline onboarding
key and out as password-protected PDFs. Every place that wraps a data key or a PDF
password to a school key (intake, hand-over, release, plan change, conversation,
counsellor sharing) asks ``trusted_key``; nothing else decides it.
"""

from __future__ import annotations

from models.schools import School, SchoolKey, Verification


def is_verified(school: School | None) -> bool:
    """True while the school's registration is verified and not ended."""
    return (school is not None and school.verification == Verification.VERIFIED
            and school.registered_at is not None and school.unregistered_at is None)


def trusted_key(school: School | None) -> SchoolKey | None:
    """The school key a data key may be wrapped to now, or None (unregistered path)."""
    return school.active_key() if is_verified(school) else None
