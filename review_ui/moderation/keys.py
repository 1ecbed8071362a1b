"""The operator's side of the moderation key: create it, unlock it, grant, rotate, migrate.

Every operation that hands the key to someone needs it unlocked first, by a moderator's
password or by the recovery key (``unlock``): the server alone never holds it. The
commands in ``review_ui.moderation.key_cli`` are thin wrappers around these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from crypto.errors import DecryptionError
from crypto.moderation_copy import (
    message_copies,
    report_copy,
    rewrap_all,
    seal_message_copy,
    seal_report_copy,
)
from crypto.moderation_keys import (
    active_moderation_key,
    create_moderation_key,
    grant_moderator,
    rotate_moderation_key,
    unlock_for_moderator,
    unlock_with_recovery,
)
from crypto.passwords import KdfCost, verify_password
from models import Message, MessageAuthor, ModerationKey, Moderator, Report
from models.audit import record
from review_ui.moderation.accounts import AccountError, check_password, find_moderator
from review_ui.moderation.decisions import OPEN_STATUSES


class KeyUnavailable(ValueError):
    """The moderation key could not be unlocked or does not exist; Czech, safe to print."""


@dataclass(frozen=True)
class Unlocked:
    key: ModerationKey
    private_key: bytes
    actor: str  # who unlocked it, for the audit log


def unlock(session: Session, *, moderator: str | None = None, password: str | None = None,
           recovery_key: str | None = None) -> Unlocked:
    """The active moderation key, opened by a moderator's password or the recovery key."""
    key = active_moderation_key(session)
    if key is None:
        raise KeyUnavailable("Moderační klíč ještě neexistuje: vytvořte ho příkazem "
                             "ozvise moderators init-key.")
    if recovery_key is not None:
        try:
            return Unlocked(key, unlock_with_recovery(key, recovery_key), "operator:recovery")
        except DecryptionError as exc:
            raise KeyUnavailable("Obnovovací klíč nesouhlasí.") from exc
    account = find_moderator(session, moderator or "")
    if account is None or not verify_password(account.password_hash, password or ""):
        raise KeyUnavailable("Jméno nebo heslo moderátora nesouhlasí.")
    try:
        key, private_key = unlock_for_moderator(session, account, password or "")
    except DecryptionError as exc:
        raise KeyUnavailable(f"Moderátor {account.username} nemá přístup k moderačnímu "
                             "klíči.") from exc
    return Unlocked(key, private_key, f"moderator:{account.id}")


def init_key(session: Session) -> tuple[Unlocked, str]:
    """Create the installation's moderation key; returns it unlocked and the recovery key
    to show once. The caller commits."""
    try:
        key, private_key, recovery = create_moderation_key(session)
    except ValueError as exc:
        raise KeyUnavailable("Moderační klíč už existuje. Nový se zavádí příkazem "
                             "ozvise moderators rotate-key.") from exc
    record(session, "operator", "moderation_key.created", f"moderation_key:{key.id}")
    return Unlocked(key, private_key, "operator"), recovery


def grant(session: Session, unlocked: Unlocked, username: str, password: str,
          kdf: KdfCost) -> Moderator:
    """Give an existing moderator the key under a new password (a forgotten password, or an
    account from before the moderation key). The caller commits."""
    moderator = find_moderator(session, username)
    if moderator is None:
        raise AccountError(f"Moderátor {username} neexistuje.")
    check_password(password)
    grant_moderator(moderator, unlocked.key, unlocked.private_key, password, kdf)
    record(session, unlocked.actor, "moderation_key.granted", f"moderator:{moderator.id}")
    return moderator


@dataclass(frozen=True)
class Sealed:
    reports: int
    followups: int
    cleared: int  # clear copies emptied without sealing (already decided)


def seal_legacy(session: Session, unlocked: Unlocked,
                progress: Callable[[list[Report]], Iterable[Report]] = iter) -> Sealed:
    """Seal the clear copies stored before the moderation key existed, and empty them.

    Only the public key is needed to seal; asking for the unlocked key proves the key the
    copies go to is the one the moderators hold. The caller commits.
    """
    reports = list(session.scalars(select(Report).where(
        Report.legacy_redacted_text.is_not(None))))
    sealed = cleared = 0
    for report in progress(reports):
        if report.status in OPEN_STATUSES and report_copy(session, report.id) is None:
            seal_report_copy(session, report, report.legacy_redacted_text)
            sealed += 1
        else:
            cleared += 1
        report.legacy_redacted_text = None
    messages = list(session.scalars(select(Message).where(
        Message.legacy_redacted_text.is_not(None))))
    existing = message_copies(session, [m.id for m in messages])
    followups = 0
    for message in messages:
        if (message.author == MessageAuthor.REPORTER and message.moderated_at is None
                and message.id not in existing):
            seal_message_copy(session, message, message.legacy_redacted_text)
            followups += 1
        else:
            cleared += 1
        message.legacy_redacted_text = None
    record(session, unlocked.actor, "moderation_copies.sealed", reports=sealed,
           followups=followups, cleared=cleared)
    return Sealed(sealed, followups, cleared)


def rotate(session: Session, unlocked: Unlocked, *, carry_over: bool,
           password: str | None = None, kdf: KdfCost | None = None) -> tuple[ModerationKey, str,
                                                                              int]:
    """A new moderation key; every pending copy re-wrapped to it. Returns (new key, its
    recovery key to show once, copies re-wrapped). ``password``: the unlocking moderator's,
    to give them the new key at once. The caller commits."""
    new, new_private, recovery = rotate_moderation_key(session, unlocked.key,
                                                       unlocked.private_key,
                                                       carry_over=carry_over)
    count = rewrap_all(session, unlocked.key, unlocked.private_key, new)
    if password is not None and kdf is not None and unlocked.actor.startswith("moderator:"):
        moderator = session.get(Moderator, int(unlocked.actor.partition(":")[2]))
        grant_moderator(moderator, new, new_private, password, kdf)
    record(session, unlocked.actor, "moderation_key.rotated", f"moderation_key:{new.id}",
           previous=unlocked.key.id, copies=count, carry_over=carry_over)
    return new, recovery, count

