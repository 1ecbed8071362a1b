"""Owner-only permissions for the instance folder and what is in it, whatever the umask.

The instance folder holds the SQLite database, the mail outbox (e-mails with PDFs), the
secret key and the audit key. A umask of 022 (the usual default) would make the database
and the folder readable by every local user, so modes are set explicitly: the folder and
the outbox 0700, the files 0600. SQLite creates its -wal and -shm files with the mode of
the database file, so the database's mode is fixed as soon as it is opened
(``models.base.make_engine``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ozvise.config import Settings

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """Create ``path`` if missing and make it owner-only (0700)."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file owner-only (0600); a missing file is left alone."""
    try:
        os.chmod(path, FILE_MODE)
    except FileNotFoundError:
        pass


def secure_instance_folder(settings: Settings) -> None:
    """Instance folder and outbox 0700; every file directly in them 0600."""
    private_folder(settings.instance_dir)
    for entry in settings.instance_dir.iterdir():
        if entry.is_file():
            private_file(entry)
    if settings.outbox_dir.exists():
        private_folder(settings.outbox_dir)
        for entry in settings.outbox_dir.iterdir():
            if entry.is_file():
                private_file(entry)
