"""The server alone cannot read a report: the database and the instance folder, without a
member's password, open none of the stored key material.

Every path to a report's data key is tried with every string and byte value that rests
in the database or the instance folder (including the e-mails in the outbox, so the
invitation links and confirmation tokens are tried too): each member's password wrap,
each pending invitation wrap, the school's recovery wrap, each counsellor's wrap, and
any stored value that could itself be a private key or a data key. A positive control
opens every path with the real secrets, so the attempts are known to be able to succeed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from crypto.counsellor_keys import unlock_counsellor_key
from crypto.envelope import find_key, open_report, unwrap_from
from crypto.errors import CryptoError
from crypto.passwords import KdfCost, PasswordWrap, unwrap_with_password
from crypto.school_keys import unlock_for_member, unlock_with_recovery
from models import Counsellor, KeyRecipient, Report, SchoolKey, SchoolMember
from review_ui.portal import invitations
from tests.at_rest import stored_values
from tests.counsellor.helpers import PASSWORD as COUNSELLOR_PASSWORD
from tests.counsellor.helpers import make_counsellor
from tests.factories import csrf_token, delivered_report, make_school
from tests.portal.helpers import (
    CONTACTS,
    FIRST_PASSWORD,
    enter_code,
    link_path,
    member_by_email,
    outbox,
    registration_form,
)
from tests.school_trust.helpers import (
    answer,
    register_mail,
)

NAME = "Leontýna Šebestová"


def _at_rest(settings, session) -> tuple[set[str], list[bytes]]:
    """Every candidate secret: strings and their tokens; every byte value."""
    texts, blobs = set(), []
    for _table, _column, value in stored_values(session):
        if isinstance(value, bytes):
            blobs.append(value)
        elif value is not None:
            texts.add(str(value))
    for path in Path(settings.instance_dir).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            blobs.append(data)
            texts.add(data.decode("utf-8", "replace"))
    tokens = set()
    for text in texts:
        tokens.add(text)
        tokens.update(re.split(r"[\s/?=&<>\"']+", text))
    return {t for t in tokens if 0 < len(t) <= 300}, blobs


def _fails(attempt) -> bool:  # noqa: ANN001
    try:
        attempt()
    except (CryptoError, ValueError):
        return True
    return False


def _invitation_wrap(member: SchoolMember) -> PasswordWrap:
    return PasswordWrap(salt=member.invite_wrap_salt,
                        cost=KdfCost.from_json(member.invite_wrap_kdf),
                        blob=member.pending_key_wrap)


@pytest.mark.slow  # about a minute: thousands of Argon2id attempts
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_nothing_at_rest_opens_any_key(client, app, session, settings):
    school = make_school(session)
    session.commit()
    client.post("/skola/registrace", data=registration_form(client, school.red_izo))
    client.get("/skola/overeni")
    enter_code(client, member_by_email(session, CONTACTS[0][1]))
    page = client.get("/skola/registrace/hotovo").get_data(as_text=True)
    recovery = re.search(r'id="recovery-key">([0-9A-Z-]+)<', page).group(1)
    code = re.search(r'<td class="code"[^>]*>([0-9A-Z-]+)<', page).group(1)
    _mail, confirm_link, confirm_code = register_mail(session)  # the register address confirms
    assert answer(app.test_client(), confirm_link, confirm_code, yes=True).status_code == 200
    report, _ = delivered_report(app.test_client(), session, settings, school.id,
                                 f"{NAME} je terčem posměchu.", name=NAME, klass="3.C")
    report_path = f"/skola/hlaseni/{report.id}"
    client.post(f"{report_path}/poznamka", data={"csrf_token": csrf_token(client, report_path),
                                                 "body": "Poznámka o Leontýně."})
    counsellor = make_counsellor(session, "poradkyne")

    session.expire_all()
    candidates, blobs = _at_rest(settings, session)
    report = session.get(Report, report.id)
    school_key = session.scalars(select(SchoolKey)).one()
    first = member_by_email(session, CONTACTS[0][1])
    second = member_by_email(session, CONTACTS[1][1])
    counsellor = session.get(Counsellor, counsellor.id)
    (invitation,) = outbox(session, "member_invitation")
    link_token = link_path(invitation.body, "/skola/pozvanka/").rsplit("/", 1)[1]
    assert link_token in candidates  # the e-mail copy is at rest, and it is tried
    assert len(candidates) > 50

    # positive control: the real secrets open every path
    private = unlock_for_member(first, school_key, FIRST_PASSWORD)
    assert unlock_with_recovery(school_key, recovery) == private
    assert unwrap_with_password(_invitation_wrap(second), f"{link_token}\x00"
                                f"{invitations.normalise_code(code)}",
                                purpose=invitations._purpose(second)) == private
    data_key = unwrap_from(report, find_key(report, KeyRecipient.SCHOOL, school_key.id), private)
    assert open_report(report, data_key).victim_name == NAME

    # the attack: everything at rest, tried on every path
    for candidate in candidates:
        assert _fails(lambda c=candidate: unlock_for_member(first, school_key, c)), candidate
        assert _fails(lambda c=candidate: unlock_with_recovery(school_key, c))
        assert _fails(lambda c=candidate: unlock_counsellor_key(counsellor, c))
        assert _fails(lambda c=candidate: unwrap_with_password(
            _invitation_wrap(second), f"{link_token}\x00{invitations.normalise_code(c)}",
            purpose=invitations._purpose(second)))
    counsellor_private = unlock_counsellor_key(counsellor, COUNSELLOR_PASSWORD)
    for blob in blobs:  # no private key, data key or recovery key rests in clear anywhere
        for secret in (private, counsellor_private, data_key, recovery.encode(), code.encode()):
            assert secret not in blob
