"""Property tests for the key hierarchy (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import DecryptionError, FieldContext, new_data_key, open_field, seal_field
from crypto.hpke import WrappedKey, generate_keypair, report_key_info, unwrap_key, wrap_key
from crypto.passwords import PasswordWrap, unwrap_with_password, wrap_with_password
from crypto.recovery import new_recovery_key, unwrap_with_recovery_key, wrap_with_recovery_key
from ozvise.config import TEST_KDF

PAIR = generate_keypair()
OTHER = generate_keypair()
ids = st.text(alphabet="0123456789abcdef", min_size=1, max_size=32)
fields = st.sampled_from(["victim_name", "victim_class", "text", "redaction:[OSOBA 1]"])


def flip(blob: bytes, index: int, bit: int) -> bytes:
    index %= len(blob)
    return blob[:index] + bytes([blob[index] ^ (1 << bit)]) + blob[index + 1:]


@given(st.text(max_size=2000), ids, fields)
def test_field_round_trip(plaintext, report_id, field):
    key = new_data_key()
    sealed = seal_field(key, plaintext, FieldContext(report_id, field))
    assert open_field(key, sealed, FieldContext(report_id, field)).decode() == plaintext


@given(st.binary(max_size=300), st.integers(min_value=0), st.integers(0, 7))
def test_any_bit_flip_in_field_ciphertext_fails(plaintext, index, bit):
    key, context = new_data_key(), FieldContext("r1", "text")
    sealed = seal_field(key, plaintext, context)
    with pytest.raises(DecryptionError):
        open_field(key, flip(sealed, index, bit), context)


@given(st.text(min_size=1, max_size=50), ids, ids, fields, fields)
def test_ciphertext_cannot_move_between_reports_or_fields(plaintext, rid_a, rid_b, fa, fb):
    if (rid_a, fa) == (rid_b, fb):
        return
    key = new_data_key()
    sealed = seal_field(key, plaintext, FieldContext(rid_a, fa))
    with pytest.raises(DecryptionError):
        open_field(key, sealed, FieldContext(rid_b, fb))


@settings(max_examples=25, deadline=None)
@given(ids, st.integers(min_value=0), st.integers(0, 7))
def test_wrapped_data_key_round_trip_and_bit_flips(report_id, index, bit):
    data_key = new_data_key()
    wrapped = wrap_key(PAIR.public, data_key, info=report_key_info(report_id))
    assert unwrap_key(PAIR.private, wrapped, info=report_key_info(report_id)) == data_key
    damaged = WrappedKey(wrapped.suite_id, flip(wrapped.blob, index, bit))
    with pytest.raises(DecryptionError):
        unwrap_key(PAIR.private, damaged, info=report_key_info(report_id))


@settings(max_examples=10, deadline=None)
@given(ids, ids)
def test_wrapped_key_bound_to_report_and_recipient(rid_a, rid_b):
    wrapped = wrap_key(PAIR.public, new_data_key(), info=report_key_info(rid_a))
    with pytest.raises(DecryptionError):
        unwrap_key(OTHER.private, wrapped, info=report_key_info(rid_a))
    if rid_a != rid_b:
        with pytest.raises(DecryptionError):
            unwrap_key(PAIR.private, wrapped, info=report_key_info(rid_b))


@settings(max_examples=15, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40),
       st.integers(min_value=0), st.integers(0, 7))
def test_password_wrap(password, wrong, index, bit):
    wrap = wrap_with_password(PAIR.private, password, TEST_KDF, purpose=b"p")
    assert unwrap_with_password(wrap, password, purpose=b"p") == PAIR.private
    if wrong != password:
        with pytest.raises(DecryptionError):
            unwrap_with_password(wrap, wrong, purpose=b"p")
    damaged = PasswordWrap(wrap.salt, wrap.cost, flip(wrap.blob, index, bit))
    with pytest.raises(DecryptionError):
        unwrap_with_password(damaged, password, purpose=b"p")
    with pytest.raises(DecryptionError):
        unwrap_with_password(wrap, password, purpose=b"other purpose")


def test_recovery_key_round_trip_and_typos():
    recovery = new_recovery_key()
    blob = wrap_with_recovery_key(PAIR.private, recovery, purpose=b"s")
    assert unwrap_with_recovery_key(blob, recovery.lower().replace("-", " "), purpose=b"s") \
        == PAIR.private
    with pytest.raises(DecryptionError):
        unwrap_with_recovery_key(blob, new_recovery_key(), purpose=b"s")


@settings(max_examples=10, deadline=None)
@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30),
       st.text(max_size=200))
def test_regrant_gives_access_without_touching_report_ciphertexts(password_a, password_b, text):
    """Member B, re-granted from A's unlocked key, opens a report sealed before the re-grant."""
    from crypto.envelope import FIELD_TEXT, seal, unseal
    from crypto.school_keys import grant_member, unlock_for_member
    from models import SchoolKey, SchoolMember

    pair = generate_keypair()
    school_key = SchoolKey(id=7, public_key=pair.public, suite_id=pair.suite_id)
    admin, member = SchoolMember(id=1), SchoolMember(id=2)
    grant_member(admin, school_key, pair.private, password_a, TEST_KDF)

    data_key = new_data_key()
    sealed = seal("report-1", data_key, FIELD_TEXT, text)
    wrapped = wrap_key(school_key.public_key, data_key, info=report_key_info("report-1"))
    before = (sealed, wrapped.blob)

    unlocked = unlock_for_member(admin, school_key, password_a)
    grant_member(member, school_key, unlocked, password_b, TEST_KDF)
    reopened = unlock_for_member(member, school_key, password_b)
    key = unwrap_key(reopened, wrapped, info=report_key_info("report-1"))
    assert unseal("report-1", key, FIELD_TEXT, sealed) == text
    assert (sealed, wrapped.blob) == before
    if password_b != password_a:
        with pytest.raises(DecryptionError):
            unlock_for_member(member, school_key, password_a)
