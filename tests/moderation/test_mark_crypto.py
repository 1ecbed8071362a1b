"""The marking key: derived from the data key, bound to report and placeholder."""

from __future__ import annotations

import pytest

from crypto.aead import new_data_key
from crypto.envelope import mark_keypair, open_mark, seal_mark, wrap_for
from crypto.errors import CryptoError, DecryptionError
from crypto.hpke import generate_keypair
from models import KeyRecipient, Report, new_id


def _report(data_key: bytes) -> Report:
    report = Report(id=new_id(), school_id=1)
    wrap_for(report, data_key, KeyRecipient.SCHOOL, 1, generate_keypair().public)
    return report


def test_every_wrapped_report_gets_a_marking_key_derived_from_its_data_key():
    data_key = new_data_key()
    report = _report(data_key)
    assert report.mark_public_key == mark_keypair(report.id, data_key).public
    assert report.mark_suite_id == mark_keypair(report.id, data_key).suite_id
    assert mark_keypair(new_id(), data_key).public != report.mark_public_key  # per report
    first = report.mark_public_key
    wrap_for(report, data_key, KeyRecipient.COUNSELLOR, 7, generate_keypair().public)
    assert report.mark_public_key == first  # later wraps keep it


def test_a_mark_opens_only_with_its_data_key_report_and_placeholder():
    data_key = new_data_key()
    report = _report(data_key)
    sealed = seal_mark(report, "[OSOBA 2]", "Tlusťocha")
    assert b"Tlus" not in sealed
    assert open_mark(report, data_key, "[OSOBA 2]", sealed) == "Tlusťocha"
    with pytest.raises(DecryptionError):
        open_mark(report, data_key, "[OSOBA 3]", sealed)  # moved to another placeholder
    with pytest.raises(CryptoError):
        open_mark(report, new_data_key(), "[OSOBA 2]", sealed)  # not this report's key
    other_key = new_data_key()
    other = _report(other_key)
    with pytest.raises(CryptoError):
        open_mark(other, other_key, "[OSOBA 2]", sealed)  # moved to another report
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(DecryptionError):
        open_mark(report, data_key, "[OSOBA 2]", tampered)


def test_a_report_without_a_marking_key_refuses_marks():
    with pytest.raises(CryptoError):
        seal_mark(Report(id=new_id(), school_id=1), "[OSOBA 1]", "x")
