"""Evidence files for their readers: the school (admins, handlers), a counsellor the school
shared the report with, and, as counts only, the moderator.

A download opens the sealed file with the report's data key, unwrapped with the key the
reader unlocked at login (the same path as the report's text), and is audited
(``attachment.decrypted``, report and number only). Files are served as what they are
after sanitising (``image/png``, ``image/jpeg``, ``application/pdf``) under their neutral
names, never cached (``no-store``) and with a policy that forbids them to run anything
(``sandbox``), so even an image opened directly cannot act as a page. The moderator's
review page gets ``attachment_summary``: how many files, of which type and size. It reads
only the cleartext metadata columns and has no path to a key.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, request
from flask_login import current_user

from crypto.envelope import unwrap_from
from crypto.errors import DecryptionError
from crypto.messages import SCHOOL, message_key
from evidence.kinds import MIME_JPEG, MIME_PDF, MIME_PNG, neutral_name
from evidence.sealing import attachment, attachments_of, message_attachments, open_attachment
from models import Attachment, Message, Report
from models.audit import record
from ozvise.db import db
from review_ui.auth import MEMBER_READERS, require, unlocked_key_or_relogin
from review_ui.counsellor_shares import counsellor_key
from review_ui.school_session import (
    current_member,
    own_report,
    school_data_key,
    school_private_key,
)
from review_ui.thread import visible_to_school

bp = Blueprint("attachment_files", __name__)

FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
TYPE_NAMES = {MIME_PNG: "PNG", MIME_JPEG: "JPEG", MIME_PDF: "PDF"}


def _file_response(item: Attachment, data: bytes) -> Response:
    inline = item.mime != MIME_PDF and request.args.get("nahled") == "1"
    disposition = "inline" if inline else "attachment"
    response = Response(data, mimetype=item.mime)
    response.headers["Content-Disposition"] = (
        f'{disposition}; filename="{neutral_name(item.number, item.mime)}"')
    response.headers["Content-Security-Policy"] = FILE_CSP
    response.headers["Cache-Control"] = "no-store"
    return response


def _open_and_serve(item: Attachment, key: bytes) -> Response:
    try:
        data = open_attachment(item, key)
    except DecryptionError:
        abort(404)
    record(db(), current_user.get_id(), "attachment.decrypted", f"report:{item.report_id}",
           number=item.number, size=len(data))
    db().commit()
    return _file_response(item, data)


def _serve(report: Report, data_key: bytes, number: int) -> Response:
    """A file sent with the report itself (sealed under the report's data key)."""
    item = attachment(db(), report.id, number)
    if item is None or item.message_id is not None:
        abort(404)
    return _open_and_serve(item, data_key)


@bp.get("/skola/hlaseni/<report_id>/prilohy/<int:number>")
@require(*MEMBER_READERS)
def school_file(report_id: str, number: int) -> Response:
    report = own_report(report_id)
    return _serve(report, school_data_key(report), number)


@bp.get("/skola/hlaseni/<report_id>/zpravy/prilohy/<int:number>")
@require(*MEMBER_READERS)
def school_message_file(report_id: str, number: int) -> Response:
    """A file sent with a follow-up: sealed under that message's key, which the school key
    opens once a moderator passed the message (the same rule as for its text)."""
    report = own_report(report_id)
    item = attachment(db(), report.id, number)
    message = db().get(Message, item.message_id) if item and item.message_id else None
    if (item is None or message is None or not visible_to_school(message)
            or message.school_key_id != current_member().school_key_id):
        abort(404)
    try:
        key = message_key(message, SCHOOL, school_private_key())
    except DecryptionError:
        abort(404)
    return _open_and_serve(item, key)


@bp.get("/poradce/hlaseni/<report_id>/prilohy/<int:number>")
@require("counsellor")
def counsellor_file(report_id: str, number: int) -> Response:
    wrapped = counsellor_key(db(), current_user.account.id, report_id)
    if wrapped is None:
        abort(404)
    private_key = unlocked_key_or_relogin("counsellor.login")
    report = wrapped.report
    return _serve(report, unwrap_from(report, wrapped, private_key), number)


def size_cs(size: int) -> str:
    """``820 kB``, ``2,4 MB`` (Czech decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _plural(n: int, one: str, few: str, many: str) -> str:
    return one if n == 1 else few if 2 <= n <= 4 else many


def counts_cs(items: list[Attachment]) -> str:
    """``2 obrázky``, ``1 obrázek a 1 dokument PDF``, ``5 dokumentů PDF``."""
    images = sum(1 for item in items if item.mime != MIME_PDF)
    pdfs = len(items) - images
    parts = []
    if images:
        parts.append(f"{images} {_plural(images, 'obrázek', 'obrázky', 'obrázků')}")
    if pdfs:
        parts.append(f"{pdfs} {_plural(pdfs, 'dokument PDF', 'dokumenty PDF', 'dokumentů PDF')}")
    return " a ".join(parts)


@bp.app_template_global()
def attachment_summary(report: Report) -> dict[str, object] | None:
    """For the moderator: ``{"counts": "2 obrázky", "files": ["PNG, 320 kB", …]}``, or None.
    Metadata only: the sealed bytes are not even loaded."""
    items = attachments_of(db(), report.id)
    if not items:
        return None
    return {"counts": counts_cs(items),
            "files": [f"{TYPE_NAMES.get(i.mime, i.mime)}, {size_cs(i.size)}" for i in items]}


@bp.app_template_global()
def report_attachments(report: Report) -> list[dict[str, object]]:
    """For the school's and the counsellor's report page: each file's number, type, size,
    dimensions and link (the file itself is opened only when the link is followed)."""
    endpoint = ("attachment_files.counsellor_file" if request.blueprint == "counsellor"
                else "attachment_files.school_file")
    return [{"number": i.number, "is_image": i.mime != MIME_PDF, "name":
             neutral_name(i.number, i.mime), "type": TYPE_NAMES.get(i.mime, i.mime),
             "size": size_cs(i.size), "width": i.width, "height": i.height, "pages": i.pages,
             "endpoint": endpoint} for i in attachments_of(db(), report.id)]


@bp.app_template_global()
def message_files(message_id: int) -> list[dict[str, object]]:
    """A follow-up's files for its thread: number, neutral name, kind and size (metadata)."""
    return [{"number": i.number, "name": neutral_name(i.number, i.mime),
             "is_image": i.mime != MIME_PDF, "size": size_cs(i.size)}
            for i in message_attachments(db(), message_id)]


@bp.app_template_global()
def message_attachment_summary(message_id: int) -> str | None:
    """For the moderator's follow-up queue: ``1 obrázek (JPEG, 2,1 MB)``, or None."""
    items = message_attachments(db(), message_id)
    if not items:
        return None
    sizes = "; ".join(f"{TYPE_NAMES.get(i.mime, i.mime)}, {size_cs(i.size)}" for i in items)
    return f"{counts_cs(items)} ({sizes})"
