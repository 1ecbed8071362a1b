"""Errors as Czech pages for people and as JSON with a machine code for the API.

Staff pages speak "vy" (``MESSAGES``); the pupil's pages and the JSON API speak "ty" in the
pupil's language (``PUPIL_MESSAGES``), like every other pupil text.
"""

from __future__ import annotations

import traceback

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext, lazy_gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: ("bad_request", "Požadavek se nepodařilo zpracovat. Zkontrolujte prosím zadané údaje."),
    403: ("forbidden", "K této stránce nemáte přístup."),
    404: ("not_found", "Stránka nebo záznam neexistuje."),
    405: ("method_not_allowed", "Tato akce zde není povolena."),
    413: ("too_large", "Odesílaná data jsou příliš velká (nejvýše 1 MB)."),
    415: ("unsupported_media_type", "Nepodporovaný typ obsahu; pošlete application/json."),
    429: ("rate_limited", "Příliš mnoho pokusů. Zkuste to prosím znovu za chvíli."),
    500: ("server_error", "Na serveru nastala chyba. Nic z odeslaného se neztratilo, "
                          "zkuste to prosím znovu."),
}

PUPIL_MESSAGES = {
    400: lazy_gettext("Požadavek se nepodařilo zpracovat. Zkontroluj prosím vyplněné údaje."),
    403: lazy_gettext("K této stránce nemáš přístup."),
    404: lazy_gettext("Tahle stránka neexistuje."),
    405: lazy_gettext("Tohle tady udělat nejde."),
    413: lazy_gettext("Odesílaná data jsou příliš velká (nejvýše 1 MB)."),
    415: lazy_gettext("Nepodporovaný typ obsahu; pošli application/json."),
    429: lazy_gettext("Příliš mnoho pokusů. Zkus to prosím znovu za chvíli."),
    500: lazy_gettext("Na serveru nastala chyba. Zkus to prosím znovu."),
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, code: str | None = None, message: str | None = None,
                   **extra: object):
    default_code, default_message = MESSAGES.get(status, ("error", "Nastala chyba."))
    from ozvise.i18n import is_staff_path

    if not is_staff_path(request.path) and status in PUPIL_MESSAGES:
        default_message = str(PUPIL_MESSAGES[status])
    code, message = code or default_code, message or default_message
    if wants_json():
        return jsonify({"error": {"code": code, "message": message, **extra}}), status
    return render_template("error.html", status=status, message=message), status


def install_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(_exc: CSRFError):
        from ozvise.i18n import is_staff_path

        if is_staff_path(request.path):
            return error_response(400, "csrf_failed", "Formulář vypršel nebo nebyl odeslán z "
                                                      "této stránky. Načtěte ji prosím znovu a "
                                                      "odešlete formulář ještě jednou.")
        return error_response(400, "csrf_failed", gettext(
            "Formulář vypršel nebo nebyl odeslán z této stránky. Načti ji prosím znovu a "
            "odešli formulář ještě jednou."))

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        from ozvise.uploads import MAX_FILE_MB, MAX_FILES, UPLOAD_BODY_MB, may_carry_files

        if exc.code == 413 and may_carry_files(request):
            return error_response(413, "too_large", gettext(
                "Hlášení jsme nepřijali: soubory byly dohromady moc velké (víc než "
                "%(limit)s MB), a tak nešlo přečíst ani text. Vrať se prosím zpět, přilož "
                "nejvýše %(files)s souborů, každý do %(each)s MB, a odešli ho znovu.",
                limit=UPLOAD_BODY_MB, files=MAX_FILES, each=MAX_FILE_MB))
        return error_response(exc.code or 500)

    @app.errorhandler(UnicodeDecodeError)
    def _unicode(_exc: UnicodeDecodeError):
        return error_response(400, "invalid_encoding", gettext("Text není platné UTF-8."))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        # The traceback's frames but not the exception's message: a message may quote input.
        frames = "".join(traceback.format_tb(exc.__traceback__))
        app.logger.error("unhandled %s on %s\n%s", type(exc).__name__, request.endpoint, frames)
        return error_response(500)
