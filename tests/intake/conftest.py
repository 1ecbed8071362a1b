"""Fixtures for intake tests: an offline onboarding key, and opening stored reports."""

from __future__ import annotations

import pytest

from crypto.envelope import OpenedReport, find_key, open_report, unwrap_from
from crypto.hpke import KeyPair
from crypto.onboarding import new_onboarding_keypair, write_public_key
from crypto.school_keys import unlock_with_recovery
from models import KeyRecipient, Report, SchoolKey
from tests.factories import RegisteredSchool


@pytest.fixture
def onboarding(settings) -> KeyPair:
    """An onboarding key pair: the public half configured, the private half kept by the test."""
    pair = new_onboarding_keypair()
    write_public_key(settings.onboarding_public_key_path, pair.public)
    return pair


def open_for_school(session, report: Report, reg: RegisteredSchool) -> OpenedReport:
    """Decrypt as the school would (its private key, here unlocked with the recovery key)."""
    school_key = session.get(SchoolKey, reg.school.active_key().id)
    private = unlock_with_recovery(school_key, reg.recovery_key)
    wrapped = find_key(report, KeyRecipient.SCHOOL, school_key.id)
    assert wrapped is not None, "report key is not wrapped to the school"
    return open_report(report, unwrap_from(report, wrapped, private))


def open_for_onboarding(report: Report, pair: KeyPair) -> OpenedReport:
    """Decrypt as the operator would with the offline onboarding key."""
    wrapped = find_key(report, KeyRecipient.ONBOARDING, 0)
    assert wrapped is not None, "report key is not wrapped to the onboarding key"
    return open_report(report, unwrap_from(report, wrapped, pair.private))
