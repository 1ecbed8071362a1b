"""The ``.eml`` copies the local mail transport leaves in ``<instance>/outbox/``.

Without an SMTP relay every message is written there as one file (``delivery.transport``),
sent or not, and a report's PDF mail carries its encrypted PDF. Retention must delete
those copies with the report (``ozvise.retention``): ``delete_mail_files`` removes the
files of given messages, and ``sweep_orphan_mail_files`` removes any file whose message
row no longer exists (a worker that was writing a file while retention deleted its row).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from delivery.transport import TEMP_PREFIX, eml_file_name
from models import OutboxMessage

#: a temporary file this old is no write in progress but a crash's leftover
TEMP_FILE_GRACE_SECONDS = 3600


def delete_mail_files(outbox_dir: Path, message_ids: Iterable[str]) -> int:
    """Delete the ``.eml`` file of each message that has one; returns how many."""
    removed = 0
    for message_id in message_ids:
        path = outbox_dir / eml_file_name(message_id)
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def sweep_orphan_mail_files(session: Session, outbox_dir: Path) -> int:
    """Delete ``.eml`` files (and stale temporary files) of messages no longer queued."""
    if not outbox_dir.is_dir():
        return 0
    known = {eml_file_name(mid) for mid in session.scalars(select(OutboxMessage.message_id))}
    removed = 0
    stale_before = time.time() - TEMP_FILE_GRACE_SECONDS
    for path in outbox_dir.glob("*.eml"):
        if path.name.startswith(TEMP_PREFIX):  # being written now, or left by a crash
            if path.stat().st_mtime < stale_before:
                path.unlink(missing_ok=True)
                removed += 1
        elif path.name not in known:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
