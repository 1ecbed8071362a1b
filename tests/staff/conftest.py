"""The moderation fixtures (a registered school, a logged-in moderator, pending reports)."""

from tests.moderation.conftest import mod_client, moderator, pending, school  # noqa: F401
