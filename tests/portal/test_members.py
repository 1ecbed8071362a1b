"""The admin manages people: invite, re-grant after a forgotten password, roles, removal."""

from __future__ import annotations

import re

from sqlalchemy import select

from crypto.school_keys import unlock_for_member
from models import AuditEvent, MemberRole, Report, SchoolKey, SchoolMember
from tests.factories import csrf_token, delivered_report, login_member, register_school
from tests.portal.helpers import accept_invitation, link_path, member_by_email, outbox

NEW_PASSWORD = "uplne-nove-heslo-resitele"


def _post(client, path: str, **data: str):
    return client.post(path, data={"csrf_token": csrf_token(client, "/skola/clenove"), **data})


def _code(response) -> str:
    return re.search(r'id="code">([0-9A-Z-]+)<', response.get_data(as_text=True)).group(1)


def test_regrant_after_forgotten_password_reads_old_report(app, client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id,
                                 "Vojtovi Málkovi berou mobil.", name="Vojta Málek", klass="8.C")
    before = (report.text_ct, report.victim_name_ct, [k.wrapped_key for k in report.keys])
    admin, admin_password = reg.members["admin"]
    handler, old_password = reg.members["handler"]
    assert login_member(client, admin, admin_password).status_code == 302

    response = _post(client, f"/skola/clenove/{handler.id}/obnovit")
    assert response.status_code == 200
    code = _code(response)
    (mail,) = outbox(session, "member_invitation")
    assert mail.recipient == handler.email and code not in mail.body

    forgetful = app.test_client()
    assert login_member(forgetful, handler, old_password).status_code == 401  # wiped
    assert accept_invitation(forgetful, session, link_path(mail.body, "/skola/pozvanka/"),
                             code.lower().replace("-", " "), NEW_PASSWORD).status_code == 302
    page = forgetful.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert "Vojta Málek" in page and "8.C" in page

    session.expire_all()
    report = session.get(Report, report.id)
    assert (report.text_ct, report.victim_name_ct, [k.wrapped_key for k in report.keys]) == before
    actions = list(session.scalars(select(AuditEvent.action)))
    assert "member.access_regranted" in actions


def test_invite_new_handler_and_analyst(app, client, session, settings):
    reg = register_school(session, roles=("admin",))
    admin, password = reg.members["admin"]
    login_member(client, admin, password)
    response = _post(client, "/skola/clenove/pozvat", name="Eva Řezníčková",
                     email="eva@skola.example", phone="731 000 111", role="analyst")
    code = _code(response)
    analyst = member_by_email(session, "eva@skola.example")
    assert analyst.role == MemberRole.ANALYST
    (mail,) = outbox(session, "member_invitation", "eva@skola.example")
    other = app.test_client()
    accept_invitation(other, session, link_path(mail.body, "/skola/pozvanka/"), code,
                      NEW_PASSWORD)
    analyst = member_by_email(session, "eva@skola.example")
    assert analyst.password_hash and analyst.key_wrap is None  # analysts never hold the key
    report, _ = delivered_report(app.test_client(), session, settings, reg.school.id, "Text.")
    assert other.get(f"/skola/hlaseni/{report.id}").status_code == 403
    assert other.get("/skola/statistiky").status_code == 200

    bad = _post(client, "/skola/clenove/pozvat", name="X", email="nope", phone="1", role="boss")
    assert bad.status_code == 400 and "jméno a příjmení" in bad.get_data(as_text=True)
    dup = _post(client, "/skola/clenove/pozvat", name="Eva Druhá", email="eva@skola.example",
                phone="731000111", role="handler")
    assert dup.status_code == 400 and "už má účet" in dup.get_data(as_text=True)


def test_role_changes_move_the_key(app, client, session):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    handler, handler_password = reg.members["handler"]
    login_member(client, admin, password)
    assert _post(client, f"/skola/clenove/{handler.id}/role", role="analyst").status_code == 302
    demoted = member_by_email(session, handler.email)
    assert demoted.role == MemberRole.ANALYST and demoted.key_wrap is None
    promoted = _post(client, f"/skola/clenove/{handler.id}/role", role="handler")
    assert promoted.status_code == 200 and _code(promoted)  # the key travels by invitation
    # the only admin cannot demote or remove themselves
    assert _post(client, f"/skola/clenove/{admin.id}/odebrat").status_code == 400
    session.expire_all()
    key = session.get(SchoolKey, admin.school_key_id)
    assert unlock_for_member(member_by_email(session, admin.email), key, password)


def test_removed_member_cannot_log_in(app, client, session):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    handler, handler_password = reg.members["handler"]
    login_member(client, admin, password)
    address = handler.email
    assert _post(client, f"/skola/clenove/{handler.id}/odebrat", potvrzeno="1").status_code == 302
    session.expire_all()
    removed = session.get(SchoolMember, handler.id)
    assert not removed.active and removed.key_wrap is None and removed.password_hash is None
    assert removed.email == f"removed-{handler.id}@invalid"
    assert login_member(app.test_client(), removed, handler_password).status_code == 401
    assert _login_status(app.test_client(), address, handler_password) == 401


def _login_status(client, address: str, password: str) -> int:
    token = csrf_token(client, "/skola/prihlaseni")
    return client.post("/skola/prihlaseni", data={"csrf_token": token, "email": address,
                                                  "password": password}).status_code


def test_removed_members_address_can_be_invited_again(app, client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id,
                                 "Vojtovi Málkovi berou mobil.", name="Vojta Málek", klass="8.C")
    admin, password = reg.members["admin"]
    handler, handler_password = reg.members["handler"]
    address, old_id = handler.email, handler.id
    login_member(client, admin, password)
    assert _post(client, f"/skola/clenove/{old_id}/odebrat", potvrzeno="1").status_code == 302

    response = _post(client, "/skola/clenove/pozvat", name="Petra Nováková", email=address,
                     phone="731 000 222", role="handler")
    assert response.status_code == 200, response.get_data(as_text=True)
    code = _code(response)
    newcomer = member_by_email(session, address)
    assert newcomer.id != old_id and newcomer.active and newcomer.name == "Petra Nováková"
    (mail,) = outbox(session, "member_invitation", address)
    other = app.test_client()
    assert accept_invitation(other, session, link_path(mail.body, "/skola/pozvanka/"), code,
                             NEW_PASSWORD).status_code == 302
    page = other.get(f"/skola/hlaseni/{report.id}").get_data(as_text=True)
    assert "Vojta Málek" in page and "8.C" in page

    session.expire_all()
    removed = session.get(SchoolMember, old_id)
    assert not removed.active and removed.password_hash is None and removed.key_wrap is None
    assert removed.email == f"removed-{old_id}@invalid"
    assert _login_status(app.test_client(), address, handler_password) == 401
    assert login_member(app.test_client(), removed, handler_password).status_code == 401
    removal = session.scalars(select(AuditEvent).where(
        AuditEvent.action == "member.removed")).one()
    assert removal.target == f"member:{old_id}"  # the trail still names the removed row


def test_admin_cannot_touch_another_schools_member(client, session):
    ours, theirs = register_school(session), register_school(session)
    admin, password = ours.members["admin"]
    login_member(client, admin, password)
    victim, _ = theirs.members["handler"]
    for action in ("obnovit", "odebrat", "role"):
        assert _post(client, f"/skola/clenove/{victim.id}/{action}",
                     role="analyst").status_code == 404
    assert member_by_email(session, victim.email).key_wrap is not None
