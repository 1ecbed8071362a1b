"""Changing a registered school's plan (``ozvise schools set-plan RED-IZO extended|basic``).

Basic → extended: the school reads reports in its portal from now on. Reports that
waited as PDFs (``AWAITING_PDF``) and whose data key is already wrapped to the school's
active key move into the portal (``DELIVERED``) as they are, without re-encryption.
Reports whose key is still wrapped only to the offline onboarding key stay where they
are until ``ozvise onboarding release`` re-wraps them (it moves them on the extended plan).

Extended → basic: new reports go out as PDFs again; reports already in the portal stay.

Reports' PDF passwords are left alone (the school keeps reading them in the portal).
One audit event with ids and counts only; the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.envelope import find_key
from models import KeyRecipient, Plan, Report, ReportStatus, School, utcnow
from models.audit import record
from models.trust import trusted_key

ACTOR = "operator"
#: the plans a registered school can be set to
SETTABLE = (Plan.BASIC, Plan.EXTENDED)


class PlanError(RuntimeError):
    """The plan cannot be changed; the message is Czech and meant for the operator."""


@dataclass(frozen=True)
class PlanChange:
    previous: Plan
    plan: Plan
    moved_to_portal: int
    waiting_for_release: int


def set_plan(session: Session, red_izo: str, plan: Plan, *, actor: str = ACTOR) -> PlanChange:
    """Set a registered school's plan; see the module docstring. The caller commits."""
    if plan not in SETTABLE:
        raise PlanError(f"Tarif {plan.value!r} nelze nastavit (jen basic nebo extended).")
    school = session.scalars(select(School).where(School.red_izo == red_izo)).first()
    if school is None:
        raise PlanError(f"Škola s RED-IZO {red_izo} v rejstříku není.")
    school_key = trusted_key(school)
    if school_key is None:
        raise PlanError(f"Škola {red_izo} není zaregistrovaná (nebo registrace není ověřená).")
    previous, school.plan = school.plan, plan
    moved = waiting = 0
    if plan == Plan.EXTENDED:
        for report in session.scalars(select(Report).where(
                Report.school_id == school.id, Report.status == ReportStatus.AWAITING_PDF)
                .order_by(Report.created_at)):
            if find_key(report, KeyRecipient.SCHOOL, school_key.id) is None:
                waiting += 1
                continue
            report.status, report.status_changed_at = ReportStatus.DELIVERED, utcnow()
            moved += 1
    record(session, actor, "school.plan_changed", f"school:{school.id}",
           previous=previous.value, plan=plan.value, moved_to_portal=moved,
           waiting_for_release=waiting)
    return PlanChange(previous, plan, moved, waiting)


def plan_change_summary(red_izo: str, change: PlanChange) -> str:
    """What a plan change does, in Czech for the operator's confirmation."""
    lines = [f"Škola {red_izo}: tarif {change.previous.value} → {change.plan.value}."]
    if change.plan == Plan.EXTENDED:
        lines.append("Nová hlášení bude škola číst ve svém portálu.")
        lines.append(f"Do portálu se přesune hlášení čekajících na PDF: {change.moved_to_portal}.")
        if change.waiting_for_release:
            lines.append(f"Na onboardingový klíč dál čeká hlášení: {change.waiting_for_release}.")
    else:
        lines.append("Nová hlášení půjdou škole jako PDF chráněná heslem; hlášení už v portálu "
                     "tam zůstanou.")
    return "\n".join(lines)
