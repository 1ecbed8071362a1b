"""Item 4: removing a member, closing a case, sharing with a counsellor and revoking a share
ask first, on a page that says what will happen, and happen only when confirmed; the
operator's plan change asks too. Plain form posts: no JavaScript is needed."""

from __future__ import annotations

import re

from click.testing import CliRunner
from sqlalchemy import select

from models import CounsellorShare, Plan, Report, ReportStatus, School, SchoolMember
from ozvise.cli import main
from tests.counsellor.helpers import make_counsellor
from tests.factories import csrf_token, delivered_report, login_member, register_school


def _hidden(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))


def _confirm(client, first) -> object:
    """Submit the confirmation page's own form, as its button would."""
    html = first.get_data(as_text=True)
    step = html[html.index('id="potvrzeni"'):]
    action = re.search(r'<form method="post" action="([^"]+)">', step)
    return client.post(action.group(1), data=_hidden(html))


def test_removing_a_member_asks_and_says_what_happens(app, client, session):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    handler, _ = reg.members["handler"]
    login_member(client, admin, password)
    first = client.post(f"/skola/clenove/{handler.id}/odebrat",
                        data={"csrf_token": csrf_token(client, "/skola/clenove")})
    page = first.get_data(as_text=True)
    assert first.status_code == 200 and "Odebrat Člen handler z portálu školy?" in page
    assert handler.email in page and "Vrátit to nejde" in page and 'href="/skola/clenove"' in page
    session.expire_all()
    assert session.get(SchoolMember, handler.id).active  # nothing happened yet
    done = _confirm(client, first)
    assert done.status_code == 302
    session.expire_all()
    assert not session.get(SchoolMember, handler.id).active


def test_a_refused_removal_is_refused_before_asking(app, client, session):
    reg = register_school(session)
    admin, password = reg.members["admin"]
    login_member(client, admin, password)
    own = client.post(f"/skola/clenove/{admin.id}/odebrat",
                      data={"csrf_token": csrf_token(client, "/skola/clenove")})
    assert own.status_code == 400 and 'id="potvrzeni"' not in own.get_data(as_text=True)


def test_closing_a_case_asks_first(app, client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id, "Berou mi věci.")
    handler, password = reg.members["handler"]
    login_member(client, handler, password)
    path = f"/skola/hlaseni/{report.id}"
    moved = client.post(f"{path}/stav", data={"csrf_token": csrf_token(client, path),
                                              "status": "in_progress"})
    assert moved.status_code == 303  # reversible and discloses nothing: no step
    first = client.post(f"{path}/stav", data={"csrf_token": csrf_token(client, path),
                                              "status": "resolved"})
    page = first.get_data(as_text=True)
    assert first.status_code == 200 and "Uzavřít hlášení" in page
    assert "Škola hlášení uzavřela" in page and _hidden(page)["status"] == "resolved"
    session.expire_all()
    assert session.get(Report, report.id).status == ReportStatus.IN_PROGRESS
    assert _confirm(client, first).status_code == 303
    session.expire_all()
    assert session.get(Report, report.id).status == ReportStatus.RESOLVED


def test_sharing_and_revoking_ask_first(app, client, session, settings):
    reg = register_school(session)
    report, _ = delivered_report(client, session, settings, reg.school.id, "Strkají mě.",
                                 name="Eva Malá", klass="3.B")
    counsellor = make_counsellor(session, "radova", "Mgr. Pavla Radová")
    handler, password = reg.members["handler"]
    login_member(client, handler, password)
    path = f"/skola/hlaseni/{report.id}"
    first = client.post(f"{path}/poradci", data={
        "csrf_token": csrf_token(client, path), "counsellor_id": str(counsellor.id),
        "return_to": "report"})
    page = first.get_data(as_text=True)
    assert first.status_code == 200 and "s poradcem Mgr. Pavla Radová?" in page
    assert "včetně jména a třídy oběti" in page
    assert _hidden(page)["counsellor_id"] == str(counsellor.id)
    assert session.scalars(select(CounsellorShare)).all() == []
    assert _confirm(client, first).status_code == 302
    share = session.scalars(select(CounsellorShare)).one()

    revoke = client.post(f"{path}/poradci/{share.id}/zrusit", data={
        "csrf_token": csrf_token(client, path), "return_to": "report"})
    assert revoke.status_code == 200 and "Zrušit sdílení" in revoke.get_data(as_text=True)
    session.expire_all()
    assert session.get(CounsellorShare, share.id).revoked_at is None
    assert _confirm(client, revoke).status_code == 302
    session.expire_all()
    assert session.get(CounsellorShare, share.id).revoked_at is not None


def test_plan_change_asks_the_operator(settings, session):
    reg = register_school(session, plan=Plan.BASIC)
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir), "OZVISE_SECRET_KEY": "x"}
    args = ["schools", "set-plan", reg.school.red_izo, "extended"]
    declined = CliRunner().invoke(main, args, input="n\n", env=env)
    assert declined.exit_code == 1 and "basic → extended" in declined.output
    assert "Nová hlášení bude škola číst ve svém portálu" in declined.output
    session.expire_all()
    assert session.get(School, reg.school.id).plan == Plan.BASIC
    accepted = CliRunner().invoke(main, args, input="y\n", env=env)
    assert accepted.exit_code == 0, accepted.output
    session.expire_all()
    assert session.get(School, reg.school.id).plan == Plan.EXTENDED
