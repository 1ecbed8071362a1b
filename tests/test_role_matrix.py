"""Every route × every role, generated from the route map (DESIGN.md: "a test walks the
whole matrix").

A route must either declare its roles with ``review_ui.auth.require`` (``required_roles``)
or be listed in ``PUBLIC`` here; anything else fails, so a new route cannot be left out.
Expected codes: anonymous visitors and reporters are sent to a login page; a logged-in
role outside ``required_roles`` gets 403; a role inside it is admitted (never 401/403),
except where ownership forbids: another school's people and a counsellor without a share
get 403/404 for this school's report and people. Members of a school whose registration
is still pending verification (``@pending``) reach no member page but the few that carry
no report data (``OPEN_WHILE_UNVERIFIED``): every other one sends them to the page that
explains what is missing. The matrix is written to
``test-artifacts/role-matrix.md``. Routing does not depend on the database engine, so
this runs on SQLite only.
"""

from __future__ import annotations

import pytest
from flask import Flask

from crypto.envelope import find_key, unwrap_from
from crypto.school_keys import unlock_for_member
from models import KeyRecipient, MemberRole, SchoolKey, SchoolMember, utcnow
from ozvise.extensions import limiter
from review_ui.counsellor_shares import share_report
from review_ui.portal.school_trust import OPEN_WHILE_UNVERIFIED
from tests.counsellor.helpers import login_counsellor, make_counsellor
from tests.factories import (
    csrf_token,
    delivered_report,
    login_member,
    login_moderator,
    make_moderator,
    register_school,
)

PUBLIC = {
    "static", "submit.static", "moderation.static",
    "submit.form", "submit.submit", "submit.status_lookup",
    "submit.redisplay", "submit.receipt", "submit.finished", "submit.about",
    "api.openapi", "api.create_report", "api.report_status", "api.schools",
    "conversation_api.read", "conversation_api.write",
    "conversation.reporter_page", "conversation.reporter_reply", "conversation.reporter_leave",
    "portal.login", "portal.second_step", "portal.logout", "portal.register",
    "portal.confirm_email", "portal.invitation", "portal.school_confirmation", "portal.recovery",
    "portal.register_search",
    "moderation.login", "moderation.second_factor", "moderation.enrol", "moderation.logout",
    "counsellor.login", "counsellor.logout",
}
LOGOUTS = {"portal.logout", "moderation.logout", "counsellor.logout"}
#: run after the others: they end the session or remove the target member
LAST = LOGOUTS | {"portal.remove_member"}
SCHOOL_ROLES = ("admin", "handler", "analyst")
ROLES = ("anonymous", "reporter", "moderator", "counsellor+share", "counsellor",
         *(f"{r}@other" for r in SCHOOL_ROLES), *(f"{r}@pending" for r in SCHOOL_ROLES),
         *SCHOOL_ROLES)
#: actions with a confirmation step (``review_ui.confirmation``): posted once as the form
#: sends them (the step) and once confirmed (the action itself)
CONFIRMED_STEPS = {"portal.remove_member", "portal.change_status", "counsellor_sharing.share",
                   "counsellor_sharing.revoke"}
#: URL parameters that name this school's objects: foreign roles must not reach them
OWNED_PARAMS = {"report_id", "member_id", "share_id"}

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _world(app: Flask, session, settings):
    ours, theirs = register_school(session), register_school(session)
    pending = register_school(session, verified=False)
    report, receipt = delivered_report(app.test_client(), session, settings, ours.school.id,
                                       "Matici Zelenému ze 4.A berou věci.", name="Matěj Zelený",
                                       klass="4.A")
    target = SchoolMember(school=ours.school, name="Cílová Osoba", email="cil@skola.example",
                          role=MemberRole.ANALYST, email_confirmed_at=utcnow(),
                          school_key_id=ours.school.active_key().id)
    session.add(target)
    shared, unshared = make_counsellor(session, "poradce.a"), make_counsellor(session, "poradce.b")
    admin, password = ours.members["admin"]
    private = unlock_for_member(admin, session.get(SchoolKey, admin.school_key_id), password)
    data_key = unwrap_from(report, find_key(report, KeyRecipient.SCHOOL, admin.school_key_id),
                           private)
    share = share_report(session, report, data_key, shared.id, admin.id)
    session.commit()
    values = {"report_id": report.id, "member_id": str(target.id), "share_id": str(share.id),
              "token": "neplatny-odkaz-0123456789"}

    clients = {role: app.test_client() for role in ROLES}
    reporter = clients["reporter"]
    reporter.post("/stav", data={"csrf_token": csrf_token(reporter, "/stav"), "receipt": receipt})
    assert login_moderator(clients["moderator"], make_moderator(session)).status_code == 302
    assert login_counsellor(clients["counsellor+share"], shared).status_code == 302
    assert login_counsellor(clients["counsellor"], unshared).status_code == 302
    for role in SCHOOL_ROLES:
        assert login_member(clients[role], *ours.members[role]).status_code == 302
        assert login_member(clients[f"{role}@other"], *theirs.members[role]).status_code == 302
        assert login_member(clients[f"{role}@pending"], *pending.members[role]).status_code == 302
    return clients, values


