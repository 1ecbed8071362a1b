"""Configuration from environment variables, with documented defaults.

Every setting has one name here and one environment variable; ``Settings.from_env`` is
the only place that reads the environment, so tests build ``Settings`` explicitly.
"""

from __future__ import annotations

import os
import secrets
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
    base_url: str = "http://127.0.0.1:5000"
    kdf: KdfCost = field(default_factory=KdfCost)
    max_body_bytes: int = 1024 * 1024
    max_description_chars: int = 20_000
    rate_limit_reports: str = "20 per hour"
    rate_limit_storage: str = "memory://"
    session_idle_minutes: int = 30
    testing: bool = False
    moderate_followups: bool = True
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
            base_url=env.get("OZVISE_BASE_URL", cls.base_url).rstrip("/"),
            rate_limit_storage=env.get("OZVISE_RATE_LIMIT_STORAGE", cls.rate_limit_storage),
            rate_limit_reports=env.get("OZVISE_RATE_LIMIT_REPORTS", cls.rate_limit_reports),
            operator_name=env.get("OZVISE_OPERATOR_NAME", cls.operator_name),
            operator_email=env.get("OZVISE_OPERATOR_EMAIL", cls.operator_email),
            operator_address=env.get("OZVISE_OPERATOR_ADDRESS", cls.operator_address),
        )

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _instance_secret(instance: Path) -> str:
    """A per-installation secret kept in the instance folder, created on first use.

    It signs sessions and CSRF tokens only; it protects no report data.
    """
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value
