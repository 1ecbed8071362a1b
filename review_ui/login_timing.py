"""Equal work for unknown and known accounts at every login form (no enumeration by timing).

A login for an account that does not exist would otherwise answer without running Argon2
and so tens of milliseconds sooner than a wrong password for a real account, telling an
attacker which e-mails and usernames exist. Every login surface calls ``equal_time_miss``
when there is no account to check, which verifies the password against a dummy hash of
the installation's current cost.
"""

from __future__ import annotations

from crypto.passwords import hash_password, verify_password
from ozvise.context import settings

_dummy_hashes: dict[str, str] = {}


def equal_time_miss(password: str) -> None:
    """Spend one Argon2id verification, as a known account's wrong password would."""
    cost = settings().kdf
    key = cost.to_json()
    if key not in _dummy_hashes:
        _dummy_hashes[key] = hash_password("ozvise-dummy-password", cost)
    verify_password(_dummy_hashes[key], password)
