"""The moderation key unlocked at login, and the sealed copies it opens for this moderator.

The key lives in the session's key ring (``review_ui.keyring``) like a school's key in the
portal. If the ring forgot it (restart, idle timeout), the moderator is sent to log in
again with a Czech explanation instead of an error page.
"""

from __future__ import annotations

from flask import request
from sqlalchemy.orm import Session

from crypto.errors import DecryptionError
from crypto.moderation_copy import message_copies, open_copy, report_copy
from models import Message
from review_ui.auth import unlocked_key_or_relogin

RELOGIN = ("Pro čtení hlášení je potřeba znovu odemknout moderační klíč (server se mezitím "
           "restartoval nebo vypršela nečinnost). Přihlaste se prosím znovu.")


def moderation_key() -> bytes:
    """The unlocked moderation private key, or a redirect to the login (aborts the view)."""
    return unlocked_key_or_relogin("moderation.login", RELOGIN, next=request.path)


def open_report_copy(session: Session, report_id: str, private_key: bytes) -> str | None:
    """The report's pseudonymised text, or None if no copy exists (decided, or legacy)."""
    copy = report_copy(session, report_id)
    return None if copy is None else open_copy(copy, private_key)


def open_message_copies(session: Session, messages: list[Message],
                        private_key: bytes) -> dict[int, str]:
    """Pseudonymised follow-ups by message id; a copy that does not open is left out (the
    page says the text is hidden) rather than failing the whole queue."""
    texts: dict[int, str] = {}
    for message_id, copy in message_copies(session, [m.id for m in messages]).items():
        try:
            texts[message_id] = open_copy(copy, private_key)
        except DecryptionError:
            continue
    return texts
