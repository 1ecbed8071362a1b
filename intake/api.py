"""JSON API v1 for the mobile app; described by ``openapi.json`` next to this module.

Errors are always ``{"error": {"code", "message", "field"?}}``; the message speaks to the
pupil ("ty") in the language of the request's ``Accept-Language`` (Czech by default).
The receipt travels only in the ``Authorization`` header, never in a URL (URLs end up in
proxy logs and browser histories).
"""

from __future__ import annotations

import json
from importlib import resources

from flask import Blueprint, Response, jsonify, request
from flask_babel import gettext, lazy_gettext
from sqlalchemy.exc import SQLAlchemyError

from intake.pipeline import IntakeUnavailable, submit_report
from intake.receipts import RECEIPT_LOOKUP_LIMIT, report_for_receipt, status_summary
from intake.schools import MAX_QUERY_CHARS, search_schools
from intake.uploads import received, submission_with_files
from intake.validation import InvalidSubmission
from ozvise.argon2_gate import argon2_bounded
from ozvise.context import settings
from ozvise.db import db
from ozvise.errors import error_response
from ozvise.extensions import limiter
from ozvise.limit_policy import accepted_report, failed_lookup
from ozvise.uploads import accepts_files

bp = Blueprint("api", __name__)
STORE_FAILED = ("store_failed", lazy_gettext("Hlášení se nepodařilo uložit a nic nebylo "
                                             "odesláno. Zkus to prosím za chvíli znovu."))


def school_json(school) -> dict[str, object]:  # noqa: ANN001
    return {"id": school.id, "red_izo": school.red_izo, "name": school.name,
            "town": school.town, "address": school.address}


@bp.get("/openapi.json")
def openapi() -> Response:
    document = resources.files("intake").joinpath("openapi.json").read_text(encoding="utf-8")
    return Response(document, mimetype="application/json")


@bp.get("/schools")
def schools():
    query = request.args.get("q") or ""
    if len(query) > MAX_QUERY_CHARS:
        return error_response(400, "query_too_long", gettext(
            "Hledaný text může mít nejvýše %(limit)s znaků.", limit=MAX_QUERY_CHARS), field="q")
    return jsonify({"schools": [school_json(s) for s in search_schools(db(), query)]})


def _json_object() -> dict[str, object] | None:
    """The body as a JSON object, or None (invalid UTF-8, invalid or too deeply nested JSON)."""
    try:
        data = json.loads(request.get_data(cache=False).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


@bp.post("/reports")
@limiter.limit(lambda: settings().rate_limit_reports, deduct_when=accepted_report)
@accepts_files
def create_report():
    """JSON, or multipart/form-data with the same fields as form fields plus up to five
    ``attachments`` file parts (see ``openapi.json``)."""
    uploads = []
    if request.mimetype == "multipart/form-data":
        data: dict[str, object] | None = request.form.to_dict()
        uploads = received(request)
    elif request.is_json:
        data = _json_object()
    else:
        return error_response(415, message=gettext(
            "Nepodporovaný typ obsahu; pošli application/json, nebo s přílohami "
            "multipart/form-data."))
    if data is None:
        return error_response(400, "invalid_json", gettext(
            "Tělo požadavku musí být objekt JSON v kódování UTF-8."))
    try:
        submission = submission_with_files(data, uploads, settings().max_description_chars)
        receipt = submit_report(db(), settings(), submission)
    except InvalidSubmission as exc:
        return error_response(422 if exc.code == "school_unknown" else 400, exc.code,
                              exc.message, field=exc.field)
    except IntakeUnavailable:
        return error_response(503, "school_unavailable",
                              gettext("Tato škola zatím hlášení přijímat nemůže."))
    except SQLAlchemyError:
        db().rollback()
        return error_response(503, STORE_FAILED[0], str(STORE_FAILED[1]))
    summary = status_summary(db(), receipt.report_id)
    return jsonify({"receipt": receipt.code, **summary,
                    "attachments": len(submission.attachments)}), 201


@bp.get("/reports/status")
@limiter.limit(RECEIPT_LOOKUP_LIMIT, deduct_when=failed_lookup)
@argon2_bounded(("GET",))
def report_status():
    scheme, _, credential = (request.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not credential.strip():
        response = error_response(401, "receipt_missing", gettext(
            "Pošli kód hlášení v hlavičce Authorization: Bearer <kód>."))
        response[0].headers["WWW-Authenticate"] = 'Bearer realm="ozvise-receipt"'
        return response
    report = report_for_receipt(db(), credential)
    if report is None:
        response = error_response(401, "receipt_unknown", gettext(
            "Kód hlášení neznáme. Zkontroluj, že je opsaný celý a správně."))
        response[0].headers["WWW-Authenticate"] = 'Bearer realm="ozvise-receipt"'
        return response
    return jsonify(status_summary(db(), report.id))
