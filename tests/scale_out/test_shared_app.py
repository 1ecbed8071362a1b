"""The application on a shared Redis: key ring entries, logout, rate keys, bad settings."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ozvise.app import create_app
from ozvise.redis_store import StoreConfigError
from ozvise.security import hashed_client_key
from review_ui.keyring_redis import KEY_PREFIX, RedisKeyRing
from tests.factories import csrf_token, login_member, register_school
from tests.pg import _free_port
from tests.redis_server import RedisServer


@pytest.fixture
def make_app():
    """``create_app``, with every app's database engine closed after the test."""
    from ozvise.db import session_factory

    made = []

    def make(settings):
        made.append(create_app(settings))
        return made[-1]

    yield make
    for app in made:
        session_factory(app).kw["bind"].dispose()


@pytest.fixture
def redis_app(settings, redis_url, make_app):
    return make_app(settings.with_overrides(keyring_storage=redis_url,
                                            rate_limit_storage=redis_url))


def _entries(redis_server) -> list[bytes]:
    return redis_server.client().keys(KEY_PREFIX + "*")


def test_login_seals_entries_in_redis_and_logout_deletes_them(redis_app, redis_server):
    from ozvise.db import session_factory

    assert isinstance(redis_app.extensions["ozvise.keyring"], RedisKeyRing)
    with session_factory(redis_app)() as session:
        registered = register_school(session)
    member, password = registered.members["handler"]
    client = redis_app.test_client()
    assert login_member(client, member, password).status_code == 302
    assert len(_entries(redis_server)) == 2  # the server-side session and the school key
    assert client.get("/skola/").status_code == 200

    token = csrf_token(client, "/skola/")
    assert client.post("/skola/odhlasit", data={"csrf_token": token}).status_code == 302
    assert _entries(redis_server) == []
    assert client.get("/skola/").status_code == 302  # back to the login page


def test_processes_sharing_a_limit_store_key_a_client_alike(settings, redis_url, make_app):
    shared = [make_app(settings.with_overrides(rate_limit_storage=redis_url))
              for _ in range(2)]
    alone = [make_app(settings) for _ in range(2)]

    def key(app) -> str:
        with app.test_request_context("/", environ_base={"REMOTE_ADDR": "192.0.2.7"}):
            return hashed_client_key()

    assert key(shared[0]) == key(shared[1])
    assert "192.0.2.7" not in key(shared[0])
    assert key(alone[0]) != key(alone[1])  # memory://: each process its own secret


@pytest.mark.parametrize("setting", ["keyring_storage", "rate_limit_storage"])
def test_a_wrong_store_setting_stops_the_start_with_a_czech_message(settings, setting):
    with pytest.raises(StoreConfigError, match="podporované je memory://"):
        create_app(settings.with_overrides(**{setting: "memcached://127.0.0.1:11211"}))
    url = f"redis://:tajne-heslo@127.0.0.1:{_free_port()}/0"
    with pytest.raises(StoreConfigError, match="neodpovídá") as raised:
        create_app(settings.with_overrides(**{setting: url}))
    assert "tajne-heslo" not in str(raised.value)


def test_serve_refuses_an_unreachable_store_without_a_traceback(settings):
    from ozvise.cli import main

    env = {"OZVISE_INSTANCE_DIR": str(settings.instance_dir),
           "OZVISE_DATABASE_URL": settings.database_url, "OZVISE_SECRET_KEY": "x",
           "OZVISE_KEYRING_STORAGE": f"redis://127.0.0.1:{_free_port()}/0"}
    result = CliRunner().invoke(main, ["serve", "--port", str(_free_port())], env=env)
    assert result.exit_code == 1
    assert "OZVISE_KEYRING_STORAGE: Redis na redis://127.0.0.1" in result.output
    assert "Traceback" not in result.output


def test_a_lost_store_is_a_czech_503_not_a_stack_trace(settings, make_app):
    server = RedisServer()
    server.start()
    try:
        app = make_app(settings.with_overrides(keyring_storage=server.url()))
        from ozvise.db import session_factory

        with session_factory(app)() as session:
            registered = register_school(session)
        member, password = registered.members["handler"]
        client = app.test_client()
        assert login_member(client, member, password).status_code == 302
    finally:
        server.stop()
    page = client.get("/skola/")
    assert page.status_code == 503
    assert "Služba je na okamžik nedostupná" in page.get_data(as_text=True)


def test_a_password_protected_store_needs_its_password(settings, make_app):
    server = RedisServer(password="heslo-pro-redis")
    server.start()
    try:
        ring = make_app(settings.with_overrides(
            keyring_storage=server.url())).extensions["ozvise.keyring"]
        handle = ring.put("member:1", b"k")
        assert ring.get(handle, "member:1") == b"k"
        without = server.url().replace(":heslo-pro-redis@", "")
        with pytest.raises(StoreConfigError, match="neodpovídá") as raised:
            make_app(settings.with_overrides(rate_limit_storage=without))
        assert "heslo" not in str(raised.value)
    finally:
        server.stop()
