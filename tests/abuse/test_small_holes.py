"""Small holes: redirect targets, session binding, file modes, register e-mails, login timing."""

from __future__ import annotations

import os
import stat
import statistics
import time
from email.message import EmailMessage

import pytest
from click.testing import CliRunner

from crypto.passwords import KdfCost
from delivery.transport import _write_eml
from ozvise.app import create_app
from ozvise.cli import main
from ozvise.config import Settings
from ozvise.safe_redirect import local_target
from tests.factories import (
    MODERATOR_PASSWORD,
    csrf_token,
    fresh_code,
    login_member,
    make_moderator,
    register_school,
)


@pytest.mark.parametrize("target", [
    "/moderace/\r\nSet-Cookie: x=1", "/moderace/\nx", "/moderace/\x00", "/moderace/\x7f",
    "/moderace/\u200bx", "/moderace/\u2028", "//evil.example/", "/moderace/\\evil",
    "https://evil.example/moderace/", "/skola/", "/moderace/" + "a" * 600])
def test_unsafe_targets_are_refused(target):
    assert local_target(target, "/moderace/") is None


def test_plain_target_is_kept():
    assert local_target("/moderace/hlaseni/abc?x=1", "/moderace/") == "/moderace/hlaseni/abc?x=1"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_crlf_in_next_is_no_error_anywhere(client, session):
    moderator = make_moderator(session)
    assert client.get("/moderace/prihlaseni?next=/moderace/%0D%0AX-Evil:%201").status_code == 200
    token = csrf_token(client, "/moderace/prihlaseni")
    first = client.post("/moderace/prihlaseni", data={
        "csrf_token": token, "username": moderator.username, "password": MODERATOR_PASSWORD,
        "next": "/moderace/\r\nX-Evil: 1"})
    assert first.status_code == 302
    token = csrf_token(client, "/moderace/overeni")
    done = client.post("/moderace/overeni", data={"csrf_token": token, "code": fresh_code(
        f"moderator:{moderator.id}", moderator.totp_secret)})
    assert done.status_code == 302 and done.headers["Location"].endswith("/moderace/")
    assert "X-Evil" not in done.headers
    reg = register_school(session)
    member, password = reg.members["handler"]
    portal = client.application.test_client()
    token = csrf_token(portal, "/skola/prihlaseni")
    answer = portal.post("/skola/prihlaseni?next=/skola/%0D%0AX:1", data={
        "csrf_token": token, "email": member.email, "password": password})
    assert answer.status_code == 302 and "pending_next" not in str(answer.headers)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_session_cookie_used_from_another_client_is_not_logged_in(app, session):
    reg = register_school(session)
    member, password = reg.members["handler"]
    owner = app.test_client()
    owner.environ_base.update(REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="Firefox/140")
    assert login_member(owner, member, password).headers["Location"].endswith("/skola/")
    assert owner.get("/skola/").status_code == 200
    stolen = owner.get_cookie("session").value
    for address, browser in (("198.51.100.66", "Firefox/140"), ("192.0.2.10", "curl/8")):
        thief = app.test_client()
        thief.environ_base.update(REMOTE_ADDR=address, HTTP_USER_AGENT=browser)
        thief.set_cookie("session", stolen)
        response = thief.get("/skola/")
        assert response.status_code == 302 and "/skola/prihlaseni" in response.headers["Location"]
    assert owner.get("/skola/").status_code == 200  # the owner is not thrown out


