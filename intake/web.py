"""The pupil's web form: works without JavaScript, Czech, mobile-first.

Without JavaScript the school picker is a GET search form that reloads the page with the
matching schools; ``static/intake.js`` only makes that search live. The receipt is shown
on the response to the POST and never put into a URL.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy.exc import SQLAlchemyError

from intake.delivery_state import status_label
from intake.pipeline import IntakeUnavailable, submit_report
from intake.receipts import RECEIPT_LOOKUP_LIMIT, receipt_groups, report_for_receipt
from intake.schools import MAX_QUERY_CHARS, full_list, search_schools
from intake.validation import (
    InvalidSubmission,
    parse_school_id,
    refuse_undecoded_form_bytes,
    validate_submission,
)
from models import School
from ozvise.argon2_gate import argon2_bounded
from ozvise.context import settings
from ozvise.db import db
from ozvise.extensions import limiter
from ozvise.limit_policy import accepted_report, failed_lookup

bp = Blueprint("submit", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/intake")

HONEYPOT_FIELD = "website"


def _selected_school_id() -> int | None:
    raw = request.form.get("school_id") or request.args.get("school_id")
    try:
        return parse_school_id(raw) if raw else None
    except InvalidSubmission:
        return None


def _render_form(error: str | None = None, error_field: str | None = None, status: int = 200):
    query = (request.values.get("q") or "").strip()[:MAX_QUERY_CHARS]
    schools = search_schools(db(), query) if query else full_list(db())
    selected = _selected_school_id()
    if selected and all(s.id != selected for s in schools):
        chosen = db().get(School, selected)
        if chosen is not None:
            schools.insert(0, chosen)
    if selected is None and query and len(schools) == 1:
        selected = schools[0].id
    return render_template("intake/form.html", schools=schools, query=query,
                           selected_school=selected, form=request.form, error=error,
                           error_field=error_field,
                           max_chars=settings().max_description_chars), status


@bp.get("/")
def form():
    return _render_form()


@bp.post("/nahlasit")
@limiter.limit(lambda: settings().rate_limit_reports, deduct_when=accepted_report)
def submit():
    if request.form.get(HONEYPOT_FIELD):
        return _render_form("Formulář se nepodařilo odeslat. Pole „Nevyplňujte“ musí zůstat "
                            "prázdné.", status=400)
    try:
        data = request.form.to_dict()
        if request.mimetype == "application/x-www-form-urlencoded":
            refuse_undecoded_form_bytes(data)
        submission = validate_submission(data, settings().max_description_chars)
        receipt = submit_report(db(), settings(), submission)
    except InvalidSubmission as exc:
        return _render_form(exc.message, exc.field, status=400)
    except IntakeUnavailable:
        return _render_form("Tato škola zatím hlášení přijímat nemůže. Zkuste to prosím později.",
                            status=503)
    except SQLAlchemyError:
        db().rollback()
        return _render_form("Hlášení se nepodařilo uložit a nic nebylo odesláno. Zkuste to "
                            "prosím za chvíli znovu.", status=503)
    return render_template("intake/receipt.html", receipt=receipt.code, urgent=receipt.urgent,
                           groups=receipt_groups(receipt.code)), 201


@bp.route("/stav", methods=["GET", "POST"])
@limiter.limit(RECEIPT_LOOKUP_LIMIT, methods=["POST"], deduct_when=failed_lookup)
@argon2_bounded()
def status_lookup():
    if request.method == "GET":
        return render_template("intake/status_lookup.html")
    report = report_for_receipt(db(), request.form.get("receipt", ""))
    if report is None:
        return render_template("intake/status_lookup.html",
                               error="Kód neznáme. Zkontrolujte prosím, že jste ho opsali "
                                     "celý a správně."), 404
    return render_template("intake/status.html", report=report,
                           status_label=status_label(db(), report))
