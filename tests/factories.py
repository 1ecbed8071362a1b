"""Builders for test data, going through the same code paths as the product."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from crypto.school_keys import create_school_key, grant_member
from intake.schools import search_text_for
from models import MemberRole, Plan, School, SchoolMember, Verification, utcnow
from ozvise.config import TEST_KDF
from review_ui.second_factor import new_secret

_red_izo = iter(range(700000000, 799999999))


def make_school(session: Session, name: str = "ZŠ Testov, Školní 1", town: str = "Testov",
                street: str = "Školní 1", email: str = "reditel@testov.skola.example") -> School:
    school = School(red_izo=str(next(_red_izo)), name=name, street=street, town=town,
                    postcode="123 45", region="Testovací kraj", director_email=email,
                    search_text=search_text_for(name, street, town))
    session.add(school)
    session.flush()
    return school


@dataclass
class RegisteredSchool:
    school: School
    members: dict[str, tuple[SchoolMember, str]]  # role -> (member, password)
    recovery_key: str


def register_school(session: Session, school: School | None = None, plan: Plan = Plan.EXTENDED,
                    roles: tuple[str, ...] = ("admin", "handler", "analyst"),
                    verified: bool = True) -> RegisteredSchool:
    """A registered school; ``verified=False`` leaves it a claim pending verification."""
    school = school or make_school(session)
    school.plan, school.claimed_at = plan, utcnow()
    school.verification = Verification.VERIFIED if verified else Verification.PENDING
    if verified:
        school.registered_at = school.verified_at = utcnow()
        school.verified_by, school.verification_evidence = "operator:test", "test fixture"
    school_key, private_key, recovery = create_school_key(school, session)
    members = {}
    slug = re.sub(r"\W", "", school.red_izo)
    for role in roles:
        password = f"heslo-{role}-{slug}"
        member = SchoolMember(school=school, name=f"Člen {role}", role=MemberRole(role),
                              email=f"{role}.{slug}@skola.example", email_confirmed_at=utcnow())
        session.add(member)
        grant_member(member, school_key, private_key, password, TEST_KDF)
        member.totp_secret, member.totp_enrolled_at = new_secret(), utcnow()
        members[role] = (member, password)
    session.commit()
    return RegisteredSchool(school=school, members=members, recovery_key=recovery)


def csrf_token(client, path: str = "/") -> str:
    """Fetch a page and pull the CSRF token out of its form."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def fresh_code(account: str, totp_secret: str) -> str:
    """The account's current TOTP code (``account`` as in ``second_factor``: ``member:3``).

    A code is accepted once per 30-second step and account (replay protection, stored in
    the ``totp_steps`` table), so the last use is forgotten first, as if the person waited
    for the next code.
    """
    from sqlalchemy import delete

    from models import TotpStep
    from ozvise.db import session_factory
    from review_ui import second_factor

    if CURRENT_APP is not None:
        with session_factory(CURRENT_APP)() as session:
            session.execute(delete(TotpStep).where(TotpStep.account == account))
            session.commit()
    return second_factor.current_code(totp_secret)


#: the test's app (set by the ``app`` fixture), whose database ``fresh_code`` resets
CURRENT_APP = None


def submit_code(client, path: str, account: str, totp_secret: str):
    """Submit the account's current TOTP code on the second-step form at ``path``."""
    token = csrf_token(client, path)
    return client.post(path, data={"csrf_token": token, "code": fresh_code(account, totp_secret)})


def two_step_login(client, prefix: str, credentials: dict[str, str], account: str,
                   totp_secret: str):
    """Password form at ``prefix/prihlaseni``, then the TOTP code at ``prefix/overeni``;
    returns the last response (the first one if it did not lead to the code step)."""
    token = csrf_token(client, f"{prefix}/prihlaseni")
    first = client.post(f"{prefix}/prihlaseni", data={"csrf_token": token, **credentials})
    if first.status_code != 302 or not first.headers["Location"].endswith(f"{prefix}/overeni"):
        return first
    return submit_code(client, f"{prefix}/overeni", account, totp_secret)


def login_member(client, member: SchoolMember, password: str):
    """A school member's password step, then their current TOTP code."""
    return two_step_login(client, "/skola", {"email": member.email, "password": password},
                          f"member:{member.id}", member.totp_secret)