def _url(rule, values: dict[str, str]) -> str:
    url = rule.rule
    for arg in rule.arguments:
        converter = rule._converters[arg].__class__.__name__
        value = values.get(arg, "1" if converter == "IntegerConverter" else "x")
        url = url.replace(f"<int:{arg}>", value).replace(f"<{arg}>", value)
        url = url.replace(f"<path:{arg}>", "style.css")
    return url


def _verdict(role: str, endpoint: str, roles: tuple[str, ...] | None, owned: bool,
             response) -> str | None:
    """None if the response is what the role table allows, else the reason it is not."""
    code = response.status_code
    if code >= 500:
        return f"server error {code}"
    if roles is None:
        return None  # public: any 2xx-4xx is a decision of the route itself
    to_login = code == 302 and "prihlaseni" in response.headers.get("Location", "")
    if role in ("anonymous", "reporter"):
        return None if to_login or code == 401 else f"{code} without login"
    base = role.split("@")[0].split("+")[0]
    if base not in roles:
        return None if code == 403 else f"{code}, expected 403"
    if role.endswith("@pending") and endpoint not in OPEN_WHILE_UNVERIFIED:
        sent_away = code == 302 and response.headers["Location"].endswith(
            "/skola/cekame-na-overeni")
        return None if sent_away else f"{code}, expected the pending-verification page"
    foreign = role.endswith("@other") or (role == "counsellor" and endpoint.startswith(
        "counsellor."))
    if owned and foreign:
        return None if code in (403, 404) else f"{code}, expected 403/404 (not theirs)"
    if code in (401, 403) or to_login:
        return f"{code}: admitted role was refused"
    return None


def test_every_route_for_every_role(app, session, settings, artifacts, monkeypatch):
    undeclared = [rule.endpoint for rule in app.url_map.iter_rules()
                  if rule.endpoint not in PUBLIC
                  and not getattr(app.view_functions[rule.endpoint], "required_roles", None)]
    assert not undeclared, f"routes without require(...) and not in PUBLIC: {undeclared}"

    monkeypatch.setattr(limiter, "enabled", False)  # one address plays every role here
    clients, values = _world(app, session, settings)
    rules = sorted(app.url_map.iter_rules(),
                   key=lambda r: (r.endpoint in LOGOUTS, r.endpoint in LAST, r.rule))
    rows, failures = [], []
    for rule in rules:
        roles = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        owned = bool(OWNED_PARAMS & set(rule.arguments))
        methods = sorted(rule.methods & {"GET", "POST"})
        if rule.endpoint in CONFIRMED_STEPS:
            methods.append("POST+potvrzeno")
        for method in methods:
            url, codes = _url(rule, values), []
            for role in ROLES:
                client = clients[role]
                form = {"csrf_token": csrf_token(client, "/skola/prihlaseni")}
                if method == "POST+potvrzeno":
                    form["potvrzeno"] = "1"
                response = client.get(url) if method == "GET" else client.post(url, data=form)
                codes.append(str(response.status_code))
                problem = _verdict(role, rule.endpoint, roles, owned, response)
                if problem:
                    failures.append(f"{method} {rule.rule} as {role}: {problem}")
            rows.append(f"| {method} {rule.rule} | {', '.join(roles or ('public',))} | "
                        + " | ".join(codes) + " |")
    table = ["| route | roles | " + " | ".join(ROLES) + " |",
             "|---|---|" + "---|" * len(ROLES), *rows]
    (artifacts / "role-matrix.md").write_text("\n".join(table) + "\n")
    assert len(rows) >= 40
    assert not failures, "\n".join(failures)
