"""Moderators reach nothing of the school portal; school members nothing of moderation."""

from __future__ import annotations

import re

from tests.factories import csrf_token, delivered_report, login_member

TEXT = "Ve třídě se mi posmívají a berou mi věci."


def _walk(app, client, prefix: str, admitted: str, values: dict[str, str]) -> dict[str, int]:
    """Request every role-protected route under ``prefix`` that does not admit ``admitted``."""
    token = csrf_token(client, "/")
    seen: dict[str, int] = {}
    for rule in app.url_map.iter_rules():
        roles = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        if not rule.rule.startswith(prefix) or roles is None or admitted in roles:
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: values.get(m.group(1), "1"), rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method, data={"csrf_token": token})
            seen[f"{method} {path}"] = response.status_code
    return seen


def test_moderator_gets_403_on_every_school_portal_route(app, mod_client, session, settings,
                                                         school):
    report, _receipt = delivered_report(app.test_client(), session, settings, school.school.id,
                                        TEXT)
    seen = _walk(app, mod_client, "/skola", "moderator", {"report_id": report.id})
    assert f"GET /skola/hlaseni/{report.id}" in seen  # the decryption endpoint is walked
    assert len(seen) >= 3 and all(status == 403 for status in seen.values()), seen


def test_moderator_gets_403_on_every_other_protected_route(app, mod_client, session, settings,
                                                           school):
    """Counsellor views and anything added later: whatever does not admit moderators."""
    report, _receipt = delivered_report(app.test_client(), session, settings, school.school.id,
                                        TEXT)
    seen = _walk(app, mod_client, "/", "moderator", {"report_id": report.id})
    assert all(status == 403 for status in seen.values()), seen


def test_school_members_get_403_on_every_moderation_route(app, session, school):
    for role in ("admin", "handler", "analyst"):
        client = app.test_client()
        member, password = school.members[role]
        assert login_member(client, member, password).status_code == 302
        seen = _walk(app, client, "/moderace", role, {"report_id": "0" * 32})
        assert "GET /moderace/" in seen and "GET /moderace/statistiky" in seen
        assert all(status == 403 for status in seen.values()), (role, seen)


def test_every_moderation_route_declares_its_roles_or_is_a_login_step(app):
    public = {"moderation.static", "moderation.login", "moderation.second_factor",
              "moderation.enrol", "moderation.logout"}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("moderation.") and rule.endpoint not in public:
            roles = app.view_functions[rule.endpoint].required_roles
            assert roles == ("moderator",), rule.endpoint