def submit_form(client, school_id: int | str, text: str, name: str = "", klass: str = ""):
    """Post the pupil's form and follow its redirect: the receipt page (200) or the form
    shown again with its errors (4xx)."""
    token = csrf_token(client, "/")
    return client.post("/nahlasit", data={"csrf_token": token, "school_id": str(school_id),
                                          "victim_name": name, "victim_class": klass,
                                          "text": text}, follow_redirects=True)


def delivered_report(client, session, settings, school_id: int, text: str, name: str = "",
                     klass: str = ""):
    """Submit through the JSON API and hand the report to its school as a moderator's
    *not spam* would; returns (report, receipt)."""
    from delivery.handover import hand_over
    from intake.receipts import report_for_receipt

    response = client.post("/api/v1/reports", json={"school_id": school_id, "text": text,
                                                    "victim_name": name, "victim_class": klass})
    assert response.status_code == 201, response.get_data(as_text=True)
    receipt = response.get_json()["receipt"]
    session.expire_all()
    report = report_for_receipt(session, receipt)
    if report.status.value in ("pending_moderation", "second_look"):
        from review_ui.moderation.decisions import close_copy

        close_copy(session, report, True, moderation_key(session))
        hand_over(session, settings, report)
        session.commit()
    return report, receipt


MODERATOR_PASSWORD = "heslo-moderatora-123"
#: database URL -> (moderation private key, recovery key) of the test's moderation key
_MODERATION_KEYS: dict[str, tuple[bytes, str]] = {}


def _db_key(session: Session) -> str:
    return session.get_bind().url.render_as_string(hide_password=False)


def install_moderation_key(session: Session) -> None:
    """The installation's moderation key (as ``ozvise moderators init-key`` creates it, but
    without its audit entry, which tests counting entries would see); the tests remember
    its private half and recovery key (see ``moderation_key``)."""
    from crypto.moderation_keys import create_moderation_key

    _key, private_key, recovery = create_moderation_key(session)
    session.commit()
    _MODERATION_KEYS[_db_key(session)] = (private_key, recovery)


def moderation_key(session: Session) -> bytes:
    """The test database's moderation private key (what a logged-in moderator holds)."""
    return _MODERATION_KEYS[_db_key(session)][0]


def moderation_recovery_key(session: Session) -> str:
    return _MODERATION_KEYS[_db_key(session)][1]


def make_moderator(session: Session, username: str = "moderator", enrolled: bool = True):
    """A moderator (TOTP enrolled unless told otherwise); password ``MODERATOR_PASSWORD``."""
    from crypto.moderation_keys import active_moderation_key
    from review_ui.moderation.accounts import create_moderator

    moderator = create_moderator(session, username, MODERATOR_PASSWORD, TEST_KDF,
                                 enrolled=enrolled, key=active_moderation_key(session),
                                 private_key=moderation_key(session))
    session.commit()
    return moderator


def login_moderator(client, moderator, password: str = MODERATOR_PASSWORD):
    """A moderator's password step, then their current TOTP code."""
    return two_step_login(client, "/moderace",
                          {"username": moderator.username, "password": password},
                          f"moderator:{moderator.id}", moderator.totp_secret)


def moderators_text(session: Session, report_id: str) -> str | None:
    """The report's sealed moderators' copy, opened with the moderation key (None if the
    decision deleted it)."""
    from crypto.moderation_copy import open_copy, report_copy

    copy = report_copy(session, report_id)
    return None if copy is None else open_copy(copy, moderation_key(session))


def moderators_message_text(session: Session, message_id: int) -> str | None:
    """A follow-up's sealed moderators' copy, opened with the moderation key (None if none)."""
    from crypto.moderation_copy import message_copies, open_copy

    copy = message_copies(session, [message_id]).get(message_id)
    return None if copy is None else open_copy(copy, moderation_key(session))


def school_data_key(session: Session, report, reg: RegisteredSchool) -> bytes:
    """The report's data key as the school opens it (its key, unlocked by the recovery key)."""
    from crypto.envelope import find_key, unwrap_from
    from crypto.school_keys import unlock_with_recovery
    from models import KeyRecipient, SchoolKey

    school_key = session.get(SchoolKey, reg.school.active_key().id)
    private = unlock_with_recovery(school_key, reg.recovery_key)
    return unwrap_from(report, find_key(report, KeyRecipient.SCHOOL, school_key.id), private)
