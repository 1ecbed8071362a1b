"""Demo data for ``make run``: a registered school with two members, and an onboarding key.

Everything here is for trying the system on one machine. The demo onboarding private key
is written into the instance folder with a known passphrase, which a real installation
must never do (see ``ozvise onboarding keygen``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.onboarding import new_onboarding_keypair, write_private_key, write_public_key
from crypto.school_keys import create_school_key, grant_member
from models import MemberRole, Plan, School, SchoolMember, Verification, utcnow
from models.audit import record
from ozvise.config import Settings
from review_ui.second_factor import current_code, new_secret

DEMO_SCHOOL_RED_IZO = "601661913"  # "ZŠ Brno, Husova 17" from the demo register
DEMO_MEMBERS = (
    ("Alena Demo-Správcová", "spravce@demo.ozvise.example", MemberRole.ADMIN, "demo-spravce-heslo"),
    ("Petr Demo-Řešitel", "resitel@demo.ozvise.example", MemberRole.HANDLER, "demo-resitel-heslo"),
)
DEMO_ONBOARDING_PASSPHRASE = "demo-onboarding"  # noqa: S105 - demo only, printed to the user
DEMO_MODERATOR = ("moderator", "demo-moderator-heslo")  # printed to the user


def seed(session: Session, settings: Settings) -> list[str]:
    """Create what is missing; return the lines to print (credentials included)."""
    lines: list[str] = []
    if not settings.onboarding_public_key_path.exists():
        pair = new_onboarding_keypair()
        private_path = settings.instance_dir / "demo-onboarding-private.key"
        if not private_path.exists():
            write_private_key(private_path, pair, DEMO_ONBOARDING_PASSPHRASE, settings.kdf)
        write_public_key(settings.onboarding_public_key_path, pair.public)
        lines.append(f"Ukázkový onboardingový klíč: {private_path.name} v instanci "
                     f"(heslo „{DEMO_ONBOARDING_PASSPHRASE}“) – jen pro ukázku!")
    school = session.scalars(select(School).where(School.red_izo == DEMO_SCHOOL_RED_IZO)).first()
    if school is None:
        raise RuntimeError("Demo school missing: run `ozvise schools import demo` first.")
    if school.active_key() is None:
        school.plan = Plan.EXTENDED
        school.registered_at = school.verified_at = school.claimed_at = utcnow()
        school.verification, school.verified_by = Verification.VERIFIED, "operator:demo"
        school.verification_evidence = "ukázková škola (ozvise demo seed)"
        school.legal_entity_name = f"{school.name}, příspěvková organizace"
        school_key, private_key, _recovery = create_school_key(school, session)
        for name, email, role, password in DEMO_MEMBERS:
            member = SchoolMember(school=school, name=name, email=email, role=role,
                                  email_confirmed_at=utcnow())
            session.add(member)
            grant_member(member, school_key, private_key, password, settings.kdf)
            member.totp_secret, member.totp_enrolled_at = new_secret(), utcnow()
        record(session, "operator", "demo.seeded", f"school:{school.id}")
        session.commit()
    lines.append(f"Ukázková škola: {school.name} (rozšířený tarif), {settings.base_url}/skola/")
    for name, email, role, password in DEMO_MEMBERS:
        lines.append(f"  {role.value:8} {email}  heslo: {password}   ({name})")
    lines.append("  ověřovací kód (TOTP) ukázkového účtu vypíše: .venv/bin/ozvise demo code E-MAIL")
    lines += seed_moderator(session, settings)
    return lines


def seed_moderator(session: Session, settings: Settings) -> list[str]:
    """A demo moderator; the TOTP secret is printed so anyone can log in on /moderace.

    On a fresh installation this also creates the moderation key (its recovery key is
    printed: demo only) and seals any clear copies from an older demo database."""
    from crypto.moderation_keys import active_moderation_key, grant_moderator
    from review_ui.moderation.accounts import create_moderator, find_moderator
    from review_ui.moderation.keys import init_key, seal_legacy

    username, password = DEMO_MODERATOR
    lines: list[str] = []
    moderator = find_moderator(session, username)
    if active_moderation_key(session) is None:
        unlocked, recovery = init_key(session)
        seal_legacy(session, unlocked)
        if moderator is None:
            moderator = create_moderator(session, username, password, settings.kdf,
                                         key=unlocked.key, private_key=unlocked.private_key)
        else:  # a demo database from before the moderation key
            grant_moderator(moderator, unlocked.key, unlocked.private_key, password,
                            settings.kdf)
        session.commit()
        lines.append(f"Moderační klíč vytvořen, obnovovací klíč: {recovery} (jen pro ukázku!)")
    elif moderator is None:
        return ["Moderační klíč už existuje, ukázkový moderátor se nezakládá "
                "(založte moderátora: ozvise moderators create JMÉNO --grantor …)."]
    return lines + [
        f"Ukázkový moderátor: {username}  heslo: {password}   ({settings.base_url}/moderace/)",
        f"  TOTP klíč: {moderator.totp_secret}  (při prvním přihlášení se ukáže QR kód pro "
        "ověřovací aplikaci)",
        f"  kód bez aplikace: .venv/bin/ozvise demo code {username}",
    ]


def demo_code(session: Session, account: str) -> str | None:
    """The current TOTP code of a *demo* account (never of a real one), for trying the demo."""
    from review_ui.moderation.accounts import find_moderator

    if account == DEMO_MODERATOR[0]:
        moderator = find_moderator(session, account)
        secret = moderator.totp_secret if moderator else None
    elif account in {email for _name, email, _role, _password in DEMO_MEMBERS}:
        member = session.scalars(select(SchoolMember).where(SchoolMember.email == account)).first()
        secret = member.totp_secret if member else None
    else:
        return None
    return current_code(secret) if secret else None
