"""The operator's offline onboarding key (the same fixture as the delivery tests)."""

from tests.delivery.conftest import onboarding_key  # noqa: F401
