"""The pupil's web form: works without JavaScript, mobile-first, never loses what was typed.

One form holds everything, the school search included: "Hledat školu" (and Enter in any
one-line field, as it is the form's first button) posts the whole form to ``redisplay``,
which searches and shows the form again, filled. Every refusal — a validation error (all
of them at once, next to their fields), an expired CSRF token (a pupil writing for more
than half an hour), the rate limit — answers with the same filled form and a fresh token.

Post/Redirect/Get: a stored report answers 303 to ``/odeslano``, which shows the receipt
from the server's in-memory key ring (the session cookie holds only a random handle, never
the receipt), so reloading it never sends the report again. "Hotovo" forgets the receipt
and the session on this device (a shared phone). The receipt is never put into a URL.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError

from crypto.receipts import RECEIPT_DIGITS
from intake.pipeline import IntakeUnavailable, submit_report
from intake.receipts import RECEIPT_LOOKUP_LIMIT, receipt_groups, report_for_receipt
from intake.schools import MAX_QUERY_CHARS, full_list, search_schools
from intake.status import status_text
from intake.uploads import files_were_sent, form_limits, received, submission_with_files
from intake.validation import (
    InvalidSubmission,
    parse_school_id,
    refuse_undecoded_form_bytes,
)
from models import School
from ozvise.argon2_gate import argon2_bounded
from ozvise.context import settings
from ozvise.db import db
from ozvise.errors import error_response
from ozvise.extensions import limiter
from ozvise.limit_policy import accepted_report, failed_lookup
from ozvise.uploads import accepts_files

bp = Blueprint("submit", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/intake")

HONEYPOT_FIELD = "website"
#: Owner tag of a receipt waiting in the key ring to be shown after the redirect.
RECEIPT_OWNER = "receipt-to-show"
RECEIPT_HANDLE = "receipt_handle"
#: appended to the held receipt when the report was flagged urgent (the page then shows help)
URGENT_MARK = "|urgent"
MAX_RECEIPT_INPUT = 80


def _selected_school_id() -> int | None:
    raw = request.form.get("school_id") or request.args.get("school_id")
    try:
        return parse_school_id(raw) if raw else None
    except InvalidSubmission:
        return None


def _render_form(errors: dict[str, str] | None = None, notice: str | None = None,
                 status: int = 200):
    """The form, filled with whatever this request carried; ``errors`` by field name."""
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
                           selected_school=selected, form=request.form, errors=errors or {},
                           notice=notice, searched=bool(query) or request.method == "GET",
                           files_dropped=files_were_sent(request),
                           max_chars=settings().max_description_chars), status


@bp.get("/")
def form():
    return _render_form()


@bp.post("/nahlasit/skola")
@accepts_files  # the form's first button posts it all, chosen files included
def redisplay():
    """Search the school again (or change the language) without losing a word."""
    notice = None
    if not (request.form.get("q") or "").strip():
        notice = gettext("Hlášení zatím není odeslané. Až budeš mít vše vyplněné, odešli ho "
                         "tlačítkem „Odeslat hlášení“ dole.")
    return _render_form(notice=notice)


@bp.post("/nahlasit")
@limiter.limit(lambda: settings().rate_limit_reports, deduct_when=accepted_report)
@accepts_files
def submit():
    if request.form.get(HONEYPOT_FIELD):
        return _render_form({"form": gettext("Formulář se nepodařilo odeslat. Pole "
                                             "„Nevyplňujte“ musí zůstat prázdné.")}, status=400)
    try:
        data = request.form.to_dict()
        if request.mimetype == "application/x-www-form-urlencoded":
            refuse_undecoded_form_bytes(data)
        submission = submission_with_files(data, received(request),
                                           settings().max_description_chars)
        receipt = submit_report(db(), settings(), submission)
    except InvalidSubmission as exc:
        return _render_form({field: e.message for field, e in exc.errors.items()}, status=400)
    except IntakeUnavailable:
        return _render_form({"form": gettext("Tato škola zatím hlášení přijímat nemůže. Zkus to "
                                             "prosím později.")}, status=503)
    except SQLAlchemyError:
        db().rollback()
        return _render_form({"form": gettext("Hlášení se nepodařilo uložit a nic nebylo "
                                             "odesláno. Zkus to prosím za chvíli znovu.")},
                            status=503)
    from review_ui.auth import keyring

    keyring().drop(session.get(RECEIPT_HANDLE))
    held = receipt.code + (URGENT_MARK if receipt.urgent else "")
    session[RECEIPT_HANDLE] = keyring().put(RECEIPT_OWNER, held.encode())
    return redirect(url_for("submit.receipt"), 303)


@bp.get("/odeslano")
def receipt():
    from review_ui.auth import keyring

    held = keyring().get(session.get(RECEIPT_HANDLE), RECEIPT_OWNER)
    if held is None:
        return render_template("intake/receipt.html", receipt=None, groups=[])
    code, mark, _rest = held.decode().partition(URGENT_MARK)
    return render_template("intake/receipt.html", receipt=code, urgent=bool(mark),
                           groups=receipt_groups(code))


@bp.post("/odeslano/hotovo")
def finished():
    """Forget the receipt and the report's conversation key on this device now (a shared
    phone); the typed text was never kept anywhere but in the page."""
    from review_ui.auth import keyring
    from review_ui.conversation import REPORTER_HANDLE

    for name in (RECEIPT_HANDLE, REPORTER_HANDLE):  # only the pupil's: a staff login stays
        keyring().drop(session.pop(name, None))
    return redirect(url_for("submit.form", vycisteno=1), 303)


def _receipt_problem(typed: str) -> str | None:
    """What is wrong with a typed receipt, said precisely (before any costly lookup)."""
    stripped = "".join(ch for ch in typed if not ch.isspace() and ch not in "-–.")
    if not stripped:
        return gettext("Napiš prosím kód hlášení.")
    if any(not (ch.isascii() and ch.isdigit()) for ch in stripped):
        return gettext("Kód má jen číslice (a mezery nebo pomlčky mezi skupinami). Zkontroluj, "
                       "že v něm není písmeno – třeba O místo nuly.")
    if len(stripped) != RECEIPT_DIGITS:
        return gettext("Kód má %(expected)s číslic, tenhle jich má %(typed)s. "
                       "Zkontroluj, že ti žádná nechybí a žádná nepřebývá.",
                       expected=RECEIPT_DIGITS, typed=len(stripped))
    return None


def _render_lookup(error: str | None = None, status: int = 200):
    typed = (request.form.get("receipt") or "")[:MAX_RECEIPT_INPUT]
    return render_template("intake/status_lookup.html", error=error, typed=typed), status


@bp.route("/stav", methods=["GET", "POST"])
@limiter.limit(RECEIPT_LOOKUP_LIMIT, methods=["POST"], deduct_when=failed_lookup)
@argon2_bounded()
def status_lookup():
    if request.method == "GET":
        return _render_lookup()
    typed = request.form.get("receipt", "")
    problem = _receipt_problem(typed[:MAX_RECEIPT_INPUT])
    if problem:
        return _render_lookup(problem, 400)
    report = report_for_receipt(db(), typed)
    if report is None:
        return _render_lookup(gettext("Hlášení s tímto kódem jsme nenašli. Počet číslic sedí, "
                                      "takže se nejspíš některá liší – porovnej kód "
                                      "s tím, co máš uložené."), 404)
    text = status_text(db(), report)
    return render_template("intake/status.html", report=report, status=text)


@bp.get("/o-sluzbe")
def about():
    from ozvise.retention import YEARS_AFTER, YEARS_MAX

    return render_template("intake/about.html",
                           retention={"after": YEARS_AFTER, "max": YEARS_MAX})


@bp.app_context_processor
def _upload_limits() -> dict[str, int]:
    """The file limits every page with a file field shows (report form, follow-ups)."""
    return form_limits()


@bp.app_context_processor
def _operator() -> dict[str, object]:
    return {"operator": {"name": settings().operator_name, "email": settings().operator_email,
                         "address": settings().operator_address}}


@bp.errorhandler(CSRFError)
def _expired_form(_exc: CSRFError):
    """An expired or missing token (half an hour of writing): the form comes back filled."""
    if request.endpoint in ("submit.submit", "submit.redisplay"):
        return _render_form({"form": gettext(
            "Formulář vypršel (bezpečnostní pojistka po 30 minutách), ale nic se "
            "neztratilo: tvůj text je níže. Zkontroluj ho a odešli znovu.")},
            status=400)
    if request.endpoint == "submit.status_lookup":
        return _render_lookup(gettext("Formulář vypršel. Kód je níže, odešli ho prosím "
                                      "znovu."), 400)
    return error_response(400, "csrf_failed", gettext(
        "Formulář vypršel nebo nebyl odeslán z této stránky. Načti ji prosím znovu a "
        "odešli formulář ještě jednou."))


@bp.errorhandler(429)
def _too_many(_exc):  # noqa: ANN001
    """The rate limit keeps the text too, and says when to try again."""
    if request.endpoint == "submit.submit":
        return _render_form({"form": gettext(
            "Z tohoto připojení teď přišlo hodně hlášení za sebou, a tak jsme toto zatím "
            "nepřijali. Nic se neztratilo: text máš níže. Zkus ho odeslat znovu za chvíli "
            "(nejpozději za hodinu).")}, status=429)
    if request.endpoint == "submit.status_lookup":
        return _render_lookup(gettext("Příliš mnoho pokusů za sebou. Počkej prosím minutu "
                                      "a zkus to znovu."), 429)
    return error_response(429)
