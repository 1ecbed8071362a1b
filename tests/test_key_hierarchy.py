"""School keys: per-member wraps, re-grant without re-encryption, recovery."""

from __future__ import annotations

import pytest

from crypto import DecryptionError
from crypto.envelope import find_key, open_report, unwrap_from
from crypto.school_keys import grant_member, unlock_for_member, unlock_with_recovery
from intake.pipeline import submit_report
from intake.validation import Submission
from models import KeyRecipient, Report, SchoolKey
from ozvise.config import TEST_KDF
from tests.factories import register_school


def test_regrant_gives_second_member_access_without_reencrypting(session, settings):
    reg = register_school(session)
    receipt = submit_report(session, settings, Submission(reg.school.id, "Eliška Vondrová",
                                                         "4.C", "Eliška pláče každý den."))
    report = session.get(Report, receipt.report_id)
    ciphertexts_before = (report.text_ct, report.victim_name_ct,
                          [k.wrapped_key for k in report.keys])
    admin, admin_pw = reg.members["admin"]
    handler, _forgotten = reg.members["handler"]
    school_key = session.get(SchoolKey, admin.school_key_id)

    with pytest.raises(DecryptionError):
        unlock_for_member(handler, school_key, "new password nobody set yet")
    private = unlock_for_member(admin, school_key, admin_pw)
    grant_member(handler, school_key, private, "nove-heslo-resitele", TEST_KDF)
    session.commit()

    reopened = unlock_for_member(handler, school_key, "nove-heslo-resitele")
    data_key = unwrap_from(report, find_key(report, KeyRecipient.SCHOOL, school_key.id), reopened)
    assert open_report(report, data_key).victim_name == "Eliška Vondrová"
    session.refresh(report)
    assert (report.text_ct, report.victim_name_ct,
            [k.wrapped_key for k in report.keys]) == ciphertexts_before


def test_wrong_password_and_recovery_key(session):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    school_key = session.get(SchoolKey, admin.school_key_id)
    with pytest.raises(DecryptionError):
        unlock_for_member(admin, school_key, password + "x")
    assert unlock_with_recovery(school_key, reg.recovery_key) == \
        unlock_for_member(admin, school_key, password)