def test_instance_files_are_owner_only_whatever_the_umask(tmp_path):
    instance = tmp_path / "fresh-instance"
    env = {"OZVISE_INSTANCE_DIR": str(instance),
           "OZVISE_DATABASE_URL": f"sqlite:///{instance / 'ozvise.db'}"}
    previous = os.umask(0o002)  # group- and world-readable files by default
    try:
        result = CliRunner().invoke(main, ["db", "upgrade"], env=env)
        assert result.exit_code == 0, result.output
        app = create_app(Settings.from_env(env))
        mail = EmailMessage()
        mail["To"], mail["Subject"] = "a@b.cz", "x"
        _write_eml(app.config["OZVISE_SETTINGS"], mail, "<id@ozvise>")
    finally:
        os.umask(previous)

    def mode(path):
        return stat.S_IMODE(os.stat(path).st_mode)

    assert mode(instance) == 0o700 and mode(instance / "outbox") == 0o700
    files = [p for p in instance.iterdir() if p.is_file()] + list((instance / "outbox").iterdir())
    assert {p.name for p in files} >= {"ozvise.db", "secret_key", "audit_key", "id_ozvise.eml"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_register_import_refuses_loose_e_mails(session, settings, tmp_path):
    csv = tmp_path / "register.csv"
    rows = ["red_izo,name,street,town,postcode,region,director_email",
            "600000001,ZŠ Jedna,Ulice 1,Obec,123 45,Kraj,reditel@zs-jedna.cz",
            '600000002,ZŠ Dva,Ulice 2,Obec,123 45,Kraj,"a@zs-dva.cz,b@jinde.cz"',
            '600000003,ZŠ Tři,Ulice 3,Obec,123 45,Kraj,"""x""@zs-tri.cz"',
            "600000004,ZŠ Čtyři,Ulice 4,Obec,123 45,Kraj,<a@zs-ctyri.cz>",
            "600000005,ZŠ Pět,Ulice 5,Obec,123 45,Kraj,a@b.c",
            '600000006,ZŠ Šest,Ulice 6,Obec,123 45,Kraj,"a@zs-sest.cz\nBcc: x@y.cz"']
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    env = {"OZVISE_DATABASE_URL": settings.database_url,
           "OZVISE_INSTANCE_DIR": str(settings.instance_dir)}
    result = CliRunner().invoke(main, ["schools", "import", "--quiet", str(csv)], env=env)
    assert result.exit_code == 0, result.output
    assert "1 nových" in result.output and "5 odmítnutých" in result.output
    assert result.output.count("e-mail ředitele") == 5


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_portal_login_costs_the_same_for_unknown_and_known_e_mails(settings, session,
                                                                  monkeypatch):
    """Both answers run one Argon2 verification of the installation's cost, so their
    timing tells nothing (before: an unknown e-mail answered without any)."""
    import crypto.passwords

    realistic = settings.with_overrides(kdf=KdfCost(time_cost=2, memory_cost_kib=32768,
                                                    parallelism=1))
    app = create_app(realistic)
    from tests import factories

    factories.CURRENT_APP = app
    reg = register_school(session)
    member, _password = reg.members["handler"]
    from crypto.passwords import hash_password

    member.password_hash = hash_password("skutecne-heslo-123", realistic.kdf)
    session.commit()
    calls = []
    original = crypto.passwords.verify_password

    def counting(stored, password):  # noqa: ANN001, ANN202
        calls.append(1)
        return original(stored, password)

    for module in ("crypto.passwords", "review_ui.login_timing", "review_ui.portal.login"):
        monkeypatch.setattr(f"{module}.verify_password", counting)

    def timed(email: str) -> float:
        client = app.test_client()
        token = csrf_token(client, "/skola/prihlaseni")
        started = time.perf_counter()
        response = client.post("/skola/prihlaseni", data={
            "csrf_token": token, "email": email, "password": "spatne-heslo-123"})
        assert response.status_code == 401
        return time.perf_counter() - started

    timed("nikdo@nikde.example")  # warm the dummy hash
    calls.clear()
    unknown = [timed(f"nikdo{i}@nikde.example") for i in range(4)]
    assert len(calls) == 4
    calls.clear()
    known = [timed(member.email) for _ in range(4)]
    assert len(calls) == 4
    ratio = statistics.median(unknown) / statistics.median(known)
    assert 0.5 < ratio < 2.0, (unknown, known)
