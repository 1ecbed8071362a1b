"""Languages of the pupil's pages (Flask-Babel): Czech source, Slovak, Ukrainian
and English.

Which language a page is in, in this order:

1. ``?lang=uk`` on any pupil page (the language links in the header): the choice is kept
   in a *preference cookie* ``ozvise_lang`` that holds nothing but the language code. It is
   the same value for every pupil who reads Ukrainian, so it identifies nobody and cannot
   track anyone; it is strictly functional (a choice the pupil made), like the session
   cookie the form already needs for its CSRF token. A query parameter carried in every
   link was the alternative; it would leak the choice into every URL (and browser history)
   and be lost on each form post, so the cookie is the smaller footprint.
2. the cookie;
3. the browser's ``Accept-Language``;
4. Czech.

Staff surfaces (moderation, school portal, counsellors) stay Czech for now: their texts
are not marked for translation, and a Czech page with an English header would be worse
than a Czech one. The JSON API answers in the ``Accept-Language`` of the app's request.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, Response, g, request
from flask_babel import Babel, get_locale

#: Shipped languages and their names in themselves (for the switch).
LANGUAGES: dict[str, str] = {"cs": "Česky", "sk": "Slovensky", "uk": "Українська",
                             "en": "English"}
SOURCE_LANGUAGE = "cs"
LANG_PARAM = "lang"
LANG_COOKIE = "ozvise_lang"
LANG_COOKIE_DAYS = 180
#: Paths whose pages are staff-only and stay Czech.
STAFF_PREFIXES = ("/moderace", "/skola", "/poradce")

babel = Babel()


def is_staff_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in STAFF_PREFIXES)


def requested_language() -> str | None:
    """A valid ``?lang=`` on this request, if any."""
    value = (request.args.get(LANG_PARAM) or "").strip().lower()
    return value if value in LANGUAGES else None


def select_locale() -> str:
    if is_staff_path(request.path):
        return SOURCE_LANGUAGE
    chosen = requested_language()
    if chosen:
        return chosen
    if not request.path.startswith("/api/"):
        remembered = request.cookies.get(LANG_COOKIE)
        if remembered in LANGUAGES:
            return remembered
    return request.accept_languages.best_match(list(LANGUAGES), default=SOURCE_LANGUAGE)


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else SOURCE_LANGUAGE


def _remember_choice(response: Response) -> Response:
    chosen = requested_language()
    if chosen and request.cookies.get(LANG_COOKIE) != chosen:
        response.set_cookie(LANG_COOKIE, chosen, max_age=LANG_COOKIE_DAYS * 86400,
                            httponly=True, samesite="Lax", secure=request.is_secure)
    return response


def _language_links() -> list[dict[str, str]]:
    """The switch: the current page in each language (a plain link, no JavaScript).

    A page that answers a POST links to the same address's GET page if there is one (the
    status page to the receipt form), else to the start page, as a POST cannot be repeated
    by a link; on the report form, ``intake.js`` posts the form instead, keeping the text.
    """
    rule = request.url_rule
    keep = rule is not None and "GET" in (rule.methods or ())
    args = ({k: v for k, v in request.args.items() if k != LANG_PARAM}
            if keep and request.method == "GET" else {})
    path = request.path if keep else "/"
    return [{"code": code, "name": name,
             "href": f"{path}?{urlencode({**args, LANG_PARAM: code})}"}
            for code, name in LANGUAGES.items()]


def init_i18n(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", SOURCE_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Prague")
    babel.init_app(app, locale_selector=select_locale)
    app.after_request(_remember_choice)

    @app.context_processor
    def _i18n_helpers() -> dict[str, object]:
        if is_staff_path(request.path):
            return {"page_language": SOURCE_LANGUAGE, "language_links": []}
        g.page_language = current_language()
        return {"page_language": g.page_language, "language_links": _language_links()}
