"""The application factory: one Flask app, one blueprint per surface."""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import Flask

from ozvise.argon2_gate import install_argon2_gate
from ozvise.audit_key import audit_key
from ozvise.client_identity import install_proxy_fix
from ozvise.config import Settings
from ozvise.db import init_db
from ozvise.errors import install_error_handlers
from ozvise.extensions import csrf, limiter
from ozvise.file_modes import secure_instance_folder
from ozvise.i18n import init_i18n
from ozvise.localtime import cs_date, cs_datetime, pupil_date
from ozvise.rate_key import install_rate_key
from ozvise.redis_store import install_store_errors
from ozvise.security import install_security_headers
from ozvise.uploads import InMemoryRequest

SETTINGS_KEY = "OZVISE_SETTINGS"


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or Settings.from_env()
    settings.instance_dir.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(settings.instance_dir),
                template_folder="templates", static_folder="static")
    app.config.update(
        SECRET_KEY=settings.secret_key,
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        MAX_FORM_MEMORY_SIZE=settings.max_body_bytes,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.base_url.startswith("https://"),
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.session_idle_minutes),
        SESSION_REFRESH_EACH_REQUEST=True,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
        RATELIMIT_STORAGE_URI=settings.rate_limit_storage,
        RATELIMIT_ENABLED=True,
        TESTING=settings.testing,
        JSON_AS_ASCII=False,
    )
    app.config[SETTINGS_KEY] = settings
    app.request_class = InMemoryRequest  # uploads never touch the disk (ozvise.uploads)
    logging.getLogger("waitress").setLevel(logging.WARNING)

    install_proxy_fix(app, settings.trusted_proxy_hops)
    secure_instance_folder(settings)
    init_db(app, settings.database_url, audit_key(settings))
    csrf.init_app(app)
    install_rate_key(app, settings.rate_limit_storage)
    limiter.init_app(app)
    install_argon2_gate(app)
    install_security_headers(app)
    install_error_handlers(app)
    install_store_errors(app)
    init_i18n(app)
    app.add_template_filter(cs_date, "cs_date")
    app.add_template_filter(cs_datetime, "cs_datetime")
    app.add_template_filter(pupil_date, "pupil_date")
    _register_blueprints(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from delivery.portal_pdf import bp as pdf_password_bp
    from intake.api import bp as api_bp
    from intake.web import bp as submit_bp
    from review_ui.attachment_files import bp as attachment_files_bp
    from review_ui.auth import init_auth
    from review_ui.conversation import bp as conversation_bp
    from review_ui.conversation_api import bp as conversation_api_bp
    from review_ui.counsellor import bp as counsellor_bp
    from review_ui.counsellor_sharing import bp as counsellor_sharing_bp
    from review_ui.followups import bp as followups_bp
    from review_ui.moderation import bp as moderation_bp
    from review_ui.portal import bp as portal_bp

    init_auth(app)
    app.register_blueprint(submit_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(moderation_bp, url_prefix="/moderace")
    app.register_blueprint(portal_bp, url_prefix="/skola")
    app.register_blueprint(pdf_password_bp, url_prefix="/skola/heslo-pdf")
    app.register_blueprint(conversation_bp)  # /skola/hlaseni/<id>/konverzace, /stav/konverzace
    app.register_blueprint(conversation_api_bp, url_prefix="/api/v1")
    app.register_blueprint(counsellor_bp, url_prefix="/poradce")
    app.register_blueprint(counsellor_sharing_bp)  # /skola/hlaseni/<id>/poradci...
    app.register_blueprint(followups_bp)  # /moderace/zpravy: reporters' follow-ups
    app.register_blueprint(attachment_files_bp)  # /skola/…/prilohy/N, /poradce/…/prilohy/N
    csrf.exempt(conversation_api_bp)  # receipt in the Authorization header, no cookies
    csrf.exempt(api_bp)  # JSON API: no cookies, no ambient authority; CSRF does not apply

