"""Turn an outbox row into an e-mail and hand it to SMTP, or to a local ``.eml`` folder.

Without ``OZVISE_SMTP_HOST`` (the ``make run`` default) each message becomes one file in
``<instance>/outbox/``, named after its Message-ID and written atomically (temporary
file + rename), so a re-send after a crash overwrites the same file: exactly one copy.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from models import OutboxMessage, utcnow
from ozvise.config import Settings

SMTP_TIMEOUT_SECONDS = 30
#: temporary files of ``.eml`` writes in progress
TEMP_PREFIX = ".tmp-"


def build_email(message: OutboxMessage, settings: Settings) -> EmailMessage:
    email = EmailMessage()
    email["Message-ID"] = message.message_id  # fixed at queue time: receivers can dedupe
    email["Date"] = format_datetime(message.created_at or utcnow())
    email["From"] = settings.mail_from
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Auto-Submitted"] = "auto-generated"
    if settings.contact_email:
        email["Reply-To"] = settings.contact_email
    from ozvise.registration_mail import reply_note

    email.set_content(f"{message.body.rstrip()}\n\n--\n{reply_note(settings)}\n")
    if message.attachment is not None:
        maintype, subtype = ("application", "pdf") if (message.attachment_name or "").endswith(
            ".pdf") else ("application", "octet-stream")
        email.add_attachment(message.attachment, maintype=maintype, subtype=subtype,
                             filename=message.attachment_name or "priloha")
    return email


def eml_file_name(message_id: str) -> str:
    """The one file a message becomes (the same on every re-send)."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", message_id.strip("<>"))
    return f"{safe}.eml"


def eml_path(settings: Settings, message_id: str) -> Path:
    return settings.outbox_dir / eml_file_name(message_id)


def _write_eml(settings: Settings, email: EmailMessage, message_id: str) -> None:
    target = eml_path(settings, message_id)
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # mkstemp: files 0600
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX, suffix=".eml")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(email.as_bytes())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _send_smtp(settings: Settings, email: EmailMessage) -> None:
    assert settings.smtp_host is not None
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                      timeout=SMTP_TIMEOUT_SECONDS) as smtp:
        if settings.smtp_starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.smtp_user:
            smtp.login(settings.smtp_user, settings.smtp_password or "")
        smtp.send_message(email)


def deliver(message: OutboxMessage, settings: Settings) -> None:
    """Send one message; raises on failure (the worker decides about retries)."""
    email = build_email(message, settings)
    if settings.smtp_host:
        _send_smtp(settings, email)
    else:
        _write_eml(settings, email, message.message_id)


def describe_error(exc: BaseException) -> str:
    """A failure reason safe to store: the error type and SMTP code, never its text.

    Server replies can quote addresses or content, so their text is not kept.
    """
    code = getattr(exc, "smtp_code", None) or getattr(exc, "errno", None)
    return f"{type(exc).__name__}" + (f" (kód {code})" if code else "")
