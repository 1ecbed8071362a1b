"""JSON API of the conversation for the mobile app (/api/v1/reports/messages).

Authorised like the status endpoint: the receipt in ``Authorization: Bearer <receipt>``,
never in the URL. Each call re-derives the reporter key from the receipt (Argon2id), so
the app needs no session and the server keeps no key between calls.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from crypto.messages import REPORTER
from intake.receipts import RECEIPT_LOOKUP_LIMIT, report_for_receipt
from intake.uploads import received, sanitise_all
from intake.validation import InvalidSubmission
from models import MessageAuthor, Report
from models.audit import record
from ozvise.argon2_gate import argon2_bounded
from ozvise.context import settings
from ozvise.db import db
from ozvise.errors import error_response
from ozvise.extensions import limiter
from ozvise.limit_policy import failed_lookup
from ozvise.uploads import accepts_files
from review_ui.thread import (
    ConversationClosed,
    InvalidMessage,
    ThreadMessage,
    add_message,
    awaits_moderation,
    closed_reason,
    read_thread,
    reporter_key,
)

bp = Blueprint("conversation_api", __name__)


def _unauthorised():
    response = error_response(401, "receipt_unknown", "Kód hlášení neznáme. Pošlete ho celý "
                                                      "v hlavičce Authorization: Bearer <kód>.")
    response[0].headers["WWW-Authenticate"] = 'Bearer realm="ozvise-receipt"'
    return response


def _authorise() -> tuple[Report, bytes] | None:
    scheme, _, credential = (request.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not credential.strip():
        return None
    report = report_for_receipt(db(), credential)
    key = reporter_key(report, credential) if report is not None else None
    return (report, key) if key is not None else None


def _json(message: ThreadMessage) -> dict[str, object]:
    return {"id": message.id, "author": message.author, "text": message.text,
            "created_at": message.created_at.isoformat(),
            "awaiting_moderation": message.awaiting_moderation, "withheld": message.withheld}


@bp.get("/reports/messages")
@limiter.limit(RECEIPT_LOOKUP_LIMIT, deduct_when=failed_lookup)
@argon2_bounded(("GET",))
def read():
    held = _authorise()
    if held is None:
        return _unauthorised()
    report, private_key = held
    thread = read_thread(db(), report, REPORTER, private_key, "reporter")
    db().commit()
    reason = closed_reason(db(), report)
    return jsonify({"messages": [_json(m) for m in thread], "can_write": reason is None,
                    "closed_reason": reason})


@bp.post("/reports/messages")
@limiter.limit(RECEIPT_LOOKUP_LIMIT, deduct_when=failed_lookup)
@argon2_bounded()
@accepts_files
def write():
    """JSON ``{"text"}``, or multipart/form-data with ``text`` and up to five ``attachments``."""
    held = _authorise()
    if held is None:
        return _unauthorised()
    uploads = []
    if request.mimetype == "multipart/form-data":
        data: object = request.form.to_dict()
        uploads = received(request)
    elif request.is_json:
        data = request.get_json(silent=True)
    else:
        return error_response(415)
    if not isinstance(data, dict):
        return error_response(400, "invalid_json", "Tělo požadavku musí být objekt JSON.")
    report, private_key = held
    try:
        files = sanitise_all(uploads)
        message = add_message(db(), settings(), report, MessageAuthor.REPORTER, data.get("text"),
                              private_key, attachments=files)
    except InvalidSubmission as exc:
        db().rollback()
        return error_response(400, exc.code, exc.message, field=exc.field)
    except ConversationClosed as exc:
        db().rollback()
        return error_response(409, "conversation_closed", exc.message)
    except InvalidMessage as exc:
        db().rollback()
        return error_response(400, "invalid_text", exc.message, field="text")
    record(db(), "reporter", "message.sent", f"report:{report.id}", message_id=message.id,
           awaiting_moderation=awaits_moderation(message), attachments=len(files))
    db().commit()
    return jsonify({"id": message.id, "awaiting_moderation": awaits_moderation(message),
                    "attachments": len(files)}), 201
