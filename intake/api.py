"""JSON API v1 for the mobile app (errors: {"error": {"code", "message"}})."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from intake.pipeline import IntakeUnavailable, submit_report
from intake.schools import search_schools
from intake.validation import InvalidSubmission, validate_submission
from ozvise.context import settings
from ozvise.db import db
from ozvise.errors import error_response
from ozvise.extensions import limiter

bp = Blueprint("api", __name__)


def school_json(school) -> dict[str, object]:  # noqa: ANN001
    return {"id": school.id, "red_izo": school.red_izo, "name": school.name,
            "address": school.address}


@bp.get("/schools")
def schools():
    query = (request.args.get("q") or "").strip()[:100]
    return jsonify({"schools": [school_json(s) for s in search_schools(db(), query)]})


@bp.post("/reports")
@limiter.limit(lambda: settings().rate_limit_reports)
def create_report():
    if not request.is_json:
        return error_response(415)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return error_response(400, "invalid_json", "Tělo požadavku musí být objekt JSON.")
    try:
        submission = validate_submission(data, settings().max_description_chars)
        receipt = submit_report(db(), settings(), submission)
    except InvalidSubmission as exc:
        return error_response(400 if exc.code != "school_unknown" else 422, exc.code,
                              exc.message, field=exc.field)
    except IntakeUnavailable:
        return error_response(503, "school_unavailable",
                              "Tato škola zatím hlášení přijímat nemůže.")
    return jsonify({"receipt": receipt.code}), 201
