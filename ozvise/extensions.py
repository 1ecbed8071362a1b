"""Flask extensions, created unbound so blueprints can import them (application factory)."""

from flask_limiter import Limiter
from flask_wtf.csrf import CSRFProtect

from ozvise.security import hashed_client_key

csrf = CSRFProtect()
limiter = Limiter(key_func=hashed_client_key, default_limits=[], headers_enabled=True)
