"""Configuration from environment variables, with documented defaults.

Every setting has one name here and one environment variable; ``Settings.from_env`` is
the only place that reads the environment, so tests build ``Settings`` explicitly.
"""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from crypto.passwords import KdfCost

DEFAULT_INSTANCE_DIR = "instance"

#: Cheap Argon2id costs for the test suite only (never for real deployments).
TEST_KDF = KdfCost(time_cost=1, memory_cost_kib=8192, parallelism=1)


@dataclass(frozen=True)
class Settings:
    """All runtime settings of one installation."""

    instance_dir: Path
    database_url: str
    secret_key: str
    onboarding_public_key_path: Path
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    mail_from: str = "Ozvi se <noreply@ozvise.invalid>"
    #: the operator's real address: Reply-To of every mail and named in its last line
    contact_email: str = ""
    base_url: str = "http://127.0.0.1:5000"
    kdf: KdfCost = field(default_factory=KdfCost)
    max_body_bytes: int = 1024 * 1024
    max_description_chars: int = 20_000
    rate_limit_reports: str = "20 per hour"
    rate_limit_storage: str = "memory://"
    #: where unlocked keys wait between requests: this process's memory, or redis://…
    keyring_storage: str = "memory://"
    session_idle_minutes: int = 30
    testing: bool = False
    moderate_followups: bool = True
    #: proxies in front of the server whose X-Forwarded-For/-Proto/-Host are trusted (0: none)
    trusted_proxy_hops: int = 0
    #: Argon2id evaluations of receipt lookups and logins running at once (0: no cap)
    argon2_concurrency: int = field(default_factory=lambda: default_argon2_concurrency())
    #: how long a request waits for an Argon2 slot before it is answered "busy, try again"
    argon2_wait_ms: int = 250
    #: HMAC key of the audit log (hex); None: ``<instance>/audit_key``, created on first use
    audit_key_hex: str | None = None
    #: who runs this installation, shown in the pupil pages' footer and on /o-sluzbe
    operator_name: str = "provozovatel této instalace (nenastaveno)"
    operator_email: str = "kontakt@ozvise.invalid"
    operator_address: str = ""

    @property
    def outbox_dir(self) -> Path:
        """Where mail goes when no SMTP host is configured (one .eml file per message)."""
        return self.instance_dir / "outbox"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        """Read ``OZVISE_*`` variables; see README.md, section Configuration."""
        env = dict(os.environ if env is None else env)
        instance = Path(env.get("OZVISE_INSTANCE_DIR", DEFAULT_INSTANCE_DIR)).resolve()
        database_url = env.get("OZVISE_DATABASE_URL") or f"sqlite:///{instance / 'ozvise.db'}"
        return cls(
            instance_dir=instance,
            database_url=database_url,
            secret_key=env.get("OZVISE_SECRET_KEY") or _instance_secret(instance),
            onboarding_public_key_path=Path(
                env.get("OZVISE_ONBOARDING_PUBLIC_KEY", str(instance / "onboarding_public.key"))
            ),
            smtp_host=env.get("OZVISE_SMTP_HOST") or None,
            smtp_port=int(env.get("OZVISE_SMTP_PORT", "25")),
            smtp_user=env.get("OZVISE_SMTP_USER") or None,
            smtp_password=env.get("OZVISE_SMTP_PASSWORD") or None,
            smtp_starttls=env.get("OZVISE_SMTP_STARTTLS", "0") in {"1", "true", "yes"},
            mail_from=env.get("OZVISE_MAIL_FROM", cls.mail_from),
            contact_email=env.get("OZVISE_CONTACT_EMAIL", "").strip(),
            keyring_storage=env.get("OZVISE_KEYRING_STORAGE", cls.keyring_storage),
            base_url=env.get("OZVISE_BASE_URL", cls.base_url).rstrip("/"),
            rate_limit_storage=env.get("OZVISE_RATE_LIMIT_STORAGE", cls.rate_limit_storage),
            rate_limit_reports=env.get("OZVISE_RATE_LIMIT_REPORTS", cls.rate_limit_reports),
            trusted_proxy_hops=int(env.get("OZVISE_TRUSTED_PROXY_HOPS", "0")),
            argon2_concurrency=int(env.get("OZVISE_ARGON2_CONCURRENCY")
                                   or default_argon2_concurrency()),
            argon2_wait_ms=int(env.get("OZVISE_ARGON2_WAIT_MS", str(cls.argon2_wait_ms))),
            audit_key_hex=env.get("OZVISE_AUDIT_KEY") or None,
            operator_name=env.get("OZVISE_OPERATOR_NAME", cls.operator_name),
            operator_email=(env.get("OZVISE_OPERATOR_EMAIL") or env.get("OZVISE_CONTACT_EMAIL", "")
                            .strip() or cls.operator_email),
            operator_address=env.get("OZVISE_OPERATOR_ADDRESS", cls.operator_address),
        )

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def default_argon2_concurrency() -> int:
    """Half the CPU cores (at least one): password and receipt guesses can never take
    every core, so the pages that need no Argon2 stay fast under a guessing flood."""
    return max(1, (os.cpu_count() or 2) // 2)


def _instance_secret(instance: Path) -> str:
    """A per-installation secret kept in the instance folder, created on first use.

    It signs sessions and CSRF tokens only; it protects no report data.
    """
    path = instance / "secret_key"
    if path.exists():
        return _read_when_written(path)
    instance.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another server process started at the same moment
        return _read_when_written(path)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def _read_when_written(path: Path, attempts: int = 50) -> str:
    """The secret another process has just created (it may still be writing it)."""
    for _ in range(attempts):
        value = path.read_text().strip()
        if value:
            return value
        time.sleep(0.02)
    raise RuntimeError(f"{path.name} in the instance folder is empty")
